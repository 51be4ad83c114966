# constant 2022 prices: 12 x 100/80 = 15, 20, 30 x 100/120 = 25, 13 x 100/125 = 10.4 (€ m)
compare --by year --prices constant:2022 --deflator deflator.csv trend-years.csv
