# a bad filter (type=militar) in a figure of a kpi note, an indented line: the message points at its "{{", line 7, column 34
report report-kpi-note.md -o /dev/null/never.pdf
