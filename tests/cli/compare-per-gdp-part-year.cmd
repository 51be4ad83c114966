# --per gdp with a GDP of 2026 and the Fed table (2026: January to June): no yearly average rate for it
compare --per gdp --gdp gdp-2026.csv --gdp-year 2026 --rates $SHARED/fed-exchange-rates/monthly.csv year-2026.csv
