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
#   `trend --interval quarter` counts every quarter as complete; `trend`
#     without --interval chooses quarters for such data and says so;
#     `--interval month` is refused (a quarter has no month); `compare --by
#     month` shows each quarter as "2024 Q1 (month unknown)", not in January;
#   unit words in headers ("Betrag (in Mio. €)", "Value (EURm)", "USDbn",
#     "Mrd. US-Dollar", ...): the total is the cell times the scale python's
#     own table of the words gives, in the currency they name;
#   cell-units.csv (cells with their own scale words): the total and the
#     count by scale that check states;
#   tab-decimal-comma.tsv (a German tab-separated export, "1.250,5"): totals
#     by donor with python reading the decimal comma;
#   german-words.csv (German and synonym type and measure words, German
#     month names and quarters): sums by type and measure against python's
#     own word table;
#   a report's data that need a setting name the spec's keys, not flags
#     `report` does not take ("decimal-comma: true ... in the front matter");
#   a directory given as a file is refused, a Kiel release folder with the
#     name of the file that holds its records;
#   convert of a file without a recipient column writes no recipient (it
#     wrote "Ukraine"); one with a recipient column keeps each.
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
"$AIDSTAT" trend -q --format csv "$DATA/quarter-dates.csv" >"$tmp/q-trend-auto.csv" || exit 1
"$AIDSTAT" trend "$DATA/quarter-dates.csv" >"$tmp/q-trend-auto.txt" || exit 1
"$AIDSTAT" compare -q --by month --format json "$DATA/quarter-dates.csv" >"$tmp/q-month.json" || exit 1
"$AIDSTAT" trend --interval month "$DATA/quarter-dates.csv" >/dev/null 2>"$tmp/q-month.err"
echo $? >"$tmp/q-month.code"
# a report: the settings its data need, as the spec's keys
printf 'Geber;Datum;Betrag\nDeutschland;2024-01;1.250\nPolen;2024-02;2.500\n' >"$tmp/mark.csv"
printf -- '---\ndata: mark.csv\n---\n# Aid\n\n```table\nby: donor\n```\n' >"$tmp/mark.md"
printf -- '---\ndata: %s\n---\n# Aid\n\n```chart\nkind: line\ninterval: month\n```\n' \
    "$DATA/quarter-dates.csv" >"$tmp/qmonth.md"
(cd "$tmp" && "$AIDSTAT" report mark.md -o mark.pdf) 2>"$tmp/rep-mark.err"
echo $? >"$tmp/rep-mark.code"
(cd "$tmp" && "$AIDSTAT" report qmonth.md -o qmonth.pdf) 2>"$tmp/rep-q.err"
echo $? >"$tmp/rep-q.code"
# directories: a release folder names its record-level file
mkdir "$tmp/r29" "$tmp/empty-dir"
: >"$tmp/r29/data_explorer.csv"
: >"$tmp/r29/total_allocations.csv"
"$AIDSTAT" compare "$tmp/r29" >/dev/null 2>"$tmp/dir.err"
echo $? >"$tmp/dir.code"
"$AIDSTAT" check "$tmp/empty-dir" >/dev/null 2>"$tmp/dir2.err"
echo $? >"$tmp/dir2.code"
"$AIDSTAT" check "$tmp/wide-q.csv" >"$tmp/wq-check.txt" || exit 1
# header unit words: one file per header, the same cell 2.5 in each
i=0
while IFS='|' read -r head; do
    i=$((i + 1))
    printf 'donor,date,type,%s\nGermany,2024,military,2.5\n' "$head" >"$tmp/h$i.csv"
    printf '%s\n' "$head" >"$tmp/h$i.head"
    "$AIDSTAT" compare -q --format json "$tmp/h$i.csv" >"$tmp/h$i.json" || exit 1
done <<'HEADS'
Betrag (in Mio. €)
Value (EURm)
Amount (USDbn)
Betrag (Mrd. US-Dollar)
Betrag (Tsd. EUR)
Value (EUR mn)
Amount ($ k)
value_usd_thousand
Betrag (Mill. Euro)
Wert (MRD. €)
HEADS
"$AIDSTAT" compare -q --format json "$DATA/cell-units.csv" >"$tmp/cells.json" || exit 1
"$AIDSTAT" check "$DATA/cell-units.csv" >"$tmp/cells-check.txt" || exit 1
for m in commitment allocation delivery; do
    "$AIDSTAT" compare -q --format json --by type --type military,financial,humanitarian --measure $m \
        "$DATA/german-words.csv" >"$tmp/gw-$m.json" || exit 1
