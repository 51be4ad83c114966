# --scale k --decimals 1: the unit in the title, header and footer follows
compare --scale k --decimals 1 clean.csv
