# --per capita at full precision: the unit is euros per person
compare --per capita --population population.csv --format csv compare-stats.csv
