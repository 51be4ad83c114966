# both marks at once is a usage error
compare --decimal-comma --decimal-point semicolon.csv
