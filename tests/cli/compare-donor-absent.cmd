# a country that has no records in the data is an error naming it
compare --donor Brazil clean.csv
