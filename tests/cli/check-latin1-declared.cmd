# --encoding latin1: declared, no detection note
check --encoding latin1 latin1.csv
