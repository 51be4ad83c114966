# an unknown locale (it gave English silently): exit 1, at the value
report report-locale-unknown.md -o /dev/null/never.pdf
