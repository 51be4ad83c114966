# a currency column with EUR and USD: check must say the file mixes currencies
check currencies.csv
