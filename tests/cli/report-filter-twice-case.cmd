# a filter key given twice in different case: exit 1
report report-filter-twice-case.md -o /dev/null/never.pdf
