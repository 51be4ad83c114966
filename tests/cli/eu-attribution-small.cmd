# the EU row (1.5 bn, financial) attributed 80/20 by the key: Denmark 0.5 bilateral + 1.2 = 1.7,
# Germany 0.3; the total (2.0 bn) unchanged; by type too (the key applied to every type)
compare --eu-key eu-key-denmark.csv --by donor,type kiel-explorer.csv
