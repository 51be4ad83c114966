# by year: no ranks for periods
compare --by year clean.csv
