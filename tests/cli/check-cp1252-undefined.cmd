# 0x81 is in 0x80-0x9F but no character in Windows-1252: an error at its line and column
check cp1252-undefined.csv
