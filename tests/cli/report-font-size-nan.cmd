# font-size: nan (it passed the range check, then Pango failed): exit 1, at the value
report report-font-size-nan.md -o /dev/null/never.pdf
