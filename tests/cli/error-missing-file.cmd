# a file that does not exist: exit 2
check missing.csv
