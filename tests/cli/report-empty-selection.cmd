# a filter that selects nothing (donor=Atlantis) on line 7, its "{{" at column 15: exit 3
report report-empty-selection.md -o /dev/null/never.pdf
