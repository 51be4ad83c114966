# --releases needs two or more files
compare --releases clean.csv
