# --regions file with a member that has neither code nor name (line 3): exit 2
compare --by region --regions regions-nomember.csv clean.csv
