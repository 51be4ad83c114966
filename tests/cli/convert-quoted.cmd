# convert quotes names with commas; the rejected row is warned about
convert quoted.csv
