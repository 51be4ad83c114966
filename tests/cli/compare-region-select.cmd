# --by region with --region: only the chosen groups; the total and the note are about the selected donors
compare --by region --region g7,eu27 clean.csv
