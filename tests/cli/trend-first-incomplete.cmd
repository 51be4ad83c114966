# --from 2021-02 cuts 2021 Q1 to two months: not fitted, and said so; the baseline is 2022 alone
trend --interval quarter --from 2021-02 trend-years.csv
