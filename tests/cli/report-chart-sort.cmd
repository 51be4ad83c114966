# an unknown sort in a chart block (it was taken as value): exit 1
report report-chart-sort.md -o /dev/null/never.pdf
