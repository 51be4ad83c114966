#!/bin/sh
# compare --heavy-weapons (src/load/counts.c, src/stats/heavy.c): heavy
# weapons committed and delivered per donor, in units, from the release-7
# workbook's sheets "Committed weapons" and "Delivered weapons", against an
# independent computation here with python3's zipfile and xml.etree: each
# donor column summed over the item rows of each sheet; the share
# delivered; and the categories' totals against Kiel's own "Figure 14
# Aggreg. Heavy Weapons" ("To Ukraine": tanks 288, howitzers 247, MRLs 64).
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

BOOK=$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
[ -r "$BOOK" ] || { echo "SKIP: $BOOK is not there"; exit 77; }
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

run all.csv compare --heavy-weapons --format csv "$BOOK"
run tank.csv compare --heavy-weapons --heavy-category Tank --format csv "$BOOK"
run howitzer.csv compare --heavy-weapons --heavy-category Howitzer --format csv "$BOOK"
run mlrs.csv compare --heavy-weapons --heavy-category MLRS --format csv "$BOOK"
run eu27.csv compare --heavy-weapons --region eu27 --format csv "$BOOK"
run all.json compare --heavy-weapons --format json "$BOOK"

python3 - "$tmp" "$BOOK" "$SRCDIR/datasets/regions.csv" >"$tmp/py.out" 2>&1 <<'PY'
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET
tmp, book, regions = sys.argv[1:]
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    fails += not ok

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
z = zipfile.ZipFile(book)
strings = ["".join(t.text or "" for t in si.iter(M + "t"))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si")]
targets = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
sheets = {s.get("name"): "xl/" + targets[s.get(R + "id")].replace("/xl/", "")
          for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet")}
def rows(name):
    for row in ET.fromstring(z.read(sheets[name])).iter(M + "row"):
        cells = {}
        for c in row.iter(M + "c"):
            v = c.find(M + "v")
            text = "" if v is None else v.text
            if c.get("t") == "s":
                text = strings[int(text)]
            cells[re.match("[A-Z]+", c.get("r")).group()] = text
        yield int(row.get("r")), cells

SPELL = {"Czech Republic": "Czechia", "Turkey": "Turkiye"}
NOT_DONORS = {"A", "B", "C", "D", "E"}  # item, Total Number, Type, Sub-type, Not included
def counts(sheet, category=None):
    per, head, off = {}, None, []
    for r, c in rows(sheet):
        if r == 1:
            head = {col: SPELL.get(v.strip(), v.strip()) for col, v in c.items() if col not in NOT_DONORS and v.strip()}
            continue
        if not c.get("A") or (category and c.get("C") != category):
            continue
        s = 0.0
        for col, donor in head.items():
            v = float(c.get(col) or 0)
            per[donor] = per.get(donor, 0.0) + v
            s += v
        if abs(s - float(c["B"])) > 1e-9:
            off.append(r)
    if not category:
        check(not off, f"{sheet}: every row's Total Number = the donors' sum {off}")
    return per

def got(name):
    return {r["donor"]: r for r in csv.DictReader(open(f"{tmp}/{name}", newline=""))}

def compare(name, category=None, keep=None):
    com, dlv = counts("Committed weapons", category), counts("Delivered weapons", category)
    g = got(name)
    donors = [d for d in com if (com[d] or dlv.get(d)) and (keep is None or d in keep)]
    bad = [d for d in donors
           if d not in g or float(g[d]["committed"]) != com[d] or float(g[d]["delivered"]) != dlv.get(d, 0)
           or abs(float(g[d]["share_delivered"]) - dlv.get(d, 0) / com[d]) > 1e-12]
    tc = sum(com[d] for d in donors); td = sum(dlv.get(d, 0) for d in donors)
    t = g["All donors"]
    check(not bad and len(g) == len(donors) + 1, f"{name}: every donor's committed, delivered, share = python ({len(donors)} donors) {bad[:4]}")
    check(float(t["committed"]) == tc and float(t["delivered"]) == td, f"{name}: total {tc:.0f} committed, {td:.0f} delivered (python)")
    return tc, td

tc, td = compare("all.csv")
check((tc, td) == (1769, 1133), f"all heavy weapons: 1,769 committed, 1,133 delivered ({tc:.0f}, {td:.0f})")
# Kiel's Figure 14, row "To Ukraine" of each category, column "Total "
fig = {}
cat = None
for r, c in rows("Figure 14 Aggreg. Heavy Weapons"):
    if c.get("B", "").strip():
        cat = c["B"].split()[0]
    if c.get("C") == "To Ukraine":
        fig[cat] = float(c["S"])
for name, category, kiel in (("tank.csv", "Tank", "TANKS"), ("howitzer.csv", "Howitzer", "HOWITZERS"), ("mlrs.csv", "MLRS", "MRLs")):
    tc, td = compare(name, category)
    check(tc == fig[kiel], f"{category}: {tc:.0f} committed = Kiel's Figure 14 'To Ukraine' {fig[kiel]:.0f}")
eu27 = {SPELL.get(r["country"], r["country"]) for r in csv.DictReader(open(regions, newline="")) if r["region"] == "eu27"}
compare("eu27.csv", keep=eu27)
j = json.load(open(f"{tmp}/all.json"))
check(j["unit"] == "units" and j["rows"][-1]["committed"] == 1769, "JSON: units, the total row")
check(any("M270 weapon system (Norway)" in n for n in j["notes"]), "JSON: the item without a delivered row is noted")
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

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
