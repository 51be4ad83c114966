# --verbose: check's per-file accounting on stderr, the output unchanged on stdout
convert wide.csv --verbose
