# --per milex with SIPRI's workbook (Current US$, 2024) converted at the ECB's 2024 average; the EU institutions have no figure (SIPRI's EU row, the European Defence Fund, is keyed EUU like the World Bank's); Iceland's is 0
compare --per milex --milex $SHARED/sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv --top 8
