# orders (TIV for total order) by year, all recipients, full precision
compare sipri-register.csv --measure commitment --by year --format csv
