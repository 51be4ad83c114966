# --stat mean: Denmark (6+1+5)/3 = 4, Norway 3, Canada (1+3)/2 = 2, Poland 1 (€ m)
compare --stat mean compare-stats.csv
