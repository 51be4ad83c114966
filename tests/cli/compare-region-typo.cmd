# an unknown group that looks like a typo gets a suggestion
compare --region eurpoe clean.csv
