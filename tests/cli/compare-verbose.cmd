# --verbose: check's per-file accounting on stderr, the output unchanged on stdout
compare badvalues.csv --verbose --format csv
