# a hexadecimal width (g_ascii_strtod read 0x40 as 64): exit 1
chart bar --width 0x40mm clean.csv -o never.pdf
