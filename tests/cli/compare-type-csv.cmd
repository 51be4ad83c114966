# by type as CSV: no second "type" column
compare --by type --format csv clean.csv
