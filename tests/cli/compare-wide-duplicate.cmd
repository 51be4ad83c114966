# two columns for military aid ("military" and "Military") would be added: an error naming both
compare wide-duplicate.csv
