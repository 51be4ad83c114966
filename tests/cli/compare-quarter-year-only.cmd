# by quarter when records carry only a year
compare --by quarter bom.csv
