# an unknown format ("| eur_tn") on line 6, its "{{" at column 8: exit 1
report report-unknown-format.md -o /dev/null/never.pdf
