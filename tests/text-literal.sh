#!/bin/sh
# Text is text: donor names, titles, captions, notes and spec text that
# look like Pango markup or printf formats ("<b>Bold</b> & Co",
# "100% %s %n") come out literally in text, CSV, PDF (pdftotext) and SVG
# (xmllint), never as markup or as a format.
# Environment (set by `make check`): AIDSTAT.
# Exit: 0 pass, 1 fail, 77 skip (no pdftotext or xmllint).
set -u
: "${AIDSTAT:?}"
for t in pdftotext xmllint; do
    command -v $t >/dev/null || { echo "SKIP: $t not installed"; exit 77; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }
# has FILE TEXT WHAT: FILE holds TEXT as a whole line
has() {
    if grep -qxF -- "$2" "$1"; then ok "$3"; else no "$3: no line \"$2\" in"; sed 's/^/    /' "$1"; fi
}

cat >text.csv <<'CSV'
donor,iso3,year,type,value
"<b>Bold</b> & Co",BLD,2022,military,3000000000
100% %s %n,PCT,2022,military,2000000000
France,FRA,2022,military,1000000000
CSV

"$AIDSTAT" compare text.csv >out 2>&1
has out '   1  <b>Bold</b> & Co  3.00   50.0 %   50.0 %' "compare table: markup name"
has out '   2  100% %s %n        2.00   33.3 %   83.3 %' "compare table: format name"
"$AIDSTAT" compare text.csv --format csv | cut -d, -f2 >out 2>&1
has out '<b>Bold</b> & Co' "compare csv: markup name"
has out '100% %s %n' "compare csv: format name"

title='<i>T</i> & %s %n'
"$AIDSTAT" chart bar text.csv --title "$title" -o chart.pdf &&
    "$AIDSTAT" chart bar text.csv --title "$title" -o chart.svg || no "charts written"
pdftotext chart.pdf chart.txt
has chart.txt "$title" "chart PDF: title"
has chart.txt '<b>Bold</b> & Co' "chart PDF: markup name"
has chart.txt '100% %s %n' "chart PDF: format name"
if xmllint --noout chart.svg; then ok "chart SVG is well-formed XML"; else no "chart SVG is well-formed XML"; fi
xmllint --xpath 'string(//*[local-name()="title"])' chart.svg >svg.txt; echo >>svg.txt
xmllint --xpath 'string(//*[local-name()="desc"])' chart.svg >>svg.txt; echo >>svg.txt
has svg.txt "$title" "chart SVG: title element"
has svg.txt "bar chart: $title. Military aid allocations, € billion, nominal, 2022. <b>Bold</b> & Co: €3.0 bn. 100% %s %n: €2.0 bn. France: €1.0 bn. Source: not stated in the data" \
    "chart SVG: description"

cat >spec.md <<'MD'
---
title: <b>Title</b> & %s %n
subtitle: 50% of <i>aid</i>
data: text.csv
---

# Heading <u>u</u> & %d

Top donor: {{ top }}. Literal <span>tag</span> & 100% %s%n.<!-- a comment -->

```table
by: donor
caption: Caption <b>c</b> & %s
```

```chart
kind: bar
caption: Chart <i>c</i> & %n
```
MD
"$AIDSTAT" report spec.md -o report.pdf >/dev/null 2>&1 || no "report written"
pdftotext report.pdf report.txt
has report.txt '<b>Title</b> & %s %n' "report: title"
has report.txt '50% of <i>aid</i>' "report: subtitle"
has report.txt 'Heading <u>u</u> & %d' "report: heading with inline HTML"
has report.txt 'Top donor: <b>Bold</b> & Co. Literal <span>tag</span> & 100% %s%n.' \
    "report: a figure's value and inline HTML stay text"
has report.txt 'Table 1: Caption <b>c</b> & %s' "report: table caption"
has report.txt 'Figure 1: Chart <i>c</i> & %n' "report: chart caption"
has report.txt '100% %s %n' "report: donor in table and chart"

echo "1..$n"
[ $bad -eq 0 ]
