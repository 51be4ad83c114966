# --stat median: Denmark median(6,1,5) = 5, Norway 3, Canada 2, Poland 1 (€ m)
compare --stat median compare-stats.csv
