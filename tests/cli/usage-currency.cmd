# bad --currency: exit 1
compare --currency euro clean.csv
