# unknown --measure: exit 1
compare --measure rumoured clean.csv
