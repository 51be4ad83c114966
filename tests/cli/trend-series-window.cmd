# --series --window 3: trailing 3-month means; the first two are n/a
trend --by donor --series --window 3 trend-monthly.csv
