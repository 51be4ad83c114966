# growth period=2023abc (read as 2023): exit 1
report report-growth-period.md -o /dev/null/never.pdf
