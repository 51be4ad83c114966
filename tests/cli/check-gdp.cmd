# a long file with gdp and gdp_year columns
check gdp.csv
