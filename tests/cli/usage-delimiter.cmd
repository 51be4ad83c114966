# bad --delimiter: exit 1
compare --delimiter x clean.csv
