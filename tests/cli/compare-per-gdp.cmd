# --per gdp: % of donor GDP; a donor without GDP is n/a and left out of the total
compare --per gdp gdp.csv
