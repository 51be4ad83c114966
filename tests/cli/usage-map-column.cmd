# --map naming a column the header lacks: exit 1
compare --map value=amount clean.csv
