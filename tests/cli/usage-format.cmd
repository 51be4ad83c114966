# unknown --format: exit 1
compare --format xml clean.csv
