# --type military: the title says military aid
compare --type military clean.csv
