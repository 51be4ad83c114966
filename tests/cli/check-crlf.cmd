# CRLF line endings, one quoted field (libcsv path) among plain lines (fast path)
check crlf.csv
