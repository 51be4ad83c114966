# a bad loader option in the front matter: an error at its value
report report-frontmatter-date-order.md -o /dev/null/never.pdf
