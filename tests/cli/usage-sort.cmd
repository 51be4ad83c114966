# unknown --sort: exit 1
compare --sort size clean.csv
