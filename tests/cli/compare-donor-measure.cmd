# measures as columns: commitments, allocations, to be allocated; allocated = allocations / commitments
compare --by donor,measure compare-stats.csv
