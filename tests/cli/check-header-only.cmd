# a header and no data rows: nothing read, no error
check header-only.csv
