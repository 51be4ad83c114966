# two keys: years down, types across
compare --by year,type clean.csv
