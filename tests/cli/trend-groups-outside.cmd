# a trend by selected groups names the donors outside them
trend --by region --region europe trend-monthly.csv
