# selecting the EUR donors only works ("eur" is read as EUR)
compare --donor Germany,France currencies.csv
