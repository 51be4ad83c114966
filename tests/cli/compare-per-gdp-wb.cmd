# --per gdp with the World Bank table (2023, US$) converted at the 2023 average of the Fed's monthly EUR per USD
compare --per gdp --gdp $SHARED/wb-gdp/gdp.csv --rates $SHARED/fed-exchange-rates/monthly.csv --type military --top 5
