#!/bin/sh
# SIPRI military expenditure figures: what aidstat's reference table holds
# for SIPRI's workbook, and one --per milex result end to end, against an
# independent reading made here with python3's zipfile and xml.etree
# (standard library only), never from aidstat's own output.
#
# Checked: in the sheets "Current US$", "Constant (2023) US$" and "Share of
# GDP", every country-year cell (174 countries x 76 years) as aidstat
# returns it by SIPRI's name (US$ m. times 1e6, shares as they are), and
# the counts aidstat's notes give (region label rows, "..." and "xxx"
# cells); every Kiel donor of the embedded data found by its ISO3 code
# alone, with its 2024 figure (none for the EU institutions, 0 for
# Iceland); and Denmark's and Germany's aid as % of
# their 2024 military expenditure, from the Kiel total that `compare
# --format csv` prints, SIPRI's cell and the 2024 average of the ECB's
# daily US$ rates computed here from eurofxref-hist.csv.
#
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets or no python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${REFDUMP:?REFDUMP is not set}"
BOOK=$SHARED/sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx
ECB=$SHARED/ecb-eurofxref/eurofxref-hist.csv
[ -r "$BOOK" ] && [ -r "$ECB" ] || { echo "SKIP: the SIPRI workbook or the ECB rates are not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
"$AIDSTAT" compare -q --top 0 --format csv >"$tmp/aid.csv" || exit 1
"$AIDSTAT" compare -q --top 0 --format csv --per milex --milex "$BOOK" --rates "$ECB" >"$tmp/milex.csv" || exit 1
python3 - "$BOOK" "$ECB" "$tmp" "$REFDUMP" <<'PY'
import csv, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
book, ecb, tmp, refdump = sys.argv[1:5]
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)
z = zipfile.ZipFile(book)
sst = ["".join(t.text or "" for t in si.iter(M + "t"))
       for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(M + "si")]
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
targets = {s.get("name"): rels[s.get(RID)] for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet")}
def col(ref):
    n = 0
    for ch in re.match("[A-Z]+", ref).group():
        n = n * 26 + ord(ch) - 64
    return n - 1
def rows(sheet):
    t = targets[sheet]
    t = t.lstrip("/") if t.startswith("/") else "xl/" + t
    for r in ET.fromstring(z.read(t)).iter(M + "row"):
        cells = {}
        for c in r.findall(M + "c"):
            v = c.find(M + "v")
            text = "" if v is None else v.text
            if c.get("t") == "s":
                text = sst[int(text)]
            cells[col(c.get("r"))] = text.strip()
        yield int(r.get("r")), cells
def read(sheet):
    """countries {name: {year: text}}, label count, header row"""
    header, years, out, labels = None, {}, {}, 0
    for rn, c in rows(sheet):
        if header is None:
            first = [c[k] for k in sorted(c) if c[k]]
            if first and first[0] == "Country":
                header = rn
                years = {k: int(v) for k, v in c.items() if re.fullmatch(r"\d{4}", v)}
            continue
        name = c.get(0, "")
        vals = {y: c.get(k, "") for k, y in years.items()}
        if not name:
            continue
        if all(v == "" for v in vals.values()):
            labels += 1
            continue
        out[name] = vals
    return out, labels, header
def dump(sheet, queries):
    q = "".join("%s\t%s\t%d\n" % x for x in queries)
    p = subprocess.run([refdump, "milex", book, sheet], input=q.encode(), capture_output=True)
    if p.returncode != 0:
        fail("reftable-dump %s: %s" % (sheet, p.stderr.decode()))
        return [], []
    lines = p.stdout.decode().splitlines()
    head = [l for l in lines if l.startswith(("describe: ", "currency: ", "note: "))]
    return head, lines[len(head):]
def num(x):
    return "%.17g" % x
sheets = {"Current US$": (1e6, 6), "Constant (2023) US$": (1e6, 6), "Share of GDP": (1, 6)}
current = None
for sheet, (scale, want_header) in sheets.items():
    countries, labels, header = read(sheet)
    if sheet == "Current US$":
        current = countries
    if (len(countries), labels, header) != (174, 18, want_header):
        fail("%s: python finds %d countries, %d labels, header row %s" % (sheet, len(countries), labels, header))
    queries, want = [], []
    dots = xxx = 0
    for name, vals in countries.items():
        for y, v in sorted(vals.items()):
            queries.append(("", name, y))
            if v in ("...", ". ."):
                dots += 1; want.append("nan")
            elif v == "xxx":
                xxx += 1; want.append("nan")
            else:
                want.append(num(float(v) * scale) if scale != 1 else num(float(v)))
    head, got = dump(sheet, queries)
    if len(got) != len(want):
        fail("%s: %d answers for %d queries" % (sheet, len(got), len(want)))
        continue
    diff = [(q, g, w) for q, g, w in zip(queries, got, want) if g != w]
    for q, g, w in diff[:5]:
        fail("%s: %s %d: aidstat %s, python %s" % (sheet, q[1], q[2], g, w))
    if diff:
        fail("%s: %d of %d cells differ" % (sheet, len(diff), len(want)))
    notes = [l[6:] for l in head if l.startswith("note: ")]
    expect = ['sheet "%s": 174 country rows, values 1949–2024' % sheet,
              "18 region label rows skipped (a name and no year values)",
              '%d cells without a value: %d "..." or ". ." (data unavailable), %d "xxx" '
              "(country did not exist), 0 empty" % (dots + xxx, dots, xxx)]
    if notes[:3] != expect:
        fail("%s: notes %r, want %r" % (sheet, notes[:3], expect))
    print("%s: %d cells, %d values, %d '...', %d 'xxx' agree" % (sheet, len(want), len(want) - dots - xxx, dots, xxx))

# every Kiel donor by its code alone, 2024; the names as Kiel and SIPRI spell them
sipri_name = {"United States": "United States of America", "South Korea": "Korea, South",
              "Turkiye": "Türkiye"}
donors = [(r["donor"], r["code"]) for r in csv.DictReader(open(tmp + "/aid.csv", newline=""))]
queries = [(code, "", 2024) for _, code in donors]
_, got = dump("Current US$", queries)
missing, zero = [], []
for (donor, code), g in zip(donors, got):
    cell = current.get(sipri_name.get(donor, donor), {}).get(2024)
    w = "nan" if cell in (None, "...", "xxx") else num(float(cell) * 1e6)
    if g != w:
        fail("donor %s (%s): aidstat %s, python %s" % (donor, code, g, w))
    if w == "nan":
        missing.append(donor)
    elif float(w) == 0:
        zero.append(donor)
if (missing, zero) != (["EU (Commission and Council)"], ["Iceland"]):
    fail("donors without a 2024 figure: %r, with 0: %r" % (missing, zero))
print("%d Kiel donors by code; no 2024 figure: %s; 0: %s" % (len(donors), ", ".join(missing), ", ".join(zero)))

# --per milex end to end: aid / (milex in US$ / 2024 average US$ per euro) x 100
usd = []
with open(ecb, newline="") as f:
    for r in csv.DictReader(f):
        if r["Date"].startswith("2024-") and r["USD"] not in ("", "N/A"):
            usd.append(float(r["USD"]))
avg = sum(usd) / len(usd)
aid = {r["code"]: float(r["value"]) for r in csv.DictReader(open(tmp + "/aid.csv", newline=""))}
per = {r["code"]: r for r in csv.DictReader(open(tmp + "/milex.csv", newline=""))}
for code, name in (("DNK", "Denmark"), ("DEU", "Germany")):
    milex_eur = float(current[name][2024]) * 1e6 / avg
    want = aid[code] / milex_eur * 100
    got = float(per[code]["value"])
    if abs(got - want) > 1e-12 * want:
        fail("%s: aidstat %.17g %% of milex, python %.17g" % (name, got, want))
    if float(per[code]["value_EUR"]) != aid[code]:
        fail("%s: value_EUR %s, aid %s" % (name, per[code]["value_EUR"], aid[code]))
    if abs(float(per[code]["milex_EUR"]) - milex_eur) > 1e-12 * milex_eur:
        fail("%s: milex_EUR %s, python %.17g" % (name, per[code]["milex_EUR"], milex_eur))
    print("%s: %.0f EUR / (%s US$ m. / %.6f US$ per EUR over %d days) = %.4f %% (aidstat %.4f %%)"
          % (name, aid[code], current[name][2024], avg, len(usd), want, got))
sys.exit(1 if bad else 0)
PY
