#!/bin/sh
# One table of chart-kind defaults (issue 10, item 3): the command line
# and a report's chart block leave the same things open and fill them the
# same way. A faceted line chart (one panel per donor) shows the 12 largest
# donors from both doors; an unfaceted one 6. The number of donors is
# counted again here with python3's csv module from the embedded data.
# Environment (set by `make check`): AIDSTAT, TESTDATA.
set -u
: "${AIDSTAT:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v pdftotext >/dev/null || { echo "SKIP: no pdftotext"; exit 77; }
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }

donors=$(python3 -c 'import csv, sys
print(len({r["donor"] for r in csv.DictReader(open(sys.argv[1], newline=""))}))' "$top/datasets/kiel-ust-r29.csv")

# shown FILE: "the N largest of M groups" as the chart's footer says it
shown() {
    pdftotext "$1" - 2>/dev/null | tr '\n' ' ' | grep -o 'the [0-9]* largest of [0-9]* groups' | head -n 1
}

for facet in true false; do
    if [ $facet = true ]; then want=12 flag=--facet; else want=6 flag=; fi
    "$AIDSTAT" chart line --by donor $flag -q -o cli.pdf 2>err || { no "chart line $flag: exit $? ($(cat err))"; continue; }
    printf '# Defaults\n\n```chart\nkind: line\nby: donor\nfacet: %s\ncaption: Donors\n```\n' $facet >spec.md
    "$AIDSTAT" report spec.md -o report.pdf 2>err || { no "report facet: $facet: exit $? ($(cat err))"; continue; }
    expect="the $want largest of $donors groups"
    got_cli=$(shown cli.pdf) got_report=$(shown report.pdf)
    if [ "$got_cli" = "$expect" ]; then ok "chart line $flag: $expect"
    else no "chart line $flag: got [$got_cli], want [$expect]"; fi
    if [ "$got_report" = "$expect" ]; then ok "report chart, facet: $facet: $expect"
    else no "report chart, facet: $facet: got [$got_report], want [$expect]"; fi
done

echo "1..$n"
[ $bad -eq 0 ]
