# --cumulative needs periods: exit 1
compare --cumulative --by donor compare-stats.csv
