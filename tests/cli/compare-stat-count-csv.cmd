# --stat count as CSV: the unit is records, not euros
compare --stat count --format csv compare-stats.csv