done
"$AIDSTAT" convert -q "$DATA/cell-units.csv" -o "$tmp/conv-none.csv" || exit 1
printf 'donor,recipient,date,type,value\nGermany,Ukraine,2024,military,1\nFrance,Moldova,2024,military,2\n' >"$tmp/recip.csv"
"$AIDSTAT" convert -q "$tmp/recip.csv" -o "$tmp/conv-recip.csv" || exit 1
"$AIDSTAT" compare -q --format csv "$DATA/tab-decimal-comma.tsv" --type military,humanitarian >"$tmp/tsv.csv" || exit 1
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
# no interval asked: the same quarterly trend, stated
auto = list(csv.DictReader(open(os.path.join(tmp, "q-trend-auto.csv"), newline="")))[0]
for k, w in want.items():
    if auto[k] != w:
        fail(f"trend without --interval: {k} {auto[k]}, python {w}")
note = "Note: the data are dated by quarter, so the series is quarterly"
if note not in open(os.path.join(tmp, "q-trend-auto.txt")).read().splitlines():
    fail("trend without --interval: no note on the quarterly series")
# by month: each quarter under its own label, never in its first month
rows = {r["label"]: r["value"] for r in json.load(open(os.path.join(tmp, "q-month.json")))["rows"]}
want_m = {f"{y} Q{q} (month unknown)": v for (y, q), v in sums.items()}
if rows != want_m:
    fail(f"compare --by month: {rows}, python {want_m}")
code = open(os.path.join(tmp, "q-month.code")).read().strip()
err = open(os.path.join(tmp, "q-month.err")).read()
qpath = os.path.join(data, "quarter-dates.csv")
nrec = sum(1 for _ in csv.DictReader(open(qpath, newline="")))  # every one dated by a quarter
want_err = (f"aidstat: {qpath}:2: {nrec} of the selection's {nrec} dated records give a quarter but no "
            "month (this row is the first of them), so a monthly series would show each in its "
            "quarter's first month; use --interval quarter or --interval year\n")
if code != "4" or err != want_err:
    fail(f"trend --interval month: exit {code}, {err!r}, want 4, {want_err!r}")
print(f"checked quarters by month: {len(want_m)} labels, --interval month refused")
for stem, path, text in (
        ("dir", os.path.join(tmp, "r29"),
         "a directory, not a data file: a Kiel tracker release folder, whose records are in "
         + os.path.join(tmp, "r29", "data_explorer.csv")
         + " (its other files are views of them, each read on its own)"),
        ("dir2", os.path.join(tmp, "empty-dir"), "a directory, not a data file: give the files in it")):
    code = open(os.path.join(tmp, stem + ".code")).read().strip()
    err = open(os.path.join(tmp, stem + ".err")).read()
    if code != "2" or err != f"aidstat: {path}: {text}\n":
        fail(f"a directory as input: exit {code}, {err!r}")
print("checked directories as input: refused, a release folder named")
for stem, want in (
        ("rep-mark", "aidstat: ./mark.csv:2:3: column \"Betrag\" does not show its decimal mark: \"1.250\" is a "
         "thousand times more with a decimal comma than with a decimal point, and no value in the rest of "
         "the file settles it (as \"1.250,5\" or \"2,5\" would); state the decimal mark with "
         "decimal-comma: true or decimal-point: true in the front matter\n"),
        ("rep-q", f"aidstat: qmonth.md:6:1: {nrec} of the selection's {nrec} dated records give a quarter but "
         "no month (this row is the first of them), so a monthly series would show each in its quarter's "
         "first month; use interval: quarter or interval: year ("
         f"{os.path.join(data, 'quarter-dates.csv')}:2)\n")):
    code = open(os.path.join(tmp, stem + ".code")).read().strip()
    err = open(os.path.join(tmp, stem + ".err")).read()
    if code == "0" or err != want:
        fail(f"{stem}: exit {code}, {err!r}, want {want!r}")
    if os.path.exists(os.path.join(tmp, stem.replace("rep-", "") + ".pdf")):
        fail(f"{stem}: a PDF was written")
print("checked a report's data settings worded as the spec's keys")

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

# header unit words, by python's own table
SCALE = {"mio": 1e6, "mill": 1e6, "mn": 1e6, "m": 1e6, "mrd": 1e9, "bn": 1e9, "tsd": 1e3, "k": 1e3,
         "thousand": 1e3}
CUR = {"€": "EUR", "eur": "EUR", "euro": "EUR", "usd": "USD", "$": "USD", "us-dollar": "USD"}
def header_unit(h):
    words = re.findall(r"[€$]|[A-Za-z-]+", h.lower())
    scale, cur = 1.0, "EUR"
    for w in words:
        w = w.rstrip(".")
        for code in ("eur", "usd"):  # glued: "eurm", "usdbn"
            if w.startswith(code) and w[3:] in SCALE:
                cur, scale = CUR[code], SCALE[w[3:]]
        if w in SCALE:
            scale = SCALE[w]
        if w in CUR:
            cur = CUR[w]
    return scale, cur
k = 1
while os.path.exists(os.path.join(tmp, f"h{k}.json")):
    head = open(os.path.join(tmp, f"h{k}.head")).read().strip()
    got = json.load(open(os.path.join(tmp, f"h{k}.json")))
    scale, cur = header_unit(head)
    if abs(got["total"] - 2.5 * scale) > 1e-6 or got["currency"] != cur:
        fail(f"header \"{head}\": {got['total']} {got['currency']}, python {2.5 * scale} {cur}")
    k += 1
