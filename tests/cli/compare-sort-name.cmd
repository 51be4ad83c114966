# --sort name: ranks stay by value; no cumulative share, which only means something in value order
compare --sort name clean.csv
