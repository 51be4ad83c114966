# a front matter whose closing --- never comes: at its opening line 1: exit 1
report report-frontmatter-open.md -o /dev/null/never.pdf
