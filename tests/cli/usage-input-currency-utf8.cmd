# --input-currency of three bytes that are not three letters: exit 1
compare --input-currency € clean.csv
