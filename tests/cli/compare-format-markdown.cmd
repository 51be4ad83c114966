# --format markdown
compare --format markdown clean.csv
