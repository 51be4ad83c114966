# a member named in one sheet of a workbook key but not in another is refused
compare --eu-attribution xlsx/eukey-missing.xlsx
