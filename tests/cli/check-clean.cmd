# check a clean long file; a donor name with a comma must stay one name in the donor list
check clean.csv
