# German per-milex note: the SIPRI workbook and the ECB rates described in German
--lang de compare readme-example.csv --per milex --milex xlsx/milex-mini.xlsx --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv
