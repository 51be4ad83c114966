# SIPRI: a supplier filter is named in the title; the table heads years, TIV in whole millions
compare sipri-register.csv --donor Germany --by year
