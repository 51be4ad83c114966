# a number with letters after it: exit 1
compare --top 5abc clean.csv
