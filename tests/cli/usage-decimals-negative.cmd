# negative --decimals: exit 1
compare --decimals -1 clean.csv
