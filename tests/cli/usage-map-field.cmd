# --map with an unknown field: exit 1
compare --map colour=value clean.csv
