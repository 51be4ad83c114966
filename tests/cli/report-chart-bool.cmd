# a yes/no option that is neither (it meant false): exit 1
report report-chart-bool.md -o /dev/null/never.pdf
