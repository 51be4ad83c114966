# German and short names select the same donors as the data's names
compare --donor "Vereinigte Staaten,Korea,deu" clean.csv
