# a German Excel file: "1.250,5" and "12.345.678" show the decimal comma, so 1.500 is 1500
check semicolon-thousands.csv
