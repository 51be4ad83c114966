# built-in groups: overlapping, shares of the all-donor total, ties share a rank
compare --by region clean.csv
