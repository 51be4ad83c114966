# --format tsv
compare --format tsv clean.csv
