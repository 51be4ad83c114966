# with --confine an absolute path is refused: exit 1
report --confine confine-absolute.md -o /dev/null/never.pdf
