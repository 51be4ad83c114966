# unknown --region: exit 1, the known groups listed
compare --region mars clean.csv
