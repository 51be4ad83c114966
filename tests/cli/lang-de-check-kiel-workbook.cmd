# German check of a Kiel workbook: the sheet loaded, the values that are commitments
--lang de check xlsx/kiel-mini.xlsx
