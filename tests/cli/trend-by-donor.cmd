# per donor: Denmark y = 10 + 2t (a perfect fit), Canada 5,0,7,6,9,8 (no record in Feb: a zero month, so no growth rate)
trend --by donor trend-monthly.csv
