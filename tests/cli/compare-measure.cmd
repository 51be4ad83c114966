# --measure commitment
compare --measure commitment clean.csv
