# measures as columns at full precision
compare --by donor,measure --format csv compare-stats.csv
