# --top with regions: overlapping groups are not folded, a note says how many are hidden
compare --by region --top 2 clean.csv
