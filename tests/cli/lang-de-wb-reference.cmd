# German error for a World Bank table given as aid data: its kind in German
--lang de compare $SHARED/wb-gdp/gdp.csv
