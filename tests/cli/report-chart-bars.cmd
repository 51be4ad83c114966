# more bars than a chart of 32 mm holds: the error points at the chart block in the spec (it named the output PDF): exit 1
report report-chart-bars.md -o never.pdf
