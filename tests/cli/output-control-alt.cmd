# chart --alt: the description shows control characters in names as visible escapes
chart bar --alt hostile-names.csv
