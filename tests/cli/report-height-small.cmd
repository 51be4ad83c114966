# a chart height below the chart's own minimum: at the spec line, not inside the chart: exit 1
report report-height-small.md -o /dev/null/never.pdf
