# every number at full precision (Denmark: perfect fit, se 0, p 0)
trend --by donor --format csv trend-monthly.csv
