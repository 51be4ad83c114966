# a byte in 0x80-0x9F (0x96, an en dash) makes it Windows-1252
check cp1252.csv
