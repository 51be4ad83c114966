# by measure: no total, no shares (measures do not add up)
compare --by measure clean.csv
