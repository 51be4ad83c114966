# an empty file: no header row, exit 2
check empty.csv
