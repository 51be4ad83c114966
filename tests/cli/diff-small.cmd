# diff of two small releases: Germany revised (+0.5 m) with a new month (0.7 m kept apart),
# France revised (-0.1 m), Italy removed, Spain added; compared over Jan-Feb 2023
diff diff-old.csv diff-new.csv
