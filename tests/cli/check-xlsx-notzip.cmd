# a CSV file named .xlsx is read as CSV: the first bytes decide
check xlsx/notzip.xlsx
