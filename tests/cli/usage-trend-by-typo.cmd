# trend --by with a misspelt key: a suggestion, exit 1
trend --by regoin clean.csv
