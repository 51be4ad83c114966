# --by with three keys: exit 1
compare --by donor,type,year clean.csv
