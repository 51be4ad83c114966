# the same at full precision: Denmark 9,949,754,000 / (404,198,757,537.9742 x 0.924625) x 100
compare --per gdp --gdp $SHARED/wb-gdp/gdp.csv --rates $SHARED/fed-exchange-rates/monthly.csv --type military --top 5 --format csv
