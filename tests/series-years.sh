#!/bin/sh
# Series of data dated by year: what `aidstat trend --format csv` prints
# equals an independent computation made here with python3's csv module,
# never from aidstat's own output.
#
# Checked:
#   trend-year-dates.csv (dates "2020" ... "2024", no interval asked): a
#     yearly series of every record, 2020-2024;
#   year-only.csv (4 records dated by year, 2 by month): yearly, the
#     monthly records summed into their years;
#   a report over trend-year-dates.csv: its {{ slope }} and its line
#     chart's note (pdftotext);
#   the SIPRI trade register, --recipient Ukraine: deliveries by year of
#     order, from the first year with a Ukraine record (not SIPRI's 1940)
#     to the register's last year, years without a record as 0.
# For each: n, first and last period, the last value, the OLS slope per
# year, intercept and R² (x = 0 at the first year), the current year (the
# last), its total and the baseline (the mean of the years before it) and
# the change, and the interval column. Values agree within 1e-9 relative.
#
# Exit: 0 pass, 1 fail, 77 skip (no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
DATA=$(cd "$(dirname "$0")" && pwd)/data
REG=$SHARED/sipri-at-trade-register/trade-register.csv
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
"$AIDSTAT" trend -q --format csv "$DATA/trend-year-dates.csv" >"$tmp/dates.csv" || exit 1
"$AIDSTAT" trend -q --format csv "$DATA/year-only.csv" >"$tmp/mixed.csv" || exit 1
if [ -r "$REG" ]; then
    "$AIDSTAT" trend -q --format csv "$REG" --recipient Ukraine >"$tmp/sipri.csv" || exit 1
fi
# the report door: a figure of the same series, and its chart's note
if command -v pdftotext >/dev/null; then
    printf -- '---\ntitle: Years only\ndata: %s\n---\n\nThe slope is {{ slope | money }} per year.\n\n```chart\nkind: line\n```\n' \
        "$DATA/trend-year-dates.csv" >"$tmp/years.md"
    "$AIDSTAT" report -q "$tmp/years.md" -o "$tmp/years.pdf" || exit 1
    pdftotext "$tmp/years.pdf" - | tr '\n' ' ' >"$tmp/years.txt" || exit 99
fi
python3 - "$DATA" "$REG" "$tmp" <<'PY'
import csv, os, sys
data, reg, tmp = sys.argv[1:4]
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)

def expect(sums):
    """The trend row for yearly sums {year: value}, every year from the
    first to the last (a missing one is 0)."""
    y0, y1 = min(sums), max(sums)
    ys = [sums.get(y, 0.0) for y in range(y0, y1 + 1)]
    n = len(ys)
    xs = list(range(n))
    xb, yb = sum(xs) / n, sum(ys) / n
    sxx = sum((x - xb) ** 2 for x in xs)
    sxy = sum((x - xb) * (y - yb) for x, y in zip(xs, ys))
    sst = sum((y - yb) ** 2 for y in ys)
    b = sxy / sxx
    base = ys[:-1]
    bm = sum(base) / len(base)
    return {
        "n": n, "first_period": y0, "last_period": y1, "last_value": ys[-1],
        "slope_per_year": b, "intercept": yb - b * xb, "r2": sxy * sxy / (sxx * sst),
        "current_year": y1, "current_total": ys[-1], "baseline_from": y0,
        "baseline_to": y1 - 1, "baseline_mean": bm, "change_pct": (ys[-1] / bm - 1) * 100,
        "interval": "year",
    }

def check(name, want):
    rows = list(csv.DictReader(open(os.path.join(tmp, name), newline="")))
    if len(rows) != 1:
        fail(f"{name}: {len(rows)} rows, want 1")
        return
    got = rows[0]
    for k, w in want.items():
        g = got.get(k)
        if isinstance(w, str):
            ok = g == w
        else:
            try:
                ok = abs(float(g) - w) <= 1e-9 * max(1.0, abs(w))
            except (TypeError, ValueError):
                ok = False
        if not ok:
            fail(f"{name}: {k}: aidstat {g}, python {w!r}")
    print(f"checked {name}: {len(want)} columns")

def sums_of(path, date_col):
    s = {}
    for r in csv.DictReader(open(path, newline="")):
        y = int(r[date_col][:4])
        s[y] = s.get(y, 0.0) + float(r["value"])
    return s

check("dates.csv", expect(sums_of(os.path.join(data, "trend-year-dates.csv"), "date")))
check("mixed.csv", expect(sums_of(os.path.join(data, "year-only.csv"), "year")))
if os.path.exists(os.path.join(tmp, "years.txt")):
    text = open(os.path.join(tmp, "years.txt")).read()
    b = expect(sums_of(os.path.join(data, "trend-year-dates.csv"), "date"))["slope_per_year"]
    for want in (f"The slope is \u20ac{b / 1e6:.1f} m per year.",
                 "Note: the data are dated by year only, so the series is yearly"):
        if want not in text:
            fail(f"report: no \"{want}\" in: {text}")
    print("checked the report")

if os.path.exists(os.path.join(tmp, "sipri.csv")):
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
    s = {}
    for r in recs:
        if r[0] == "Ukraine" and r[15] != "":
            s[int(r[2])] = s.get(int(r[2]), 0.0) + float(r[15]) * 1e6
    s.setdefault(last, 0.0)
    want = expect(s)
    if want["first_period"] != 2014:
        fail(f"python: Ukraine's first year of order {want['first_period']}, expected 2014")
    check("sipri.csv", want)
sys.exit(1 if bad else 0)
PY
