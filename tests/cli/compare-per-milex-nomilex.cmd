# --per milex without a table
compare --per milex
