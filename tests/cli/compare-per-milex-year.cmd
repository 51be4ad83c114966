# military aid in 2023 against 2023 military expenditure at constant 2023 prices (equal to current in 2023)
compare --per milex --milex $SHARED/sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx --milex-sheet 'Constant (2023) US$' --milex-year 2023 --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv --type military --from 2023 --to 2023 --top 5
