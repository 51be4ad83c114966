# --currency with a digit: exit 1
compare --currency U5D clean.csv
