# --region limits donors to a built-in group
compare --region g7 clean.csv
