#!/bin/sh
# Figure tests for EU attribution from the release-7 workbook's own keys
# (src/load/eukey.c, src/stats/attribute.c): `aidstat compare
# --eu-attribution` on the workbook equals an independent computation made
# here with python3's zipfile and xml.etree (no other packages) over the
# workbook's sheets: each member = its bilateral commitments (MAIN DATA,
# "Converted Value in EUR") + the EU (Commission and Council) rows x its
# share in "EU aid shares" (column D) + the European Peace Facility rows x
# its share in "EPF aid shares" (column F) + the European Investment Bank
# rows x its share in "EIB aid shares" (column D). The three bodies' rows
# are gone, every other donor and the grand total unchanged; and every
# donor equals Kiel's own "Figure A1 Incl. EU (€ billion)" column E.
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

run plain.csv compare --format csv -q "$BOOK"
run eu.csv compare --eu-attribution --format csv -q "$BOOK"
run eu-key.csv compare --eu-key "$BOOK" --format csv -q "$BOOK"
run eu-mil.csv compare --eu-attribution --type military --format csv -q "$BOOK"

python3 - "$tmp" "$BOOK" >"$tmp/py.out" 2>&1 <<'EOF'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
tmp, book = sys.argv[1:]
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
    """row number -> {column letters: text}"""
    for row in ET.fromstring(z.read(sheets[name])).iter(M + "row"):
        cells = {}
        for c in row.iter(M + "c"):
            v = c.find(M + "v")
            text = "" if v is None else v.text
            if c.get("t") == "s":
                text = strings[int(text)]
            cells[re.match("[A-Z]+", c.get("r")).group()] = text
        yield int(row.get("r")), cells

def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None

# MAIN DATA: commitments (EUR) by donor and type
header = None
bil = {}
for r, c in rows("Bilateral assistance, MAIN DATA"):
    if r == 1:
        header = {v: k for k, v in c.items()}
        continue
    v = number(c.get(header["Converted Value in EUR"]))
    if v is None:
        continue
    key = (c[header["countries"]], c[header["Type of Aid General"]])
    bil[key] = bil.get(key, 0.0) + v

BODIES = {"EU (Commission and Council)": ("EU aid shares", "D"),
          "European Peace Facility": ("EPF aid shares", "F"),
          "European Investment Bank": ("EIB aid shares", "D")}
keys = {}
for body, (sheet, col) in BODIES.items():
    k = {}
    for r, c in rows(sheet):
        name = c.get("B", "")
        if r <= 6 or not name:
            continue
        if "total" in name.lower():
            break
        k[name] = float(c[col])
    keys[body] = k
for body, k in keys.items():
    check(abs(sum(k.values()) - 1) < 1e-9 and len(k) == 27, f"{BODIES[body][0]}: 27 members, shares sum to 1")

def expected(types=None):
    out = {}
    for (donor, t), v in bil.items():
        if types and t not in types:
            continue
        if donor in BODIES:
            for member, share in keys[donor].items():
                out[member] = out.get(member, 0.0) + v * share
        else:
            out[donor] = out.get(donor, 0.0) + v
    return {d: v for d, v in out.items() if v}

SPELL = {"Czech Republic": "Czechia", "Turkey": "Turkiye"}
def got(name):
    return {r["donor"]: float(r["value"]) for r in csv.DictReader(open(f"{tmp}/{name}", newline=""))}
def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + 1e-3

exp = {SPELL.get(d, d): v for d, v in expected().items()}
for name in ("eu.csv", "eu-key.csv"):
    g = got(name)
    bad = [d for d in exp if d not in g or not close(g[d], exp[d])]
    check(not bad and len(g) == len(exp) and not set(BODIES) & set(g),
          f"{name}: every donor = bilateral + its shares of the EU, EPF and EIB rows ({len(exp)} donors) {bad[:5]}")
plain = got("plain.csv")
check(close(sum(got("eu.csv").values()), sum(plain.values())), "grand total unchanged by attribution")
members = {SPELL.get(m, m) for m in keys["EU (Commission and Council)"]}
outside = [d for d in plain if d not in members and d not in BODIES]
check(len(outside) == 13 and all(close(got("eu.csv")[d], plain[d]) for d in outside),
      f"the {len(outside)} donors outside the EU unchanged")
