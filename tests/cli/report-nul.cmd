# a NUL byte in a spec (the rest was dropped silently): exit 2, at its line and column
report report-nul.md -o /dev/null/never.pdf
