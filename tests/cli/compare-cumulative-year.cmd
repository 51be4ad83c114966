# --cumulative by year: 12, 32, 62, 75 (€ m)
compare --cumulative --by year trend-years.csv
