# an EU attribution key that leaves out a member with aid in the data is refused
compare --eu-key eu-key-short.csv kiel-explorer.csv
