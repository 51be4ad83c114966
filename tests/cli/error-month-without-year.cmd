# a month column (column 2) but no year column: exit 2
check month-noyear.csv
