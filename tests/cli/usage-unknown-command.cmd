# unknown command: exit 1
frobnicate clean.csv
