# --region with donors: those outside the group are named with their amounts
compare --region eu27 clean.csv
