# --current outside 1900-2100: exit 1
trend --current 99999 trend-years.csv
