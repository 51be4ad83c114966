# --series --cumulative: running totals (not flows per month)
trend --by donor --series --cumulative trend-monthly.csv
