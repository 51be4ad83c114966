# a filter key given twice (the second was dropped): exit 1
report report-filter-twice.md -o /dev/null/never.pdf
