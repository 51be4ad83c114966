# by aid type
compare --by type clean.csv
