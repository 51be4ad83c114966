# per region at full precision
trend --by region --region nato,europe --format csv trend-monthly.csv
