# a workbook that is not SIPRI's
compare --per milex --milex xlsx/kiel-mini.xlsx
