# deliveries by year from a TIV table
compare sipri-tiv.csv --by year
