# --stat sd at full precision
compare --stat sd --format csv compare-stats.csv
