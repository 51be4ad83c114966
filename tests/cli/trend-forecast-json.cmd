# the forecast at full precision
trend --by donor --forecast 2 --format json trend-monthly.csv
