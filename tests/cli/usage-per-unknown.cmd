# an unknown --per in compare (it was ignored): exit 1
compare --per xyz clean.csv
