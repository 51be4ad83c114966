# with --confine an image outside the folder is refused: exit 1
report --confine confine-image.md -o /dev/null/never.pdf
