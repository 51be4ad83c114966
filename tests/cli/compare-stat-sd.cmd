# --stat sd (n - 1): Denmark sqrt(7) = 2.65, Canada sqrt(2) = 1.41; one record has none
compare --stat sd compare-stats.csv
