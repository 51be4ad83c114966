# unknown --measure: exit 1
compare --measure pledges clean.csv
