#!/bin/sh
# Reading on two threads changes nothing but the time. A file of 4 MiB or
# more is read on two threads (one reads, decodes and splits it into rows;
# the other makes records of them and sums them, in file order), and
# AIDSTAT_THREADS=1 or 2 sets it for any file. Here:
#  - a generated 6 MB file with quoted names (commas, doubled quotes, a
#    line break inside), CRLF rows, blank lines, a Latin-1 copy and rows
#    that are rejected: the per-donor sums of `compare --format csv` equal
#    an independent sum made with python3's csv module (exact decimal
#    arithmetic), and every output (stdout, stderr, exit status) of
#    compare, check, trend and convert is the same byte for byte on one
#    thread, on two, and left to choose (two, the file being large);
#  - the same outputs for real files read by the SIPRI, rates and generic
#    readers (../shared/datasets, when there).
#
# Exit: 0 pass, 1 fail, 77 skip (no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
. "${SRCDIR:-.}/tests/testlib.sh"
tmp=$(mktemp -d) || exit 99
trap "rm -rf \"$tmp\"" EXIT

python3 - "$tmp" <<'PY' || exit 99
import random, sys
tmp = sys.argv[1]
rnd = random.Random(20261207)
donors = ["Germany", "France", "\"Korea, Republic of\"", "\"The \"\"Netherlands\"\"\"",
          "Poland", "United States", "\"Czechia\"", "Estonia", "\"Türkiye\"", "Italy"]
types = ["military", "financial", "humanitarian"]
rows = ["donor,date,type,measure,value,currency"]
for i in range(90000):
    d = rnd.choice(donors)
    y, m = rnd.randint(2022, 2025), rnd.randint(1, 12)
    v = "%d.%02d" % (rnd.randint(0, 999999), rnd.randint(0, 99))
    k = rnd.randrange(100)
    if k == 0:
        rows.append("")                       # a blank line
    if k == 1:
        v = "n/a"                             # rejected: not a number
    if k == 2:
        d = '"Line\nbreak land"'              # a quoted line break
    rows.append("%s,%04d-%02d-15,%s,allocation,%s,EUR" % (d, y, m, rnd.choice(types), v))
text = "\r\n".join(rows) + "\r\n"
open(tmp + "/big.csv", "w", encoding="utf-8", newline="").write(text)
open(tmp + "/big-latin1.csv", "w", encoding="latin-1", newline="").write(text)
PY
size=$(wc -c <"$tmp/big.csv")
check "the generated file is over 4 MiB ($size bytes)" test "$size" -gt 4194304

# the sums, independently: rows with a line break in the donor (a control
# character in a name) and "n/a" values are rejected, as check says
python3 - "$tmp/big.csv" >"$tmp/want.csv" <<'PY' || exit 99
import csv, sys
from decimal import Decimal
sums = {}
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        if r["type"] != "military" or "\n" in r["donor"] or r["value"] == "n/a":
            continue
        sums[r["donor"]] = sums.get(r["donor"], Decimal(0)) + Decimal(r["value"])
w = csv.writer(sys.stdout)
for d in sorted(sums):
    w.writerow([d, sums[d]])
PY

# run NAME ARGS...: the outputs on one thread, on two and left to choose
# (standard input from $IN)
IN=/dev/null
run() {
    name=$1
    shift
    for t in 1 2 auto; do
        if [ "$t" = auto ]; then
            env -u AIDSTAT_THREADS "$AIDSTAT" "$@" <"$IN" >"$tmp/$name.$t.out" 2>"$tmp/$name.$t.err"
        else
            AIDSTAT_THREADS=$t "$AIDSTAT" "$@" <"$IN" >"$tmp/$name.$t.out" 2>"$tmp/$name.$t.err"
        fi
        echo $? >"$tmp/$name.$t.code"
    done
    for t in 2 auto; do
        if cmp -s "$tmp/$name.1.out" "$tmp/$name.$t.out" && cmp -s "$tmp/$name.1.err" "$tmp/$name.$t.err" &&
            cmp -s "$tmp/$name.1.code" "$tmp/$name.$t.code"; then
            pass "$name: threads $t gives what one thread gives"
        else
            fail "$name: threads $t differs from one thread"
            diff "$tmp/$name.1.out" "$tmp/$name.$t.out" | head -5
            diff "$tmp/$name.1.err" "$tmp/$name.$t.err" | head -5
        fi
    done
}

run compare compare --by donor --type military --format csv "$tmp/big.csv"
run compare-latin1 compare --by donor --type military --format csv --encoding latin1 "$tmp/big-latin1.csv"
run check check "$tmp/big.csv"
run trend trend "$tmp/big.csv" --type military
run convert convert "$tmp/big.csv" -o "$tmp/conv.csv"
IN=$tmp/big.csv run stdin compare --by donor --type military --format csv -

# aidstat's per-donor sums (in euros, to the cent) against python's
python3 - "$tmp/compare.auto.out" "$tmp/want.csv" <<'PY'
import csv, sys
from decimal import Decimal
got = {r["donor"]: Decimal(r["value"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
want = {d: Decimal(v) for d, v in csv.reader(open(sys.argv[2], encoding="utf-8", newline=""))}
# aidstat names a donor as its country table does
names = {"Korea, Republic of": "South Korea", "Türkiye": "Turkiye"}
bad = 0
for d, v in want.items():
    g = got.get(names.get(d, d))
    if g is None or g != v:
        print("FAIL: %r: aidstat %s, python %s" % (d, g, v))
        bad += 1
if len(got) != len(want):
    print("FAIL: aidstat has %d donors, python %d" % (len(got), len(want)))
    bad += 1
print("compared %d donors" % len(want))
sys.exit(1 if bad or len(want) < 9 else 0)
PY
check "per-donor sums equal python's csv module's" test $? -eq 0
grep -q 'rejected' "$tmp/check.1.out" && pass "check counts the rejected rows" || fail "check counts the rejected rows"

if [ -n "${SHARED:-}" ] && [ -d "$SHARED" ]; then
    REG=$SHARED/sipri-at-trade-register/trade-register.csv
    [ -r "$REG" ] && run sipri compare "$REG" --recipient Ukraine --format csv
    [ -r "$REG" ] && run sipri-check check "$REG"
    for f in "$SHARED"/*/us_foreign_aid_country.csv; do
        [ -r "$f" ] && run usaid check "$f"
    done
else
    echo "# no ../shared/datasets: real files not read"
fi
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
