# a forecast beyond 120 periods (it once ran 32 s and took 2 GB): exit 1
trend --forecast 10000000 trend-years.csv
