# --stat count: records per donor (Denmark 3, Canada 2, Norway 1, Poland 1); ties share a rank
compare --stat count compare-stats.csv
