# top: 0x2 in a table (read as 0): exit 1
report report-table-top-hex.md -o /dev/null/never.pdf
