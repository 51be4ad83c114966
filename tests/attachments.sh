#!/bin/sh
# The numbers attached to PDFs (issue 14, item 3): each chart and table of a
# report carries its numbers as a CSV file named after the figure or table,
# plus the whole data as selection.csv; a standalone chart PDF carries its
# own. Each attachment equals `compare --format csv` for that selection,
# byte for byte; one figure's numbers are checked against python's csv
# module over the embedded dataset; --no-attach and `attachments: false`
# leave them out.
#
# Exit: 0 pass, 1 fail, 77 skip (no qpdf), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
command -v qpdf >/dev/null 2>&1 || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/spec.md" <<'SPEC'
---
title: Attachments
---

# Military aid

```chart
kind: bar
type: military
top: 5
caption: Military aid by donor, the five largest
```

```chart
kind: line
by: region
region: europe,usa
type: military
caption: Military aid of Europe and the United States
```

```table
by: year
type: military
caption: Military aid by year
```
SPEC
"$AIDSTAT" report -q "$tmp/spec.md" -o "$tmp/r.pdf" || exit 99
qpdf --list-attachments "$tmp/r.pdf" | cut -d' ' -f1 > "$tmp/names" || exit 99
printf '%s\n' figure-1-military-aid-by-donor-the-five-largest.csv \
    figure-2-military-aid-of-europe-and-the-united-states.csv selection.csv table-1-military-aid-by-year.csv \
    > "$tmp/want"
check "report: qpdf --list-attachments names the figures, the table and the selection" cmp -s "$tmp/names" "$tmp/want"
check "report: qpdf --check passes" sh -c "qpdf --check '$tmp/r.pdf' >/dev/null"

# NAME, then the compare options of that block's selection
same() {
    _name=$1
    shift
    qpdf --show-attachment="$_name" "$tmp/r.pdf" > "$tmp/got.csv" 2>/dev/null &&
        "$AIDSTAT" compare "$@" --format csv > "$tmp/exp.csv" 2>/dev/null &&
        test -s "$tmp/exp.csv" && cmp -s "$tmp/got.csv" "$tmp/exp.csv"
}
check "figure 1 (bar, top 5) = compare --type military --top 5" \
    same figure-1-military-aid-by-donor-the-five-largest.csv --type military --top 5
check "figure 2 (line by region, 6 groups at most) = compare --by region --region europe,usa --type military --top 6" \
    same figure-2-military-aid-of-europe-and-the-united-states.csv --by region --region europe,usa --type military --top 6
check "table 1 = compare --by year --type military" same table-1-military-aid-by-year.csv --by year --type military
check "selection.csv = compare (all the data by donor)" same selection.csv

# figure 1 against an independent computation over the embedded data
qpdf --show-attachment=figure-1-military-aid-by-donor-the-five-largest.csv "$tmp/r.pdf" > "$tmp/f1.csv" || exit 99
check "figure 1: donors, values, shares and the rest as python's csv module computes them" python3 -c '
import csv, sys
sums = {}
names = {}
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["type"] == "military" and r["measure"] == "allocation":
        sums[r["iso3"]] = sums.get(r["iso3"], 0.0) + float(r["value"])
        names[r["iso3"]] = r["donor"]
total = sum(sums.values())
top = sorted(sums, key=lambda k: -sums[k])[:5]
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
ok = len(rows) == 6
for i, k in enumerate(top):
    r = rows[i]
    ok = ok and r["rank"] == str(i + 1) and r["code"] == k and float(r["value"]) == sums[k]
    ok = ok and abs(float(r["share"]) - sums[k] / total) < 1e-12
rest = total - sum(sums[k] for k in top)
last = rows[-1]
ok = ok and last["rank"] == "" and last["donor"] == "Others (%d)" % (len(sums) - 5)
ok = ok and abs(float(last["value"]) - rest) < 1e-3 and last["type"] == "military" and last["unit"] == "EUR"
sys.exit(0 if ok else 1)
' "$SRCDIR/datasets/kiel-ust-r29.csv" "$tmp/f1.csv"

# left out
"$AIDSTAT" report -q --no-attach "$tmp/spec.md" -o "$tmp/n.pdf" || exit 99
check "report --no-attach: no attachments" sh -c "test -z \"\$(qpdf --list-attachments '$tmp/n.pdf' | grep -v 'has no embedded files\$')\""
sed 's/^title: Attachments$/title: Attachments\nattachments: false/' "$tmp/spec.md" > "$tmp/off.md"
"$AIDSTAT" report -q "$tmp/off.md" -o "$tmp/off.pdf" || exit 99
check "attachments: false: no attachments" sh -c "test -z \"\$(qpdf --list-attachments '$tmp/off.pdf' | grep -v 'has no embedded files\$')\""
printf -- '---\nattachments: maybe\n---\n' > "$tmp/bad.md"
"$AIDSTAT" report -q "$tmp/bad.md" -o "$tmp/bad.pdf" 2> "$tmp/bad.err"
check "attachments: maybe is refused at its value" \
    grep -qx "aidstat: $tmp/bad.md:2:14: attachments: \"maybe\": true or false" "$tmp/bad.err"

# standalone charts
"$AIDSTAT" chart bar --type military -o "$tmp/bar.pdf" || exit 99
check "chart bar: one attachment named after its title" \
    sh -c "qpdf --list-attachments '$tmp/bar.pdf' | cut -d' ' -f1 | grep -qx 'military-aid-allocations-by-donor.csv'"
qpdf --show-attachment=military-aid-allocations-by-donor.csv "$tmp/bar.pdf" > "$tmp/bar.csv" 2>/dev/null
"$AIDSTAT" compare --type military --top 15 --format csv > "$tmp/bar-exp.csv" || exit 99
check "chart bar = compare --type military --top 15 (the bar chart's default)" cmp -s "$tmp/bar.csv" "$tmp/bar-exp.csv"
"$AIDSTAT" chart line --by region --region europe,usa --type military -q -o "$tmp/line.pdf" || exit 99
name=$(qpdf --list-attachments "$tmp/line.pdf" | cut -d' ' -f1)
qpdf --show-attachment="$name" "$tmp/line.pdf" > "$tmp/line.csv" 2>/dev/null
"$AIDSTAT" compare --by region --region europe,usa --type military --top 6 --format csv > "$tmp/line-exp.csv" || exit 99
check "chart line = compare of its selection by region" cmp -s "$tmp/line.csv" "$tmp/line-exp.csv"
"$AIDSTAT" chart bar --no-attach -o "$tmp/none.pdf" || exit 99
check "chart --no-attach: no attachments" sh -c "test -z \"\$(qpdf --list-attachments '$tmp/none.pdf' | grep -v 'has no embedded files\$')\""

echo "$npass passed, $nfail failed"
test "$nfail" -eq 0
