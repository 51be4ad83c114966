# --window 0: exit 1
trend --series --window 0 trend-years.csv
