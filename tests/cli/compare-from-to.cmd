# --from/--to with months
compare --from 2022-06 --to 2023-06 clean.csv
