# -o onto a directory: the system's reason (EISDIR), exit 5, nothing written
compare -o . clean.csv
