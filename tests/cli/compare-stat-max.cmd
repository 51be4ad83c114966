# --stat max: Denmark 6, Canada and Norway 3, Poland 1 (€ m)
compare --stat max compare-stats.csv
