# German error for values written with two decimal marks (Dezimalkomma, Dezimalpunkt)
--lang de compare semicolon-contradict.csv
