# a quote opened in line 3, column 3 runs to the end of the file: exit 2, not a rejected row
check unclosed.csv
