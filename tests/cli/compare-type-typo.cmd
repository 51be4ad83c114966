# an unknown aid type that looks like a typo gets a suggestion
compare --type militray clean.csv
