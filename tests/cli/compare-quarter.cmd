# by quarter
compare --by quarter clean.csv
