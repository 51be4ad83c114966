# the row "Germany,FRA" is rejected, not merged into Germany
compare --format csv identity-conflict.csv
