# a donor= name that matches nothing, with a typo: an error with a suggestion
report report-donor-typo.md -o /dev/null/never.pdf
