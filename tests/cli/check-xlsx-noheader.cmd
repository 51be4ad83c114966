# a sheet without a header row in row 1: the position is the sheet and cell
check --sheet "country summary" xlsx/kiel-mini.xlsx
