# by measure as CSV: no second "measure" column
compare --by measure --format csv clean.csv
