# the terminal table shows ESC, BEL, newline and the C1 CSI as visible escapes
compare hostile-names.csv
