# the detected Latin-1 names come out as UTF-8
compare latin1.csv --format csv
