# --verbose: check's per-file accounting on stderr, the output unchanged on stdout
trend trend-years.csv clean.csv --verbose --format csv
