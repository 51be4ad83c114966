# a diff of values in different currencies is refused
diff diff-old.csv diff-usd.csv
