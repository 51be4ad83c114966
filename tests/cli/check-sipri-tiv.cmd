# a small SIPRI TIV export table: supplier from the title, zeros, a bad cell, totals checked
check sipri-tiv.csv
