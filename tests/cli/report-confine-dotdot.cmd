# with --confine a spec reads files only in its folder: ".." is refused at its column: exit 1
report --confine confine-dotdot.md -o /dev/null/never.pdf
