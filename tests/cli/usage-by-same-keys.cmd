# --by with the same key twice: exit 1
compare --by donor,donor clean.csv
