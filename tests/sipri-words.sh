#!/bin/sh
# SIPRI in words: compare, trend, a bar chart and a line chart of the same
# SIPRI selection carry the same title words (from the one wording module),
# call the sellers suppliers (never donors), state the unit as SIPRI's
# trend-indicator values at constant 1990 prices (never nominal), and show
# whole TIV millions: the compare table's figures equal python's own sums
# of the register, rounded to whole millions.
#
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets or no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
. "$(dirname "$0")/testlib.sh"
REG=$SHARED/sipri-at-trade-register/trade-register.csv
[ -r "$REG" ] || { echo "SKIP: SIPRI files are not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
sel="--recipient Ukraine --from 2022"
"$AIDSTAT" compare -q "$REG" $sel --by donor --top 5 >"$tmp/compare.txt" || exit 99
"$AIDSTAT" trend -q "$REG" $sel --interval year >"$tmp/trend.txt" || exit 99
"$AIDSTAT" chart bar -q "$REG" $sel --top 5 --alt >"$tmp/bar.txt" || exit 99
"$AIDSTAT" chart line -q "$REG" $sel --interval year --alt >"$tmp/line.txt" || exit 99

title="Major arms deliveries to Ukraine by supplier"
check "compare's title" test "$(head -n 1 "$tmp/compare.txt")" = "$title, TIV million"
check "the bar chart's title is compare's" grep -q "^bar chart: $title\. " "$tmp/bar.txt"
check "trend's title words the same selection" \
    test "$(head -n 1 "$tmp/trend.txt")" = "Trend of major arms deliveries to Ukraine, yearly, TIV million"
check "the line chart's title is trend's subject" grep -q "^line chart: Major arms deliveries to Ukraine\. " "$tmp/line.txt"
unit="SIPRI trend-indicator values (TIV), millions"
check "compare states SIPRI's unit" grep -qx "Unit: $unit, constant 1990 prices" "$tmp/compare.txt"
check "trend states SIPRI's unit" grep -qx "Unit: $unit per year, constant 1990 prices" "$tmp/trend.txt"
check "the bar chart states SIPRI's unit" grep -q "$unit, constant 1990 prices, 2022 – 2024\." "$tmp/bar.txt"
check "the line chart states SIPRI's unit" grep -q "$unit per year, constant 1990 prices" "$tmp/line.txt"
for f in compare trend bar line; do
    check "$f never says donor" sh -c "! grep -qiw 'donors\?' '$tmp/$f.txt'"
    check "$f never says nominal or current prices" sh -c "! grep -qi 'nominal\|current prices' '$tmp/$f.txt'"
done
check "compare heads its first column Supplier" grep -q "^Rank  Supplier " "$tmp/compare.txt"

# the figures: whole TIV millions, as python sums the register (Latin-1)
python3 - "$REG" "$tmp/compare.txt" <<'PY' || nfail=$((nfail + 1))
import csv, re, sys
reg, out = sys.argv[1:3]
sums = {}
with open(reg, encoding="latin-1", newline="") as fh:
    rows = csv.reader(fh)
    for r in rows:
        if r and r[0] == "Recipient":
            head = r
            break
    col = {n: i for i, n in enumerate(head)}
    for r in rows:
        if len(r) < len(head) or r[col["Recipient"]] != "Ukraine":
            continue
        try:
            y = int(r[col["Year of order"]])
        except ValueError:
            continue
        v = r[col["SIPRI TIV of delivered weapons"]].strip()
        if y >= 2022 and v:
            sums[r[col["Supplier"]]] = sums.get(r[col["Supplier"]], 0.0) + float(v)
want = sorted(sums.items(), key=lambda kv: -kv[1])[:5]
total = sum(sums.values())
got = {}
for line in open(out, encoding="utf-8"):
    m = re.match(r"^\s+\d+\s+(.+?)\s{2,}([\d,]+)\s+[\d.]+ %", line)
    if m:
        got[m.group(1)] = m.group(2)
    m = re.match(r"^\s+Total\s+([\d,]+)\s", line)
    if m:
        got["Total"] = m.group(1)
bad = 0
for name, v in want + [("Total", total)]:
    exp = f"{round(v):,}"
    if got.get(name) != exp:
        print(f"not ok - {name}: compare prints {got.get(name)}, python sums {exp}")
        bad = 1
    else:
        print(f"ok - {name}: {exp} TIV m, whole millions")
sys.exit(bad)
PY
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
