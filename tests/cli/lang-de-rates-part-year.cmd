# German error for a rate averaged over part of a year: 6 Monate (plural forms)
--lang de compare --currency USD --yearly-rates --rates $SHARED/fed-exchange-rates/monthly.csv year-2026.csv
