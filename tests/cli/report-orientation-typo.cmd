# a misspelt orientation (it gave portrait silently): exit 1, at the value
report report-orientation-typo.md -o /dev/null/never.pdf
