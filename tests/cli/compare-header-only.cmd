# a file with no data rows: exit 3, and the message must not blame a selection that was never made
compare header-only.csv
