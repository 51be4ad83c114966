# constant 2022 prices (deflator 80, 100, 120, 125 for 2021-2024): 15, 20, 25 (€ m) fitted
trend --interval year --prices constant:2022 --deflator deflator.csv trend-years.csv
