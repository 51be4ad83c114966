# ';' sniffed; --decimal-comma reads 1.234.567,89 and 12.345,6
check --decimal-comma semicolon.csv
