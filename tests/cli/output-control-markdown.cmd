# Markdown: control characters as visible escapes, '|' escaped, one row per name
compare --format markdown hostile-names.csv
