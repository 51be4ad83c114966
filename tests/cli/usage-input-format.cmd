# unknown --input-format: the message names the option (not --format)
compare --input-format nope clean.csv
