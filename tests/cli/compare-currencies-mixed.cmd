# EUR and USD rows cannot be added up: exit 4
compare currencies.csv
