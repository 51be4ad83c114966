# % of GDP with attributed EU aid: Denmark (0.5 + 1.2) / 336.5 = 0.505 %; Germany has no GDP in the data
compare --eu-key eu-key-denmark.csv --per gdp kiel-explorer.csv
