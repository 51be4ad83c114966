# a workbook key that leaves out members with aid in the data is refused, naming them
compare --eu-key xlsx/eukey-mini.xlsx kiel-explorer.csv
