# --dpi nan: exit 1
chart bar --dpi nan clean.csv -o never.pdf
