# the World Bank's GDP download is a reference table, not aid: refused instead of ranking "High income" and "OECD members" as donors
compare $SHARED/wb-gdp/gdp.csv
