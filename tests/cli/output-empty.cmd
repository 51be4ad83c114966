# -o "": no such file (ENOENT), exit 5
compare -o "" clean.csv
