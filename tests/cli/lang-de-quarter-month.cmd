# German period labels: a quarter without its month (Monat unbekannt), decimal commas
--lang de compare --by month quarter-dates.csv