print(f"checked {k - 1} headers with unit words")

# value cells with their own scale words
def cell(text):
    t = text.replace("€", " € ")
    m = re.search(r"[0-9][0-9.]*", t)
    x = float(m.group(0))
    rest = (t[:m.start()] + " " + t[m.end():]).lower().replace(".", " ")
    for w in rest.split():
        for code in ("eur", "usd"):
            if w.startswith(code) and w[3:] in SCALE:
                return x * SCALE[w[3:]], SCALE[w[3:]]
        if w in SCALE:
            return x * SCALE[w], SCALE[w]
    return x, 1.0
total, counts, first = 0.0, {}, None
for n, r in enumerate(csv.DictReader(open(os.path.join(data, "cell-units.csv"), newline="")), start=2):
    v, sc = cell(r["value"])
    total += v
    if sc > 1:
        counts[sc] = counts.get(sc, 0) + 1
        first = first or (n, r["value"])
got = json.load(open(os.path.join(tmp, "cells.json")))
if abs(got["total"] - total) > 1e-6 * total:
    fail(f"cell-units.csv: total {got['total']}, python {total}")
names = {1e9: "billions", 1e6: "millions", 1e3: "thousands"}
by = ", ".join(f"{counts[s]} in {names[s]}" for s in sorted(counts, reverse=True))
want = (f'column "value": {sum(counts.values())} values read in the scale the cell itself names '
        f'({by}; first: line {first[0]}, "{first[1]}")')
if want not in open(os.path.join(tmp, "cells-check.txt")).read():
    fail(f"check cell-units.csv: no \"{want}\"")
print(f"checked cell-units.csv: total {total}, {sum(counts.values())} scaled cells")

# a German tab-separated export: decimal commas, millions in the header
NAMES = {"Deutschland": "Germany", "Frankreich": "France", "Italien": "Italy"}
want = {}
for r in csv.DictReader(open(os.path.join(data, "tab-decimal-comma.tsv"), newline="", encoding="utf-8"),
                        delimiter="\t"):
    v = float(r["Betrag (Mio. EUR)"].replace(".", "").replace(",", ".")) * 1e6
    want[NAMES[r["Geber"]]] = want.get(NAMES[r["Geber"]], 0.0) + v
got = {r["donor"]: float(r["value"]) for r in csv.DictReader(open(os.path.join(tmp, "tsv.csv"), newline=""))}
if set(got) != set(want) or any(abs(got[d] - want[d]) > 1e-6 * want[d] for d in want):
    fail(f"tab-decimal-comma.tsv: {got}, python {want}")
print(f"checked tab-decimal-comma.tsv: {len(want)} donors")

# German and synonym words for types and measures
TYPE = {"militär": "military", "militärisch": "military", "waffenlieferungen": "military",
        "finanzhilfe": "financial", "budgethilfe": "financial", "humanitär": "humanitarian"}
MEAS = {"zusagen": "commitment", "pledged": "commitment", "lieferungen": "delivery",
        "auszahlung": "delivery", "bereitstellungen": "allocation"}
want = {}
for r in csv.DictReader(open(os.path.join(data, "german-words.csv"), newline="", encoding="utf-8"),
                        delimiter=";"):
    t, m = TYPE[r["Art"].lower()], MEAS[r["Status"].lower()]
    v = float(r["Betrag (Mio. EUR)"].replace(".", "").replace(",", ".")) * 1e6
    want[(m, t)] = want.get((m, t), 0.0) + v
for m in ("commitment", "allocation", "delivery"):
    got = json.load(open(os.path.join(tmp, f"gw-{m}.json")))
    rows = {r["label"].lower(): r["value"] for r in got["rows"]}
    exp = {t: v for (mm, t), v in want.items() if mm == m}
    if set(rows) != set(exp) or any(abs(rows[t] - exp[t]) > 1e-6 * exp[t] for t in exp):
        fail(f"german-words.csv {m}: {rows}, python {exp}")
print(f"checked german-words.csv: {len(want)} type and measure pairs")

# convert: the recipient as the file names it, or none
none = list(csv.DictReader(open(os.path.join(tmp, "conv-none.csv"), newline="")))
if not none or any(r["recipient"] != "" for r in none):
    fail(f"convert without a recipient column: {[r['recipient'] for r in none]}")
src = [r["recipient"] for r in csv.DictReader(open(os.path.join(tmp, "recip.csv"), newline=""))]
got = [r["recipient"] for r in csv.DictReader(open(os.path.join(tmp, "conv-recip.csv"), newline=""))]
if got != src:
    fail(f"convert with a recipient column: {got}, the file {src}")
print(f"checked convert's recipients: {len(none)} none, {got}")
sys.exit(1 if bad else 0)
PY
