# the same file with the mark stated: 1.5, 2.25, 3.125
compare --decimal-point --format csv semicolon-ambiguous.csv
