# the same file with the mark stated: 1500, 2250, 3125
compare --decimal-comma --format csv semicolon-ambiguous.csv
