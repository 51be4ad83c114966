# --regions file without an iso3 or country column: exit 2
compare --by region --regions regions-nocode.csv clean.csv
