# CSV: text cells starting with = + - @ get a leading ' (not the number-like name -1.5); a newline stays quoted
compare --format csv hostile-names.csv
