# a kpi figure that is unknown ("summ"): the message points at the figure, line 8, column 12
report report-kpi-figure.md -o /dev/null/never.pdf
