#!/bin/sh
# A yearly series states years in every door: the chart's subtitle and alt
# text, the SVG's text, a report's figures {{ first/latest interval=year }}
# and its chart (PDF through pdftotext, and the HTML page) say "2014 – 2024",
# never "Jan 2014 – Dec 2024"; a table block's default caption names its
# filter ("to Ukraine"). The years are found here, independently, with
# python3's csv module:
#   the SIPRI trade register, --recipient Ukraine --interval year: from the
#     first year of order of a Ukraine record to the register's last year;
#   trend-year-dates.csv (dated "2020" ... "2024"): its first and last year.
#
# Exit: 0 pass, 1 fail, 77 skip (no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
. "$(dirname "$0")/testlib.sh"
DATA=$(cd "$(dirname "$0")" && pwd)/data
REG=$SHARED/sipri-at-trade-register/trade-register.csv
[ -r "$REG" ] || { echo "SKIP: no $REG"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

years=$(python3 - "$REG" "$DATA/trend-year-dates.csv" <<'PY'
import csv, sys
reg, dates = sys.argv[1:3]
# the register: header on line 12; a 13-field fragment continues on the next line
rows = list(csv.reader(open(reg, encoding="latin-1", newline="")))
body, recs, i = rows[12:], [], 0
while i < len(body):
    r = body[i]
    if len(r) == 13 and i + 1 < len(body) and len(body[i + 1]) == 4:
        r = r[:12] + [r[12] + body[i + 1][0]] + body[i + 1][1:]
        i += 1
    recs.append(r)
    i += 1
last = max(int(r[2]) for r in recs)
first = min(int(r[2]) for r in recs if r[0] == "Ukraine")
ys = [int(r["date"][:4]) for r in csv.DictReader(open(dates, newline=""))]
print(first, last, min(ys), max(ys))
PY
) || exit 99
set -- $years
u0=$1 u1=$2 d0=$3 d1=$4
want="$u0 – $u1"

# has TEXT FILE: the door's text states the years and no month
states_years() {
    grep -qF -- "$1" "$2" && ! grep -qE "(Jan|Dec)[a-z.]* $u0|Jan[a-z.]* $d0" "$2"
}
"$AIDSTAT" chart line "$REG" --recipient Ukraine --interval year --alt -o "$tmp/u.svg" >"$tmp/alt.txt" || exit 1
check "chart --alt states $want" states_years "Major arms deliveries, SIPRI trend-indicator values (TIV), millions per year, constant 1990 prices, $want." "$tmp/alt.txt"
check "the SVG's subtitle states $want" states_years "constant 1990 prices, $want<" "$tmp/u.svg"
"$AIDSTAT" chart line "$DATA/trend-year-dates.csv" -q --alt -o "$tmp/d.svg" >"$tmp/dalt.txt" || exit 1
check "year-only data: chart --alt states $d0 – $d1" states_years "per year, nominal, $d0 – $d1." "$tmp/dalt.txt"

printf -- '---\ntitle: Years\ndata: %s\n---\n\nFrom {{ first recipient=Ukraine interval=year }} to {{ latest recipient=Ukraine interval=year }}.\n\n```chart\nkind: line\nrecipient: Ukraine\ninterval: year\n```\n\n```table\nrecipient: Ukraine\ntop: 3\n```\n' \
    "$REG" >"$tmp/y.md"
"$AIDSTAT" report -q "$tmp/y.md" -o "$tmp/y.html" || exit 1
check "HTML: the chart's description states $want" states_years "constant 1990 prices, $want." "$tmp/y.html"
check "HTML: the figures state years" grep -qF "From $u0 to $u1." "$tmp/y.html"
if command -v pdftotext >/dev/null; then
    "$AIDSTAT" report -q "$tmp/y.md" -o "$tmp/y.pdf" || exit 1
    pdftotext "$tmp/y.pdf" - | tr '\n' ' ' >"$tmp/y.txt" || exit 99
    check "PDF: the figures state years" states_years "From $u0 to $u1." "$tmp/y.txt"
    check "PDF: the chart's subtitle states $want" states_years "constant 1990 prices, $want" "$tmp/y.txt"
    # a table without a caption of its own states its filter, as compare's title does
    check "PDF: the table's caption names the recipient" grep -qF "Table 1: Major arms deliveries to Ukraine by supplier" "$tmp/y.txt"
fi
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
