# a "," file with quoted decimal commas: the rows are rejected with the reason, "1,250" is 1250
check comma-file-decimal-comma.csv
