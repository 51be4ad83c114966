# the same file without --decimal-comma: its values ("1.234.567,89", "12.345,6")
# show the decimal comma, so the column is read by it
check semicolon.csv
