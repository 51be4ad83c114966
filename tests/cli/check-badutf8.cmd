# UTF-8 text (line 2) and later a Latin-1 byte: damaged UTF-8, not Latin-1
check badutf8.csv
