# {{ if weapons }} on line 6 is never closed with {{ end }}
report report-if-open.md -o /dev/null/never.pdf
