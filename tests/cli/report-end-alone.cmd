# {{ end }} on line 7 with no {{ if }} before it
report report-end-alone.md -o /dev/null/never.pdf
