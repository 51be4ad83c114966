# --currency without --rates: exit 1
compare --currency USD compare-stats.csv
