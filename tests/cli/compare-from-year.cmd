# --from with a year only
compare --from 2023 clean.csv
