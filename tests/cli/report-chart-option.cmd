# an unknown option ("colour") in a chart block, at its line 11: exit 1
report report-chart-option.md -o /dev/null/never.pdf
