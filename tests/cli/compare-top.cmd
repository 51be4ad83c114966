# --top 2 folds the other donors into "Others (2)"
compare --top 2 clean.csv
