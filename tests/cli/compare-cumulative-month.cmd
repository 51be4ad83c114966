# --cumulative by month: 6, 8, 9, 12, 15, 20 (€ m)
compare --cumulative --by month compare-stats.csv
