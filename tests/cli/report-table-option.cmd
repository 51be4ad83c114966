# an unknown option ("rows") in a table block, at its line 9: exit 1
report report-table-option.md -o /dev/null/never.pdf
