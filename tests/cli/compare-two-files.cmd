# two files: records add up across files; the source line must not credit Kiel with the rows of clean.csv, which states no source
compare clean.csv kiel-explorer.csv
