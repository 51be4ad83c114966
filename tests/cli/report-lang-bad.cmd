# lang: accepts en or de only; the position of the value is named: exit 1
report report-lang-bad.md -o /dev/null/never.pdf
