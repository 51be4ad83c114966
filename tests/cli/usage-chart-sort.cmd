# an unknown sort key in a chart (it was taken as value): exit 1
chart bar --sort xyz clean.csv -o never.pdf
