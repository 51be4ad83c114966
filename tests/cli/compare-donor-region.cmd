# two keys: donors down, overlapping groups across
compare --by donor,region --regions regions.csv clean.csv
