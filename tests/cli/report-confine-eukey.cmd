# with --confine an eu_attribution key file outside the folder is refused at its value: exit 1
report --confine confine-eukey.md -o /dev/null/never.pdf
