# a diff of files from different sources is refused
diff -q diff-old.csv sipri-tiv.csv
