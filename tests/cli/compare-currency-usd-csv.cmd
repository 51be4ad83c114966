# the conversion at full precision
compare --currency USD --rates $SHARED/fed-exchange-rates/monthly.csv --format csv compare-stats.csv
