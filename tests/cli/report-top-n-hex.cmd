# n=0x2 (read as 0): exit 1
report report-top-n-hex.md -o /dev/null/never.pdf
