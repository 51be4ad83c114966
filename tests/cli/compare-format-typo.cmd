# unknown names in options get a suggestion when they look like a typo
compare --format cvs clean.csv
