# quoted delimiter, doubled quotes and an embedded newline: later line numbers stay physical (line 5)
check quoted.csv
