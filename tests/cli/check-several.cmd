# several files, the middle one malformed: reports for the others, the error on stderr, exit 2; one blank line between reports
check bom.csv novalue.csv crlf.csv
