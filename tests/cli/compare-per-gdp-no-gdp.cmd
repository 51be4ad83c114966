# --per gdp on data without GDP: exit 4
compare --per gdp clean.csv
