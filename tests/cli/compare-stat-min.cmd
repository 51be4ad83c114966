# --stat min: Norway 3, then Denmark, Canada and Poland tied at 1 (€ m)
compare --stat min compare-stats.csv
