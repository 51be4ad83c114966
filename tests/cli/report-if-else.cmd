# the section after {{ if weapons }} is left out and {{ else }} kept; the bad figure after it keeps its line number (12, column 5)
report report-if-else.md -o /dev/null/never.pdf
