#!/bin/sh
# Figure tests for the aid pipeline (compare --pipeline, src/stats/pipeline.c):
# per donor and over time, commitments, allocations and deliveries as far as
# the data has them, what is pending between stages, and the share passed
# on, against python3's csv module:
# - Release 29 (data_explorer.csv): commitments and allocations per donor;
#   "committed, not yet allocated" = commitments - total allocations, equal
#   to the file's own to_be_allocated column summed; running totals by year.
# - SIPRI's trade register, recipient Ukraine: orders (TIV for total order)
#   and deliveries (TIV of delivered weapons) per supplier.
# - A file with one stage only is refused.
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

DE=$SHARED/kiel-ust-web-r29/data_explorer.csv
TR=$SHARED/sipri-at-trade-register/trade-register.csv
[ -r "$DE" ] && [ -r "$TR" ] || { echo "SKIP: the Kiel or SIPRI files are not there"; exit 77; }
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

run r29.csv compare --pipeline --format csv -q "$DE"
run r29-year.csv compare --pipeline --by year --cumulative --format csv -q "$DE"
run r29.txt compare --pipeline --top 3 -q "$DE"
run r29.json compare --pipeline --format json -q "$DE"
run sipri.csv compare --pipeline --recipient Ukraine --format csv -q "$TR"

python3 - "$tmp" "$DE" "$TR" >"$tmp/py.out" 2>&1 <<'PY'
import csv, sys
tmp, de, tr = sys.argv[1:]
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    fails += not ok
def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))
com, alo, tba, year_c, year_a = {}, {}, {}, {}, {}
for r in csv.DictReader(open(de, newline="")):
    d = r["country"]
    com[d] = com.get(d, 0) + float(r["commitments"]) * 1e9
    alo[d] = alo.get(d, 0) + float(r["total"]) * 1e9
    tba[d] = tba.get(d, 0) + float(r["to_be_allocated"]) * 1e9
    y = int(r["year"])
    year_c[y] = year_c.get(y, 0) + float(r["commitments"]) * 1e9
    year_a[y] = year_a.get(y, 0) + float(r["total"]) * 1e9
rows = {r["donor"]: r for r in csv.DictReader(open(tmp + "/r29.csv", newline=""))}
check(len(rows) == len(com) + 1, "Release 29: %d donors and a total (python %d)" % (len(rows) - 1, len(com)))
for d in com:
    r = rows.get(d)
    ok = r is not None and close(float(r["commitment"]), com[d]) and close(float(r["allocation"]), alo[d]) \
        and close(float(r["committed_not_allocated"]), com[d] - alo[d]) and close(com[d] - alo[d], tba[d]) \
        and (com[d] <= 0 or close(float(r["allocated_share"]), alo[d] / com[d]))
    check(ok, "Release 29 %s: committed %.6f, allocated %.6f, pending %.6f € bn" % (d, com[d] / 1e9, alo[d] / 1e9, (com[d] - alo[d]) / 1e9))
t = rows["Total"]
C, A = sum(com.values()), sum(alo.values())
check(close(float(t["commitment"]), C) and close(float(t["committed_not_allocated"]), C - A),
      "Release 29 total: committed %.2f, not yet allocated %.2f € bn" % (C / 1e9, (C - A) / 1e9))
check("%.2f" % ((C - A) / 1e9) == "189.58", "python: 189.58 € bn committed, not yet allocated")
# running totals by year
rc = ra = 0
for r in csv.DictReader(open(tmp + "/r29-year.csv", newline="")):
    if r["year"] == "Total":
        continue
    y = int(r["year"])
    rc += year_c[y]
    ra += year_a[y]
    check(close(float(r["commitment"]), rc) and close(float(r["committed_not_allocated"]), rc - ra),
          "Release 29 to the end of %d: committed %.2f, not yet allocated %.2f € bn" % (y, rc / 1e9, (rc - ra) / 1e9))
# SIPRI: orders and deliveries to Ukraine per supplier, TIV million
lines = list(csv.reader(open(tr, newline="", encoding="utf-8", errors="replace")))
h = next(i for i, l in enumerate(lines) if l[:2] == ["Recipient", "Supplier"])
col = {name: j for j, name in enumerate(lines[h])}
def num(x):
    try:
        return float(x)
    except ValueError:
        return 0.0
o, dl = {}, {}
for l in lines[h + 1:]:
    if len(l) < len(lines[h]) or l[0] != "Ukraine":
        continue
    o[l[1]] = o.get(l[1], 0) + num(l[col["SIPRI TIV for total order"]]) * 1e6
    dl[l[1]] = dl.get(l[1], 0) + num(l[col["SIPRI TIV of delivered weapons"]]) * 1e6
rows = {r["donor"]: r for r in csv.DictReader(open(tmp + "/sipri.csv", newline=""))}
for s in ["United States", "Germany", "Poland", "France", "United Kingdom"]:
    r = rows[s]
    check(close(float(r["commitment"]), o[s]) and close(float(r["delivery"]), dl[s])
          and close(float(r["committed_not_delivered"]), o[s] - dl[s]) and r["unit"] == "TIV",
          "SIPRI %s: ordered %.2f, delivered %.2f, pending %.2f TIV m" % (s, o[s] / 1e6, dl[s] / 1e6, (o[s] - dl[s]) / 1e6))
check(close(float(rows["Total"]["commitment"]), sum(o.values())), "SIPRI total ordered %.2f TIV m" % (sum(o.values()) / 1e6))
# JSON: the same rows as CSV
import json
j = json.load(open(tmp + "/r29.json"))
check(j["stages"] == ["commitment", "allocation"] and j["pending"] == ["Committed, not yet allocated"],
      "JSON: stages and pending label")
jr = {r["label"]: r for r in j["rows"]}
check(all(close(jr[d]["values"][0], com[d]) and close(jr[d]["pending"][0], com[d] - alo[d]) for d in com),
      "JSON: every donor's commitments and pending amount")
sys.exit(1 if fails else 0)
PY
if [ $? -eq 0 ]; then pass "figures match python (see below)"; else fail "figures match python"; fi
cat "$tmp/py.out"

check "the table names the pending stage" grep -q "Committed, not yet allocated" "$tmp/r29.txt"
check "the table: United States 118.96 115.38 3.58 97.0 %" grep -q "^United States  *118\.96  *115\.38  *3\.58  *97\.0 %" "$tmp/r29.txt"
# one stage only: refused
"$AIDSTAT" compare --pipeline --measure allocation -q "$DE" >/dev/null 2>"$tmp/one.err"
code=$?
check "one stage: exit 4 ($code)" test "$code" -eq 4
check "one stage: the message" grep -qx "aidstat: the pipeline needs two of commitments, allocations and deliveries; the selection has allocation" "$tmp/one.err"
"$AIDSTAT" compare --pipeline --by donor,type -q "$DE" >/dev/null 2>"$tmp/two.err"
check "two keys: exit 1" test $? -eq 1

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
