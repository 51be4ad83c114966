# the same in a table with a total: the note names the option and the total
compare --per gdp --top 1 gdp.csv
