# --from 2023-13 has the right form but month 13: the message must say so
compare --from 2023-13 clean.csv
