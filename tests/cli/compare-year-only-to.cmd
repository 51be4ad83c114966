# the other half: --to 2022-05 leaves the same year-only records out, and says so
compare --to 2022-05 year-only.csv