de = got("eu.csv")["Germany"] / 1e9
check(round(de, 6) == 6.676602, f"Germany {de:.6f} € bn (python {exp['Germany'] / 1e9:.6f})")

# Kiel's own figures: "Figure A1 Incl. EU (€ billion)", column E (total incl. EU shares)
kiel = {}
for r, c in rows("Figure A1 Incl. EU (€ billion)"):
    if r >= 5 and c.get("B") and number(c.get("E")) is not None:
        kiel[SPELL.get(c["B"], c["B"])] = number(c["E"]) * 1e9
total = kiel.pop("Total")
g = got("eu.csv")
bad = [d for d in kiel if not close(g.get(d, 0), kiel[d])]
check(not bad and len(kiel) == len(g), f"every donor equals Kiel's Figure A1 ({len(kiel)} donors) {bad[:5]}")
check(close(sum(g.values()), total), f"the total equals Figure A1's ({total / 1e9:.6f} € bn)")

# slices: the same keys applied to one type (and a period)
exp = {SPELL.get(d, d): v for d, v in expected({"Military"}).items()}
g = got("eu-mil.csv")
check(all(close(g[d], exp[d]) for d in exp) and len(g) == len(exp), "military: only the EPF's rows attributed")
sys.exit(1 if fails else 0)
EOF
pyrc=$?
while IFS= read -r line; do
    case $line in
    "ok - "*) pass "${line#ok - }" ;;
    "not ok - "*) fail "${line#not ok - }" ;;
    *) echo "$line" ;;
    esac
done <"$tmp/py.out"
[ "$pyrc" -le 1 ] || fail "the python oracle ran to its end (exit $pyrc)"

# every output says so: the table, JSON, the trend, a chart's footer (SVG text)
run eu-table.txt compare --eu-attribution -q "$BOOK"
check "the table says \"including attributed EU aid\"" grep -q "including attributed EU aid" "$tmp/eu-table.txt"
check "the table names the workbook's three keys" grep -q 'sheets "EU aid shares", "EPF aid shares" and "EIB aid shares"' "$tmp/eu-table.txt"
run eu.json compare --eu-attribution --format json -q "$BOOK"
check "JSON says \"including attributed EU aid\"" grep -q "including attributed EU aid" "$tmp/eu.json"
run eu-trend.txt trend --eu-attribution -q "$BOOK"
check "trend says \"including attributed EU aid\"" grep -q "including attributed EU aid" "$tmp/eu-trend.txt"
run eu-chart.out chart bar --eu-attribution -q -o "$tmp/eu.svg" "$BOOK"
check "the chart's footer says \"including attributed EU aid\"" grep -q "including attributed EU aid" "$tmp/eu.svg"

# reports: the front-matter key and the block option take the workbook's own keys
# (Germany 6.68 € bn: python above, 6.676602)
if command -v pdftotext >/dev/null; then
    printf -- '---\ntitle: Front matter\ndata: %s\neu_attribution: true\n---\n# Ranking\n\n```table\nby: donor\ntop: 3\n```\n' \
        "$BOOK" >"$tmp/front.md"
    printf -- '---\ntitle: Blocks\ndata: %s\n---\n# Ranking\n\n```table\nby: donor\ntop: 3\n```\n\n```table\nby: donor\ntop: 3\neu_attribution: true\n```\n' \
        "$BOOK" >"$tmp/blocks.md"
    for r in front blocks; do
        "$AIDSTAT" report -q "$tmp/$r.md" -o "$tmp/$r.pdf" 2>"$tmp/$r.err" || cat "$tmp/$r.err"
        pdftotext -layout "$tmp/$r.pdf" "$tmp/$r.txt"
        check "report ($r): Germany 6.68 with attributed EU aid" grep -q "^Germany  *6\.68 " "$tmp/$r.txt"
        n=$(tr '\n' ' ' <"$tmp/$r.txt" | sed 's/  */ /g' | grep -o 'including attributed EU aid: the aid of EU (Commission and Council) (7 records), European Peace Facility (5 records) and European Investment Bank (2 records)' | wc -l)
        check "report ($r): one table says \"including attributed EU aid\", naming the three bodies ($n)" test "$n" -eq 1
    done
    check "report (blocks): the bilateral table keeps the EU row (11.74)" grep -q "EU (Commission and Council)  *11\.74" "$tmp/blocks.txt"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
