# dates are years only and no interval is asked: the series is yearly, and a note says so
trend trend-year-dates.csv
