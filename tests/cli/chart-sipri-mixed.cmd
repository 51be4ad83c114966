# a chart refuses TIV and euros together too (nothing is written)
chart bar sipri-register.csv clean.csv --measure commitment -o mixed.svg
