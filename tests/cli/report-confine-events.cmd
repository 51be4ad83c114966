# with --confine an events file outside the folder is refused: exit 1
report --confine confine-events.md -o /dev/null/never.pdf
