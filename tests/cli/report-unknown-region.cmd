# an unknown region (region=atlantis) on line 7, its "{{" at column 22 (after three blanks): exit 1
report report-unknown-region.md -o /dev/null/never.pdf
