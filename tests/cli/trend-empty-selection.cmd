# nothing matches: exit 3
trend --donor Nobody trend-monthly.csv
