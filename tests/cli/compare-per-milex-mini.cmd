# the fixture workbook: Germany has 2024 military expenditure, France none (named in a note)
compare readme-example.csv --per milex --milex xlsx/milex-mini.xlsx --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv
