# trend: in a table that is neither true nor false (anything but "true" gave a compare table): exit 1
report report-table-trend-yes.md -o /dev/null/never.pdf
