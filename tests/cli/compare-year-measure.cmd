# issue 11: years are listed in order, not ranked: no "rows are ranked by" note
compare --by year,measure clean.csv
