# unknown --type: exit 1
compare --type weapons2 clean.csv
