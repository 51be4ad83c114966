# too many --decimals: exit 1
compare --decimals 12 clean.csv
