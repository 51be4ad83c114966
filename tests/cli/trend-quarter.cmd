# quarterly: 13 complete quarters 2021 Q1 - 2024 Q1; 2024 Q2 (April only) is noted and not fitted
trend --interval quarter trend-years.csv
