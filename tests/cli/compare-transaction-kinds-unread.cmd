# a column named neither measure nor transaction holds two transaction kinds: refused at the cell, naming the column and how to read it
compare transaction-kinds.csv
