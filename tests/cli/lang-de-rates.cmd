# German basis line: the exchange rates described in German
--lang de compare --currency USD --rates $SHARED/fed-exchange-rates/monthly.csv compare-stats.csv
