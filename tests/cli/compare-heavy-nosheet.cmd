# --heavy-weapons needs the workbook's sheets of weapon counts, and names the missing one
compare --heavy-weapons xlsx/eukey-mini.xlsx
