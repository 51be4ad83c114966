# the order is stated: ambiguous dates are read day-first
compare --by month --format csv --date-order dmy dates-ambiguous.csv
