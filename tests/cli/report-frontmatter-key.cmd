# an unknown front-matter key ("colour") on line 4: exit 1
report report-frontmatter-key.md -o /dev/null/never.pdf
