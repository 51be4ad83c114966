# --input-currency USD: a file without a currency column read as US dollars
compare --input-currency USD compare-stats.csv
