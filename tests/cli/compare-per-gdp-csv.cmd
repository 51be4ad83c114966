# --per gdp as CSV: the donor without GDP has an empty gdp cell, not 0
compare --per gdp --format csv gdp.csv
