# --map without "=": exit 1
compare --map value clean.csv
