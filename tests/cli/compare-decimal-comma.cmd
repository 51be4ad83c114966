# ';' file with decimal commas and thousands dots
compare --decimal-comma semicolon.csv
