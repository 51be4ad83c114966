# "1.5" decides a decimal point; "2,25" later contradicts it
compare semicolon-contradict.csv
