# a kpi line with no "=" (line 8): exit 1
report report-kpi-noeq.md -o /dev/null/never.pdf
