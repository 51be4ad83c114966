# an empty filter value (it was ignored: the total of all types): exit 1
report report-filter-empty.md -o /dev/null/never.pdf
