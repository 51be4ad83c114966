# a YYYY-MM-DD date column instead of year/month; 2023-02-30 is rejected
check dates.csv
