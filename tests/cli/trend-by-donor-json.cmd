# JSON: the fits, the growth error naming the zero month, f_stat null for a perfect fit
trend --by donor --format json trend-monthly.csv
