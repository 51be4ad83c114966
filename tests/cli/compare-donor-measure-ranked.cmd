# donors are ranked by one measure: the note says which
compare --by donor,measure clean.csv
