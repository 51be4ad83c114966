# by month
compare --by month clean.csv
