# diff needs exactly two files
diff diff-old.csv
