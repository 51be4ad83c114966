# a forecast that is not a number: exit 1
trend --forecast nan trend-years.csv
