# --series: the monthly values per donor; no period is incomplete
trend --by donor --series trend-monthly.csv
