# with --confine the front matter's diff: file outside the folder is refused at its value: exit 1
report --confine confine-diff-front.md -o /dev/null/never.pdf
