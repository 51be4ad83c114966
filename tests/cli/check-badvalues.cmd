# month 13, year 1800, non-numbers, missing values: reasons and line numbers
check badvalues.csv
