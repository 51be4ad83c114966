# --per gdp as JSON: the donor without GDP has "gdp": null, not 0
compare --per gdp --format json gdp.csv
