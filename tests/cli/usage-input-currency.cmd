# --input-currency not a three-letter code: exit 1
compare --input-currency US compare-stats.csv
