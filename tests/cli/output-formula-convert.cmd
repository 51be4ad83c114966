# convert writes its CSV through the same cell writer: formula cells get a leading '
convert hostile-names.csv
