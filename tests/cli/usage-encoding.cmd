# an encoding iconv does not know
check --encoding klingon clean.csv
