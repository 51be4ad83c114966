# Kiel-like: years as columns, empty cells are no record, the Total column is not added
check --verbose wide-years.csv
