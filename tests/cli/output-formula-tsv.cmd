# TSV: the same leading ' for = + - @; the newline in a name becomes a space
compare --format tsv hostile-names.csv
