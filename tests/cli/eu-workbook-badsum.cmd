# a workbook key whose shares do not sum to 1 is refused at the sheet's total row
compare --eu-attribution xlsx/eukey-badsum.xlsx
