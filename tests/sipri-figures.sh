#!/bin/sh
# SIPRI figures: what `aidstat compare` prints for the SIPRI trade register
# and the USA TIV export table equals an independent computation made here
# with python3's csv module, reading the files as Latin-1, never from
# aidstat's own output. Values are compared exactly (CSV output, full
# precision; python adds the same doubles in file order).
#
# Checked: 443 Ukraine records, 410 ordered 2022 or later (--stat count);
# deliveries (TIV of delivered weapons) to Ukraine since 2022 by supplier;
# orders (TIV for total order) to Ukraine by year of order; the USA table's
# deliveries by year and their total (713721: the cells; SIPRI's stated
# grand total is 713634, a rounding difference the load report notes).
#
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets or no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
REG=$SHARED/sipri-at-trade-register/trade-register.csv
USA=$SHARED/sipri-at-tiv-exports/TIV-Export-USA-1950-2021.csv
[ -r "$REG" ] && [ -r "$USA" ] || { echo "SKIP: SIPRI files are not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
q() { "$AIDSTAT" compare -q --format csv "$@"; }
q "$REG" --recipient Ukraine --measure delivery --stat count --by donor >"$tmp/count-all.csv" || exit 1
q "$REG" --recipient Ukraine --from 2022 --measure delivery --stat count --by donor >"$tmp/count-2022.csv" || exit 1
q "$REG" --recipient Ukraine --from 2022 --by donor >"$tmp/deliv.csv" || exit 1
q "$REG" --recipient Ukraine --measure commitment --by year >"$tmp/orders.csv" || exit 1
q "$USA" --by year >"$tmp/usa.csv" || exit 1
"$AIDSTAT" check "$USA" >"$tmp/usa-check.txt" || exit 1
COUNTRIES=$(cd "$(dirname "$0")/.." && pwd)/datasets/countries.csv
python3 - "$REG" "$USA" "$tmp" "$COUNTRIES" <<'PY'
import csv, sys, unicodedata
reg, usa, tmp, countries = sys.argv[1:5]
bad = 0
# donors are named as the country table names them: every spelling of a
# country (case, accents and spaces folded) leads to its display name
def key(s):
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().split())
display = {}
for row in csv.DictReader(open(countries, encoding="utf-8", newline="")):
    for n in [row["name"], row["german"]] + row["variants"].split("|"):
        if n:
            display.setdefault(key(n), row["name"])
def donor(name):
    return display.get(key(name), name)
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)
# the register: header on line 12; a 13-field fragment continues on the next line
rows = list(csv.reader(open(reg, encoding="latin-1", newline="")))
assert rows[11][0] == "Recipient", rows[11][:2]
recs, i, body = [], 0, rows[12:]
while i < len(body):
    r = body[i]
    if len(r) == 13 and i + 1 < len(body) and len(body[i + 1]) == 4:
        a, b = r[12].rstrip("\r "), body[i + 1][0]
        r = r[:12] + [a + (" " if a and b else "") + b] + body[i + 1][1:]
        i += 1
    recs.append(r)
    i += 1
uk = [r for r in recs if r[0] == "Ukraine"]
def read(name, key):
    out = {}
    for row in csv.DictReader(open(f"{tmp}/{name}", newline="")):
        out[row[key]] = row["value"]
    return out
def num(x):  # aidstat's shortest round-trip text
    for p in (15, 16, 17):
        s = "%.*g" % (p, x)
        if float(s) == x:
            return s
def same(name, key, want):
    got = read(name, key)
    if set(got) != set(want):
        fail(f"{name}: keys differ: {sorted(set(got) ^ set(want))}")
    for k in want:
        if got.get(k) != num(want[k]):
            fail(f"{name}: {k}: aidstat {got.get(k)}, python {num(want[k])}")
n_all = sum(int(v) for v in read("count-all.csv", "donor").values())
n_22 = sum(int(v) for v in read("count-2022.csv", "donor").values())
if (len(uk), n_all) != (443, 443): fail(f"Ukraine records: python {len(uk)}, aidstat {n_all}, want 443")
n22 = sum(1 for r in uk if int(r[2]) >= 2022)
if (n22, n_22) != (410, 410): fail(f"Ukraine records ordered 2022+: python {n22}, aidstat {n_22}, want 410")
deliv, orders = {}, {}
for r in uk:
    if int(r[2]) >= 2022 and r[15] != "":
        d = donor(r[1])
        deliv[d] = deliv.get(d, 0.0) + float(r[15]) * 1e6
    if r[14] != "":
        orders[r[2]] = orders.get(r[2], 0.0) + float(r[14]) * 1e6
same("deliv.csv", "donor", deliv)
same("orders.csv", "year", orders)
# the USA table: header on line 11, the Total row not loaded
t = list(csv.reader(open(usa, encoding="latin-1", newline="")))
years = t[10][1:73]
by_year = {}
for r in t[11:]:
    if not r or not r[0] or r[0] == "Total":
        continue
    for y, c in zip(years, r[1:73]):
        if c != "":
            by_year[y] = by_year.get(y, 0.0) + float(c) * 1e6
same("usa.csv", "year", {y: v for y, v in by_year.items() if v != 0 or True})
total = sum(float(c) for r in t[11:] if r and r[0] and r[0] != "Total" for c in r[1:73] if c != "")
stated = [r for r in t if r and r[0] == "Total"][0][73]
note = open(f"{tmp}/usa-check.txt").read()
want = f"grand total {stated}: the row totals add up to 713628, the loaded figures to {num(total)} (within rounding)"
if total != 713721 or stated != "713634" or want not in note:
    fail(f"USA grand total: cells {total}, stated {stated}; note missing: {want}")
print(f"checked: 443/410 Ukraine records, {len(deliv)} suppliers, {len(orders)} order years, {len(by_year)} USA years")
sys.exit(1 if bad else 0)
PY
