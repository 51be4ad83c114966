# a sheet that is not in the workbook: exit 2, the sheets listed
check --sheet Missing xlsx/kiel-mini.xlsx
