#!/bin/sh
# Figure tests for grouping by how military aid was sourced (the key
# "sourcing", src/stats/sourcing.c): Kiel's procurement_trends.csv (Release
# 29) splits military allocations into stockpile, procurement, unspecified
# and NATO PURL. What `aidstat compare --by sourcing` (and by year,sourcing)
# prints equals sums made here with python3's csv module: 56.84, 81.81, 25.27
# and 4.12 € bn, and the split's share of all military allocations in
# data_explorer.csv (168.05 of 172.99 € bn, 97.1 %). Records that are no
# part of a split are refused, not put in a row of their own.
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

DIR=$SHARED/kiel-ust-web-r29
PT=$DIR/procurement_trends.csv
DE=$DIR/data_explorer.csv
[ -r "$PT" ] || { echo "SKIP: $PT is not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
. "$SRCDIR/tests/testlib.sh"

run() { # run OUT ARGS...
    out=$1
    shift
    if "$AIDSTAT" "$@" >"$tmp/$out" 2>"$tmp/$out.err"; then pass "aidstat $* runs"; else
        fail "aidstat $* runs"
        cat "$tmp/$out.err"
    fi
}

run by.csv compare --by sourcing --format csv -q "$PT"
run year.csv compare --by year,sourcing --format csv -q "$PT"
run by.txt compare --by sourcing -q "$PT"
run chart.svg chart column --by sourcing --interval quarter -o "$tmp/chart.svg" -q "$PT"
check "the chart names every part" sh -c "grep -q Stockpile '$tmp/chart.svg' && grep -q 'NATO PURL' '$tmp/chart.svg'"

python3 - "$tmp" "$PT" "$DE" >"$tmp/py.out" 2>&1 <<'PY'
import csv, sys
tmp, pt, de = sys.argv[1:]
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    fails += not ok
parts = {"stockpile": "Stockpile", "procurement": "Procurement",
         "unspecified": "Unspecified", "nato_purl": "NATO PURL"}
rows = list(csv.DictReader(open(pt, newline="")))
tot = {p: sum(float(r[p]) for r in rows) for p in parts}
split = sum(tot.values())
mil = sum(float(r["military"]) for r in csv.DictReader(open(de, newline="")))
got = {r["sourcing"]: float(r["value"]) for r in csv.DictReader(open(tmp + "/by.csv", newline=""))}
for p, label in parts.items():
    check(abs(got[label] / 1e9 - tot[p]) < 1e-9, "%s %.6f € bn (python %.6f)" % (label, got[label] / 1e9, tot[p]))
# the issue's figures, rounded
want = {"stockpile": "56.84", "procurement": "81.81", "unspecified": "25.27", "nato_purl": "4.12"}
for p, w in want.items():
    check("%.2f" % tot[p] == w, "python: %s rounds to %s" % (p, w))
txt = open(tmp + "/by.txt").read()
for p, label in parts.items():
    check(any(l.split()[:len(label.split()) + 1] == label.split() + ["%.2f" % tot[p]] for l in txt.splitlines()),
          "the table shows %s %.2f" % (label, tot[p]))
check("%.1f" % (split / mil * 100) == "97.1", "the split covers %.1f %% of military allocations (%.2f of %.2f)" % (split / mil * 100, split, mil))
# by year
years = {}
for r in rows:
    for p in parts:
        years.setdefault(r["year"], {}).setdefault(p, 0.0)
        years[r["year"]][p] += float(r[p])
for r in csv.DictReader(open(tmp + "/year.csv", newline="")):
    for p, label in parts.items():
        check(abs(float(r[label]) / 1e9 - years[r["year"]][p]) < 1e-9, "%s %s" % (r["year"], label))
sys.exit(1 if fails else 0)
PY
if [ $? -eq 0 ]; then pass "figures match python (see below)"; else fail "figures match python"; fi
cat "$tmp/py.out"

# other aid is refused, with where it came from
"$AIDSTAT" compare --by sourcing -q "$DE" >/dev/null 2>"$tmp/refused.err"
code=$?
check "records that are no part of a split: exit 4 ($code)" test "$code" -eq 4
check "the message says why" grep -q "data_explorer.csv:2: 2808 matched records are no part of a sourcing split, so they cannot be grouped by how they were sourced" "$tmp/refused.err"

# the default report's section, from the embedded sourcing split
# (datasets/kiel-ust-r29-sourcing.csv): the same figures as python's
if command -v pdftotext >/dev/null; then
    run report.pdf report -o "$tmp/report.pdf"
    pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
    python3 - "$tmp/report.txt" "$PT" "$DE" >"$tmp/py2.out" 2>&1 <<'PY'
import csv, re, sys
txt, pt, de = sys.argv[1:]
text = open(txt).read()
flat = re.sub(r"\s+", " ", text)
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    fails += not ok
rows = list(csv.DictReader(open(pt, newline="")))
parts = {"stockpile": "Stockpile", "procurement": "Procurement",
         "unspecified": "Unspecified", "nato_purl": "NATO PURL"}
tot = {p: sum(float(r[p]) for r in rows) for p in parts}
split = sum(tot.values())
mil = sum(float(r["military"]) for r in csv.DictReader(open(de, newline="")))
check("How military aid was sourced" in text, "the report has the section")
for p, label in parts.items():
    want = "%s %.2f %.1f %%" % (label, tot[p], tot[p] / split * 100)
    check(want in flat, "the table row: " + want)
check("Total %.2f 100.0 %%" % split in flat, "the table total %.2f" % split)
want = "The split covers €%.0f bn from Jan 2022 to Apr 2026, against €%.0f bn of military aid allocated in the main data, so it accounts for %.0f %% of all military allocations" % (split, mil, split / mil * 100)
check(want in flat, "the text: " + want)
check("Military aid allocations by sourcing" in text, "the chart's title")
check("kiel-ust-r29-sourcing.csv (embedded); 153 rows read, 153 used, 0 rejected; Jan 2022 – Apr 2026; 1 donor." in flat,
      "the sources list the embedded split")
sys.exit(1 if fails else 0)
PY
    if [ $? -eq 0 ]; then pass "the report's figures match python (see below)"; else fail "the report's figures match python"; fi
    cat "$tmp/py2.out"
    # data without a sourcing split beside it: no section, and the method says how to add one
    mkdir "$tmp/nosplit" && cp "$DE" "$tmp/nosplit/" || exit 99
    run nosplit.pdf report --data "$tmp/nosplit/data_explorer.csv" -o "$tmp/nosplit.pdf"
    pdftotext "$tmp/nosplit.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$tmp/nosplit.txt"
    check "no split: no section" sh -c "! grep -q 'How military aid was sourced' '$tmp/nosplit.txt'"
    check "no split: the method says how to add it" \
        grep -q "put the release's procurement_trends.csv beside the data file to add a section on it" "$tmp/nosplit.txt"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
