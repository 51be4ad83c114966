# an unknown inline function ({{ summ }}) on line 9, its "{{" at column 24: exit 1, no PDF (-o names a path that cannot exist)
report report-unknown-function.md -o /dev/null/never.pdf
