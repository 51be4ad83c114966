# --by with a misspelt key: a suggestion, exit 1
compare --by donr clean.csv
