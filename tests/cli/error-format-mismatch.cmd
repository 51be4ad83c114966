# --input-format names a loader whose header does not match: exit 2
check --input-format kiel-weapons clean.csv
