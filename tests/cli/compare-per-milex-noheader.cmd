# a "Current US$" sheet without a Country header row
compare --per milex --milex xlsx/milex-noheader.xlsx
