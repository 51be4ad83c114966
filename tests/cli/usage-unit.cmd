# bad --unit: exit 1
compare --unit dozen clean.csv
