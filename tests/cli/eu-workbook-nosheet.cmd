# a workbook key without one of its three sheets is refused, naming the sheet
compare --eu-key xlsx/eukey-nosheet.xlsx xlsx/eukey-mini.xlsx
