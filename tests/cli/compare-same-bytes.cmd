# a copy of a file under another name: the same bytes, refused (hash compared)
compare clean.csv clean-copy.csv
