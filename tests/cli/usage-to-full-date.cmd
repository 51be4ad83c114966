# --to with a day: exit 1
compare --to 2023-02-01 clean.csv
