# hexadecimal is not a number here (GOption read 0x40 as 64): exit 1
compare --top 0x40 clean.csv
