# every value could have either mark (one dot, three digits after): refused, naming the column and the options
compare semicolon-ambiguous.csv
