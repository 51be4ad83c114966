# CRLF file
compare crlf.csv
