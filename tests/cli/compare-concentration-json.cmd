# the concentration at full precision
compare --concentration --format json compare-stats.csv
