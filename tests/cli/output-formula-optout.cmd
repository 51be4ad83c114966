# --csv-formulas: cells written as they are
compare --format csv --csv-formulas hostile-names.csv
