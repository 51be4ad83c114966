# a bar chart has no total and no command line: no "(--top 1)", no "left out of the total"
chart bar --per gdp --top 1 gdp.csv --alt
