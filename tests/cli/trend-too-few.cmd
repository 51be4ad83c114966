# two complete quarters: no trend for any donor
trend --by donor --interval quarter trend-monthly.csv
