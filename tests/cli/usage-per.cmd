# --per other than gdp: exit 1
compare --per capita clean.csv
