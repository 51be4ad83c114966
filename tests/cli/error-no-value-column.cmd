# a header without any value column: exit 2
check novalue.csv
