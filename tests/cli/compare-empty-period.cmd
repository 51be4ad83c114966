# a period after the data: exit 3
compare --from 2024 clean.csv
