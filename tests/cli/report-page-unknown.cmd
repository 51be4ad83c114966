# an unknown page size: exit 1, now at its line and column
report report-page-unknown.md -o /dev/null/never.pdf
