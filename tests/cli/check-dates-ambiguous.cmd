# "3/4/2024" and "5/6/2024" could be read either way: refused, naming the column and the option
check dates-ambiguous.csv
