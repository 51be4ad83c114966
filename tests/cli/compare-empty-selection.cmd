# a donor that is not in the data: exit 3
compare --donor Nobody clean.csv
