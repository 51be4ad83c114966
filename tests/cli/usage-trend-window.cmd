# --window without --series: exit 1
trend --window 3 trend-monthly.csv
