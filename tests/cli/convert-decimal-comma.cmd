# convert a decimal-comma file: exact values in base units
convert --decimal-comma semicolon.csv
