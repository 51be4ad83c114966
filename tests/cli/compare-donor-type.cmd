# two keys: donors down, types across
compare --by donor,type clean.csv
