# a key given twice in a chart block (one was ignored): exit 1
report report-block-twice.md -o /dev/null/never.pdf
