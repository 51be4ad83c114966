# the table is in US$ and the aid in euros: --rates is needed
compare --per milex --milex xlsx/milex-mini.xlsx
