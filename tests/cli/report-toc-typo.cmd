# toc: ture (it meant no table of contents, silently): exit 1
report report-toc-typo.md -o /dev/null/never.pdf
