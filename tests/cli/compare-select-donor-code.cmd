# --donor by code (any case) and by name, comma-separated
compare --donor usa,Germany clean.csv
