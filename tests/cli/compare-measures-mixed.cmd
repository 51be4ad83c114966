# two measures selected cannot be added up: exit 4
compare --measure allocation,commitment clean.csv
