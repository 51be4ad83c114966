# a monthly series of records dated by year only is refused, naming the option that settles it
trend --interval month trend-year-dates.csv
