# the same diff as JSON: both files, the common periods, donors added and removed
diff --format json diff-old.csv diff-new.csv
