# --milex-sheet without --milex
compare --per gdp --milex-sheet 'Current US$'
