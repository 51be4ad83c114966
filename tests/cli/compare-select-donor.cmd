# --donor repeated; a quoted name with a comma is one donor
compare --donor TUR --donor "Korea, Republic of" clean.csv
