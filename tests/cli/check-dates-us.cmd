# a month-first column: "1/13/2024" proves it; "3/4/2024" is then 4 March, and check says why
check dates-us.csv
