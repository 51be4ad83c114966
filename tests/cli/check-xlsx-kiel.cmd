# a Kiel-like workbook: the sheet list, the sheet loaded, the release from ReadMe, each quirk counted with its row
check xlsx/kiel-mini.xlsx
