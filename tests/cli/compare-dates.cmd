# a date column by month; one impossible date rejected with a warning
compare --by month dates.csv
