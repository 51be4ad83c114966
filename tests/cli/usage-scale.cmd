# bad --scale: exit 1
compare --scale q clean.csv
