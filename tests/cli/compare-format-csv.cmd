# --format csv: base units, full precision, metadata on every row
compare --format csv clean.csv
