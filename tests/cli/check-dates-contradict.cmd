# "13/4/2024" proves day-first; "1/13/2024" later contradicts it: an error at its line and column
check dates-contradict.csv
