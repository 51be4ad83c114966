# with --confine a diff block's old: file outside the folder is refused at its line, as every file a spec names: exit 1
report --confine confine-diff.md -o /dev/null/never.pdf
