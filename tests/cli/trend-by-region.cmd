# per region: NATO members (both donors) and Europe (Denmark)
trend --by region --region nato,europe trend-monthly.csv
