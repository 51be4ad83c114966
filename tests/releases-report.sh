#!/bin/sh
# The ```releases report block (src/report/releases.c): "Europe vs US,
# military, to April 2025" as it stood in two earlier snapshots of the
# Kiel website's data and in Release 29 (tests/data/releases-report.md).
# The table's text (pdftotext) must equal tests/data/releases-report.txt
# (golden), the chart (show: chart) must show the same figures
# and the table's figures an independent computation here with python3's
# csv module: per file, military allocations from January 2022 to April
# 2025 summed over datasets/regions.csv's Europe and United States members.
# Refusals: a block without releases:, a release in another unit.
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

H21=$SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv
H27=$SHARED/kiel-ust-web-history/2026-07-27-6c0293d/data_explorer.csv
R29=$SHARED/kiel-ust-web-r29/data_explorer.csv
for f in "$H21" "$H27" "$R29"; do [ -r "$f" ] || { echo "SKIP: $f is not there"; exit 77; }; done
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v pdftotext >/dev/null || { echo "SKIP: no pdftotext"; exit 77; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
. "$SRCDIR/tests/testlib.sh"

# the spec names the shared data from tests/data (../../../shared/datasets)
if [ ! -r "$SRCDIR/tests/data/../../../shared/datasets/kiel-ust-web-r29/data_explorer.csv" ]; then
    echo "SKIP: the spec's relative path to ../shared/datasets does not resolve from $SRCDIR"
    exit 77
fi
(cd "$SRCDIR/tests/data" && "$AIDSTAT" report -q releases-report.md -o "$tmp/r.pdf") 2>"$tmp/err"
check "releases-report.md is written" test -s "$tmp/r.pdf"
cat "$tmp/err"
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
# the table and its note, from the caption to the note's last line
# (runs of spaces squeezed: pdftotext's columns move with the widest line on the page)
sed -n '/^Table 1/,/newest release against the oldest/p' "$tmp/r.txt" | tr -s ' ' | sed 's/ $//' >"$tmp/table.txt"
if diff -u "$SRCDIR/tests/data/releases-report.txt" "$tmp/table.txt"; then pass "the table's text is as expected"; else
    fail "the table's text is as expected"
fi

# the same as grouped bars (show: chart): title, one bar per release, labels = the table's
sed -n '/^Figure 1/,$p' "$tmp/r.txt" >"$tmp/chart.txt"
check "the chart's title" grep -q "Military aid allocations by region, per release" "$tmp/chart.txt"
check "the chart's legend names the three releases" \
    grep -q "\[1\] Release 30 (07/2026)  *\[2\] Release 29 (04/2026)  *\[3\] Release 29 (04/2026)" "$tmp/chart.txt"
check "the chart's footer: the publisher, then each release" \
    grep -q "Source: Kiel Institute, Ukraine Support Tracker: \[1\] Release 30 (07/2026); \[2\] Release 29 (04/2026); \[3\] Release 29 (04/2026)" "$tmp/chart.txt"
labels=$(grep -o "€[0-9.]* bn" "$tmp/chart.txt" | tr '\n' ' ')
check "the bars: Europe 64.7, 64.7, 70.7; US 64.6 three times ($labels)" \
    test "$labels" = "€64.7 bn €64.7 bn €70.7 bn €64.6 bn €64.6 bn €64.6 bn "

python3 - "$tmp/table.txt" "$SRCDIR/datasets/regions.csv" "$H21" "$H27" "$R29" >"$tmp/py.out" 2>&1 <<'PY'
import csv, re, sys
table, regions, *files = sys.argv[1:]
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    fails += not ok
members = {"Europe": set(), "United States": set()}
for r in csv.DictReader(open(regions, newline="")):
    if r["region"] in ("europe", "usa"):
        members["Europe" if r["region"] == "europe" else "United States"].add(r["iso3"])
want = {}
for k, f in enumerate(files):
    for group, codes in members.items():
        s = 0.0
        for r in csv.DictReader(open(f, newline="")):
            if r["iso"] in codes and (int(r["year"]), int(r["month"])) <= (2025, 4):
                s += float(r["military"])
        want[group, k] = s
text = open(table).read()
for group in ("Europe", "United States"):
    first = group.split()[0]
    line = next(l for l in text.splitlines() if l.startswith(first))
    got = [float(x) for x in re.findall(r"[+-]?\d+\.\d\d", line)]
    exp = [round(want[group, k], 2) for k in range(3)]
    exp.append(round(want[group, 2] - want[group, 0], 2))
    check(got == exp, f"{group}: {got} = python {exp} (€ bn, each release, change)")
tot = [round(want["Europe", k] + want["United States", k], 2) for k in range(3)]
line = next(l for l in text.splitlines() if l.startswith("All"))
got = [float(x) for x in re.findall(r"[+-]?\d+\.\d\d", line)]
check(got[:3] == tot, f"All selected donors: {got[:3]} = python {tot}")
sys.exit(1 if fails else 0)
PY
pyrc=$?
while IFS= read -r line; do
    case $line in
    "ok - "*) pass "${line#ok - }" ;;
    "not ok - "*) fail "${line#not ok - }" ;;
    *) echo "$line" ;;
    esac
done <"$tmp/py.out"
[ "$pyrc" -le 1 ] || fail "the python oracle ran to its end (exit $pyrc)"

# refusals, pointing at the block
printf -- '---\ntitle: x\n---\n```releases\nby: region\n```\n' >"$tmp/none.md"
"$AIDSTAT" report -q "$tmp/none.md" -o "$tmp/never.pdf" 2>"$tmp/none.err"
check "a block without releases: is refused (exit $?)" test $? -ne 0
sed "s|$tmp/||" "$tmp/none.err" >"$tmp/none.msg"
echo 'aidstat: none.md:4:1: releases: give the earlier releases'"'"' files, separated by commas (at most 20); the report'"'"'s data is the newest' >"$tmp/none.want"
if diff -u "$tmp/none.want" "$tmp/none.msg"; then pass "its message"; else fail "its message"; fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
