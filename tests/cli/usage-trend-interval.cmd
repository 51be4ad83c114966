# bad --interval: exit 1
trend --interval week trend-monthly.csv
