# a diff of files with no measure in common is refused, naming each file's measures
diff diff-old.csv diff-commit.csv
