# read as USD (lower case accepted), converted to EUR: each record times the Fed's EUR per USD of its month
compare --input-currency usd --currency EUR --rates $SHARED/fed-exchange-rates/monthly.csv --format csv compare-stats.csv
