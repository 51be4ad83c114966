# the same file without --decimal-comma: every value is rejected, none misread
check semicolon.csv
