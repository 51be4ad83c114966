# a hexadecimal chart height (it was read as 64): exit 1
report report-height-hex.md -o /dev/null/never.pdf
