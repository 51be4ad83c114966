# a report given the same data file twice: refused
report rejected-rows-report.md --data clean.csv --data ./clean.csv -o /dev/null/never.pdf
