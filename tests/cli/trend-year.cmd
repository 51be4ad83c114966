# yearly: 12, 20, 30 (€ m) for 2021-2023 fitted; 2024 ends in April; 2023 against the mean of 2021-2022
trend --interval year trend-years.csv
