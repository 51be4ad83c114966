# a cell that is not a number, located as book.xlsx:Sheet!D9
compare --per milex --milex xlsx/milex-badcell.xlsx
