# the moving average at full precision
trend --by donor --series --window 3 --format csv trend-monthly.csv
