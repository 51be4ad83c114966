# a report over a file with rejected rows warns on stderr as compare does (the write then fails: /dev/null is no folder)
report rejected-rows-report.md -o /dev/null/never.pdf
