# a wide file by type; an empty cell is no record, a 0 cell is
compare --by type wide.csv
