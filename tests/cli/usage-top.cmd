# negative --top: exit 1
compare --top -1 clean.csv
