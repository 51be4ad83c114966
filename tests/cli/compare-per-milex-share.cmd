# a share sheet cannot divide aid
compare --per milex --milex xlsx/milex-mini.xlsx --milex-sheet 'Share of GDP'
