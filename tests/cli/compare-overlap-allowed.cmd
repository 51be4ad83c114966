# --allow-overlap adds overlapping files deliberately
compare --allow-overlap --type military clean.csv clean-overlap.csv
