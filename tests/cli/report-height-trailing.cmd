# a chart height with letters after it (it was read as 50): exit 1
report report-height-trailing.md -o /dev/null/never.pdf
