# the Fed table has 2026 from January to June only: no yearly average from it
compare --currency USD --yearly-rates --rates $SHARED/fed-exchange-rates/monthly.csv year-2026.csv
