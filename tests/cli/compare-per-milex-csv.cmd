# the same at full precision, all donors
compare --per milex --milex $SHARED/sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv --top 0 --format csv
