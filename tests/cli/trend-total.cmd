# one trend for all: y = 15,12,21,22,27,28 (€ m) over 2024-01..06; no complete year, so no change column
trend trend-monthly.csv
