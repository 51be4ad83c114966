# issue 11: --concentration on data with a negative value names it, not --per
compare --concentration negative.csv
