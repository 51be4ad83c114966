# a workbook as a GDP table
compare --per gdp --gdp xlsx/milex-mini.xlsx
