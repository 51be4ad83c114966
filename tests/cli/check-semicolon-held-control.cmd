# a row held until line 3 decides the decimal comma is looked at as closely
# as any when it is let go: its control character rejects it
check semicolon-held-control.csv
