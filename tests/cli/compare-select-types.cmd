# --type with two types
compare --type military,humanitarian clean.csv
