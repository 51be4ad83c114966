# check with no file: the embedded Kiel Release 29 data
check
