# --current and --baseline: 2022 (20) against 2021 (12), one baseline year
trend --interval year --current 2022 --baseline 2021 trend-years.csv
