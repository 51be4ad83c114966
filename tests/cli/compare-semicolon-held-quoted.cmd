# rows held until line 4 decides the decimal comma, two of them quoted with
# blanks around the name (read by libcsv, trimmed when they are let go):
# Germany 1500, France 2000 + 2.5
compare --by donor --format csv semicolon-held-quoted.csv
