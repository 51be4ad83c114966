# U+E000, which the report uses for its figures: exit 2
report report-reserved.md -o /dev/null/never.pdf
