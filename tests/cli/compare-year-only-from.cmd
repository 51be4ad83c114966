# a year-only record (2022) reaches across --from 2022-06: left out by the stated rule, with its count and value
compare --from 2022-06 year-only.csv
