# --format json
compare --format json clean.csv
