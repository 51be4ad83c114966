# per type: Military 11,8,17,18,23,24; Financial a constant 4 (slope 0, R² 0, growth 0)
trend --by type trend-monthly.csv
