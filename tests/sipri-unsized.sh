#!/bin/sh
# SIPRI orders of unknown size: the trade register leaves "SIPRI TIV for
# total order" at 0 when "Number ordered" is empty, so such an order adds 0
# to the orders (why US orders to Ukraine, TIV 2,568 m since 2022, are
# below US deliveries, 5,618 m). The count aidstat states, in `check` (the
# whole file, with the first line) and in the notes of compare, trend and
# chart outputs of orders (the selection's), equals an independent count
# made here with python3's csv module; outputs of deliveries carry no such
# note.
#
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets or no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
REG=$SHARED/sipri-at-trade-register/trade-register.csv
[ -r "$REG" ] || { echo "SKIP: $REG is not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
"$AIDSTAT" check "$REG" >"$tmp/check.txt" || exit 1
"$AIDSTAT" compare -q --format json "$REG" --recipient Ukraine --measure commitment >"$tmp/uk.json" || exit 1
"$AIDSTAT" compare -q --format json "$REG" --recipient Ukraine --donor "United States" --from 2022 \
    --measure commitment >"$tmp/us.json" || exit 1
"$AIDSTAT" compare -q --format json "$REG" --recipient Ukraine --measure delivery >"$tmp/deliv.json" || exit 1
"$AIDSTAT" trend -q --format json "$REG" --recipient Ukraine --measure commitment >"$tmp/trend.json" || exit 1
"$AIDSTAT" chart bar "$REG" --recipient Ukraine --measure commitment --alt >"$tmp/chart.txt" || exit 1
"$AIDSTAT" chart line "$REG" --recipient Ukraine --measure commitment --alt >"$tmp/line.txt" || exit 1
python3 - "$REG" "$tmp" <<'PY'
import csv, json, sys
reg, tmp = sys.argv[1:3]
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)
# records with the line each starts on; a 13-field fragment continues on the next line
rd = csv.reader(open(reg, encoding="latin-1", newline=""))
lines, prev = [], 0
for r in rd:
    lines.append((prev + 1, r))
    prev = rd.line_num
assert lines[11][1][0] == "Recipient"
body, recs, i = lines[12:], [], 0
while i < len(body):
    ln, r = body[i]
    if len(r) == 13 and i + 1 < len(body) and len(body[i + 1][1]) == 4:
        r = r[:12] + [r[12] + body[i + 1][1][0]] + body[i + 1][1][1:]
        i += 1
    recs.append((ln, r))
    i += 1
# Number ordered (column 5) empty, TIV for total order (column 15) 0
unsized = [(ln, r) for ln, r in recs if r[4].strip() == "" and r[14] != "" and float(r[14]) == 0]
uk = [r for ln, r in unsized if r[0] == "Ukraine"]
us = [r for r in uk if r[1] == "United States" and int(r[2]) >= 2022]
print(f"python: {len(unsized)} in the file (first on line {unsized[0][0]}), {len(uk)} to Ukraine, "
      f"{len(us)} from the United States since 2022")
if not (len(unsized) > len(uk) > len(us) > 0):
    fail("python: the counts do not nest")
want = (f"orders of unknown size (no number ordered, so SIPRI's TIV for total order is 0), "
        f"loaded as commitments of 0: {len(unsized)} (first: line {unsized[0][0]})")
if want not in open(f"{tmp}/check.txt").read():
    fail(f"check: no note \"{want}\"")
def note(n):
    return (f"{n} order{'' if n == 1 else 's'} of unknown size {'is' if n == 1 else 'are'} counted as "
            f"0 TIV in the orders: the source values an order at 0 when the number ordered is not known")
for name, n in (("uk.json", len(uk)), ("us.json", len(us)), ("trend.json", len(uk))):
    notes = json.load(open(f"{tmp}/{name}"))["notes"]
    if note(n) not in notes:
        fail(f"{name}: no note \"{note(n)}\" in {notes}")
    else:
        print(f"ok: {name}: {n}")
for name in ("chart.txt", "line.txt"):
    if "Note: " + note(len(uk)) not in open(f"{tmp}/{name}").read():
        fail(f"{name}: no note \"{note(len(uk))}\"")
if any("unknown size" in n for n in json.load(open(f"{tmp}/deliv.json"))["notes"]):
    fail("deliv.json: deliveries carry the note on orders")
sys.exit(1 if bad else 0)
PY
