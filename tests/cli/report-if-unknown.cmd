# an unknown condition ({{ if tanks }}) on line 8, indented two blanks: column 3
report report-if-unknown.md -o /dev/null/never.pdf
