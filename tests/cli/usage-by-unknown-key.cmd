# --by with an unknown key: exit 1
compare --by colour clean.csv
