# a sheet that expands a thousand times: refused before reading, exit 2
compare xlsx/bomb.xlsx
