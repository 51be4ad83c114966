# --top 2 with measures as columns: Norway and Poland folded into Others (2), so the rows add up to the total
compare --by donor,measure --top 2 compare-stats.csv
