# negative --top in a chart: exit 1, nothing written
chart bar --top -3 clean.csv -o never.pdf
