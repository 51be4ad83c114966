# --regions file that does not exist: exit 2
compare --by region --regions nosuch.csv clean.csv
