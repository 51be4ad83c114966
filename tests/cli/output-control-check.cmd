# check's donor list: control characters as visible escapes
check hostile-names.csv
