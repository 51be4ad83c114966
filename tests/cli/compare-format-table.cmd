# --format table
compare --format table clean.csv
