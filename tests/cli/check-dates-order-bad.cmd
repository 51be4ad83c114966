# an unknown order
check --date-order dym dates-us.csv
