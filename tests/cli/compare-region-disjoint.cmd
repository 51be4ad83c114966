# issue 11: disjoint groups: no "several groups" note, the two donors outside them named with their amounts
compare --by region --region europe,usa clean.csv
