# --per gdp with --by type: exit 1
compare --per gdp --by type clean.csv
