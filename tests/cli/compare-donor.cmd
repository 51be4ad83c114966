# the default comparison: allocations by donor, shares and cumulative shares
compare --by donor clean.csv
