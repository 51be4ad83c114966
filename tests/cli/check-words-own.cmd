# words of the user's own for types and measures (any case); an unknown word is still rejected
check --word Rüstung=military --word auszahlung=delivery words-own.csv
