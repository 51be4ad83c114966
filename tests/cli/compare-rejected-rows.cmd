# rejected rows are counted in a warning on stderr; the comparison still runs
compare badvalues.csv
