# --encoding UTF-8 on a Latin-1 file: invalid UTF-8 at file:line:column
compare --encoding UTF-8 latin1.csv
