#!/bin/sh
# Files as analysts keep them (issue 12): what aidstat reads from them
# equals an independent reading made here with python3's csv module and
# its own parsing of the periods, never aidstat's output pasted back.
#
# Checked:
#   quarter-dates.csv (dates "2024Q1", "Q2 2024", "2024-Q3", "Q4/2024",
#     "2025 Q2"): sums by quarter, and the period ends with the last month
#     of the last quarter (June 2025), not its first (April);
#   a wide file with quarter columns: the same, from the headers;
#   `trend --interval quarter` counts every quarter as complete.
#
# Exit: 0 pass, 1 fail, 77 skip (no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
DATA=$(cd "$(dirname "$0")" && pwd)/data
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
printf 'donor,type,2024Q3,Q4 2024,2025-Q1,Total\nGermany,military,1.5,,4,5.5\nFrance,military,2,3,,5\n' >"$tmp/wide-q.csv"
"$AIDSTAT" compare -q --by quarter --format json "$DATA/quarter-dates.csv" >"$tmp/q.json" || exit 1
"$AIDSTAT" trend -q --interval quarter --format csv "$DATA/quarter-dates.csv" >"$tmp/q-trend.csv" || exit 1
"$AIDSTAT" compare -q --by quarter --format json "$tmp/wide-q.csv" >"$tmp/wq.json" || exit 1
"$AIDSTAT" check "$tmp/wide-q.csv" >"$tmp/wq-check.txt" || exit 1
python3 - "$DATA" "$tmp" <<'PY'
import csv, json, os, re, sys
data, tmp = sys.argv[1:3]
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

def quarter(text):
    """(year, quarter) of "2024Q1", "Q1 2024", "2024-Q1", "Q1/2024", "2024 Q1"."""
    m = re.fullmatch(r"\s*(\d{4})\s*[- ]?\s*Q([1-4])\s*", text, re.I) or None
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"\s*Q([1-4])\s*[ /]\s*(\d{4})\s*", text, re.I)
    if m:
        return int(m.group(2)), int(m.group(1))
    return None

def check_json(name, sums):
    got = json.load(open(os.path.join(tmp, name)))
    qs = sorted(sums)
    y0, q0 = qs[0]
    y1, q1 = qs[-1]
    want_period = {"from": f"{y0}-{3 * q0 - 2:02d}", "to": f"{y1}-{3 * q1:02d}"}
    if got["period"] != want_period:
        fail(f"{name}: period {got['period']}, python {want_period}")
    rows = {r["label"]: r["value"] for r in got["rows"]}
    want = {f"{y} Q{q}": v for (y, q), v in sums.items()}
    if rows != want:
        fail(f"{name}: rows {rows}, python {want}")
    if abs(got["total"] - sum(sums.values())) > 1e-9:
        fail(f"{name}: total {got['total']}, python {sum(sums.values())}")
    print(f"checked {name}: {len(want)} quarters, period {want_period}")
    return want_period

sums = {}
for r in csv.DictReader(open(os.path.join(data, "quarter-dates.csv"), newline="")):
    k = quarter(r["date"])
    sums[k] = sums.get(k, 0.0) + float(r["value"])
check_json("q.json", sums)
# the trend: every quarter from the first to the last is complete
qs = sorted(sums)
n = (qs[-1][0] * 4 + qs[-1][1]) - (qs[0][0] * 4 + qs[0][1]) + 1
t = list(csv.DictReader(open(os.path.join(tmp, "q-trend.csv"), newline="")))[0]
want = {"n": str(n), "first_period": "%d Q%d" % qs[0], "last_period": "%d Q%d" % qs[-1],
        "interval": "quarter"}
for k, w in want.items():
    if t[k] != w:
        fail(f"trend: {k} {t[k]}, python {w}")
if abs(float(t["last_value"]) - sums[qs[-1]]) > 1e-9:
    fail(f"trend: last_value {t['last_value']}, python {sums[qs[-1]]}")
print(f"checked the quarterly trend: {n} quarters")

# the wide file: quarter headers, an empty cell is no record, Total not added
rd = csv.reader(open(os.path.join(tmp, "wide-q.csv"), newline=""))
head = next(rd)
sums = {}
for r in rd:
    for h, v in zip(head, r):
        k = quarter(h)
        if k and v != "":
            sums[k] = sums.get(k, 0.0) + float(v)
p = check_json("wq.json", sums)
text = open(os.path.join(tmp, "wq-check.txt")).read()
y0, m0 = map(int, p["from"].split("-"))
y1, m1 = map(int, p["to"].split("-"))
want = f"period:   {MON[m0 - 1]} {y0} – {MON[m1 - 1]} {y1}"
if want not in text:
    fail(f"check: no \"{want}\" in:\n{text}")
sys.exit(1 if bad else 0)
PY
