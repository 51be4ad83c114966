#!/bin/sh
# Dates, unit words and German words as analysts write them (issue 12,
# items 2 and 3). Every figure is computed again in python3 from the same
# input with its own reading of the dates and units; messages are exact.
# Environment (set by `make check`): AIDSTAT.
set -u
: "${AIDSTAT:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }
run() {
    timeout 60 "$AIDSTAT" "$@" >out 2>err
    echo $? >code
}
# same NAME: out (month or donor, value) equals python's want
same() {
    if [ "$(cat code)" = 0 ] && diff -u want got; then ok "$1"; else no "$1 (exit $(cat code))"; cat err; fi
}

# ---- US dates: month-first, proven by 1/13/2024; totals by month
python3 - <<'PY'
import random
random.seed(12)
rows = []
for i in range(500):
    m, d = random.randint(1, 12), random.randint(1, 12)  # all could be either way
    rows.append((random.choice(["Germany", "France", "Italy"]), f"{m}/{d}/2023", random.randint(1, 999) / 4))
rows.insert(300, ("Spain", "1/13/2023", 1.25))  # the first value that shows the order
with open("us.csv", "w") as f:
    f.write("donor,date,type,value\n")
    for r in rows:
        f.write(f"{r[0]},{r[1]},military,{r[2]}\n")
PY
python3 - <<'PY' >want
import csv, datetime, collections
t = collections.defaultdict(float)
for r in csv.DictReader(open("us.csv")):
    d = datetime.datetime.strptime(r["date"], "%m/%d/%Y")
    t[f"{d.year}-{d.month:02d}"] += float(r["value"])
for k in sorted(t):
    print(k, repr(round(t[k], 6)))
PY
run compare --by month --format csv us.csv
python3 -c '
import csv
for r in csv.DictReader(open("out")):
    print(r["month"], repr(round(float(r["value"]), 6)))' | sort >got
same "month-first dates: monthly totals as python reads them with %m/%d/%Y"
run check us.csv
if grep -q 'note:     column "date" read month-first (M/D/YYYY), as line 302 shows ("1/13/2023")' out; then
    ok "check says which order and which line showed it"
else no "check says which order and which line showed it"; cat out; fi

# ---- the same dates stated day-first: every value that fits is read so
run compare --by month --format csv --date-order dmy us.csv
if [ "$(cat code)" = 0 ] && grep -q 'rejected' err; then ok "--date-order dmy rejects the month-first values and counts them"
else no "--date-order dmy rejects the month-first values"; cat err; fi

# ---- German: header words, unit words, decimal commas, month names, types
cat >de.csv <<'CSV'
Geber;Datum;Art;Betrag (Mio. EUR)
Deutschland;März 2024;Militär;1,5
Deutschland;Mrz. 2024;militärisch;2,25
Frankreich;Apr. 2024;Humanitär;2
Frankreich;15.05.2024;Finanzhilfe;0,25
Italien;Q2 2024;Finanziell;10
Italien;2024;MILITÄR;4,5
CSV
python3 - <<'PY' >want
import csv, collections
t = collections.defaultdict(float)
for r in csv.DictReader(open("de.csv"), delimiter=";"):
    # German names are read through the country table (datasets/countries.csv)
    shown = {"Deutschland": "Germany", "Frankreich": "France", "Italien": "Italy"}
    t[shown[r["Geber"]]] += float(r["Betrag (Mio. EUR)"].replace(",", ".")) * 1e6
for k in sorted(t):
    print(k, repr(round(t[k], 3)))
PY
run compare --by donor --format csv de.csv
python3 -c '
import csv
for r in csv.DictReader(open("out")):
    print(r["donor"], repr(round(float(r["value"]), 3)))' | sort >got
same "German file: Mio. EUR scales by a million; every row read"
run check de.csv
if grep -q 'note:     column "Betrag (Mio. EUR)" read in millions, as its header says' out &&
   grep -q 'rows:     6 read, 6 used, 0 rejected' out; then
    ok "check states the scale and where it was found"
else no "check states the scale and where it was found"; cat out; fi

# ---- unit cells with currency words
cat >units.csv <<'CSV'
donor,year,value,unit
A,2024,1,Mio. EUR
A,2024,2,EUR bn
B,2024,3,tsd
B,2024,4,€ Mrd.
C,2024,5,k
C,2024,6,apples
CSV
python3 - <<'PY' >want
import csv, collections
s = {"Mio. EUR": 1e6, "EUR bn": 1e9, "tsd": 1e3, "€ Mrd.": 1e9, "k": 1e3}
t = collections.defaultdict(float)
for r in csv.DictReader(open("units.csv")):
    if r["unit"] in s:
        t[r["donor"]] += float(r["value"]) * s[r["unit"]]
for k in sorted(t):
    print(k, repr(round(t[k], 3)))
PY
run compare --by donor --format csv units.csv
python3 -c '
import csv
for r in csv.DictReader(open("out")):
    print(r["donor"], repr(round(float(r["value"]), 3)))' | sort >got
same "unit cells: Mio., bn, tsd, Mrd., k with and without a currency"
run check units.csv
if grep -q 'unknown unit (column "unit"): 1 row, line 7; first: "apples"' out; then ok "an unknown unit is a counted rejection"
else no "an unknown unit is a counted rejection"; cat out; fi

# ---- wide layouts: years, months and quarters as columns, melted
wide() { # NAME FILE BY DELIM: the totals python melts from FILE by BY
    python3 - "$2" "$3" "$4" <<'PY' >want
import csv, re, sys, collections
path, by, delim = sys.argv[1], sys.argv[2], sys.argv[3]
months = {"jan": 1, "feb": 2, "mar": 3, "märz": 3, "apr": 4}
t = collections.defaultdict(float)
rows = list(csv.reader(open(path, encoding="utf-8"), delimiter=delim))
head = rows[0]
def period(h):
    h = re.sub(r"\s*\[YR\d{4}\]$", "", h)
    if re.fullmatch(r"\d{4}", h): return (int(h), 0)
    m = re.fullmatch(r"(\d{4})-(\d\d)", h)
    if m: return (int(m[1]), int(m[2]))
    m = re.fullmatch(r"(\w+) (\d{4})", h)
    if m and m[1].lower() in months: return (int(m[2]), months[m[1].lower()])
    m = re.fullmatch(r"(?:(\d{4})-?Q(\d)|Q(\d) (\d{4}))", h)
    if m: return (int(m[1] or m[4]), -int(m[2] or m[3]))  # a quarter: no month known
    return None
for r in rows[1:]:
    for h, v in zip(head, r):
        p = period(h)
        if p is None or v in ("", ".."): continue
        x = float(v.replace(",", ".")) if delim == ";" else float(v)
        # the country table's display names (datasets/countries.csv)
        shown = {"Korea, Republic of": "South Korea"}
        key = (shown.get(r[0], r[0]) if by == "donor" else str(p[0]) if by == "year"
               else f"{p[0]} Q{-p[1]} (month unknown)" if p[1] < 0 else f"{p[0]}-{p[1]:02d}")
        t[key] += x
for k in sorted(t):
    print(k, repr(round(t[k], 6)))
PY
    run compare --by "$3" --format csv "$2"
    python3 -c '
import csv, sys
for r in csv.DictReader(open("out")):
    print(r[sys.argv[1]], repr(round(float(r["value"]), 6)))' "$3" | sort >got
    same "$1"
}
printf 'donor,iso3,type,2022,2023,2024,Total\nGermany,DEU,military,1.5,2.25,,3.75\nGermany,DEU,humanitarian,0.5,,1,1.5\nFrance,FRA,military,,0.75,0.25,1\n"Korea, Republic of",KOR,financial,0.125,0.125,0.125,0.375\n' >years.csv
wide "Kiel-like years as columns: by year, Total not added" years.csv year ,
wide "Kiel-like years as columns: by donor" years.csv donor ,
printf 'Country Name,Country Code,Series Name,Series Code,2022 [YR2022],2023 [YR2023],2024 [YR2024]\nGermany,DEU,Military aid,MIL,1000000,2500000,..\nPoland,POL,Military aid,MIL,..,300000,450000.5\nItaly,ITA,Military aid,MIL,..,..,..\n' >databank.csv
wide "World-Bank-like DataBank columns: by year" databank.csv year ,
printf 'Geber;Art;Jan 2024;Feb 2024;März 2024;2024-04;Summe\nDeutschland;Militär;1,5;;2;0,5;4\nPolen;Humanitär;;3;;;3\n' >months.csv
wide "German months as columns: by month, Summe not added" months.csv month ";"
printf 'donor,type,2024Q1,Q2 2024,2024-Q3\nGermany,military,1,2,\nFrance,military,,4,8\n' >quarters.csv
wide "quarters as columns: by month (each quarter as a quarter, its month unknown)" quarters.csv month ,

# ---- unit words inside value cells
printf 'Geber;Jahr;Betrag\nA;2024;1,5 Mio. €\nB;2024;2,25 Mrd.\nC;2024;1.250,5 Tsd. EUR\nD;2024;7\nE;2024;3 Äpfel\n' >cells.csv
python3 - <<'PY' >want
import csv, re, collections
s = {"Mio.": 1e6, "Mrd.": 1e9, "Tsd.": 1e3}
t = collections.defaultdict(float)
for r in csv.DictReader(open("cells.csv", encoding="utf-8"), delimiter=";"):
    parts = r["Betrag"].split(" ")
    if len(parts) > 1 and parts[1] not in s: continue
    x = float(parts[0].replace(".", "").replace(",", "."))
    t[r["Geber"]] += x * (s[parts[1]] if len(parts) > 1 else 1)
for k in sorted(t):
    print(k, repr(round(t[k], 3)))
PY
run compare --by donor --format csv cells.csv
python3 -c '
import csv
for r in csv.DictReader(open("out")):
    print(r["donor"], repr(round(float(r["value"]), 3)))' | sort >got
same "value cells with unit words (1,5 Mio. €, 2,25 Mrd.), an unknown word rejected"
printf 'donor,year,value (EUR m)\nA,2024,2 bn\nB,2024,$3m\n' >twice.csv
run check twice.csv
if grep -q 'a unit in the cell beside the column'"'"'s own (column "value (EUR m)"): 2 rows, lines 2, 3; first: "2 bn"' out; then
    ok "a cell unit beside the header's is a counted rejection"
else no "a cell unit beside the header's is a counted rejection"; cat out; fi

# ---- a report's front matter says how its data is read (item 4)
if command -v pdftotext >/dev/null; then
    printf 'Staat;Datum;Menge\nDeutschland;3/4/2024;1.500\nPolen;5/6/2024;2.250\n' >fm.csv
    printf -- '---\ntitle: Front matter\ndata: fm.csv\ndecimal-comma: true\nunit: m\ndate-order: mdy\nmap: donor=Staat, value=Menge\ninput-currency: EUR\n---\n\nTotal {{ sum | eur_m }}.\n' >fm.md
    run report fm.md -o fm.pdf
    want=$(python3 -c '
import csv
t = sum(float(r["Menge"].replace(".", "").replace(",", ".")) for r in csv.DictReader(open("fm.csv"), delimiter=";"))
print("Total €" + format(t, ",.0f") + " m")')
    got=$(pdftotext fm.pdf - 2>/dev/null | grep -o "Total €[0-9,.]* m")
    if [ "$(cat code)" = 0 ] && [ "$got" = "$want" ]; then ok "front matter: decimal-comma, unit, date-order, map read the data"
    else no "front matter options: got [$got], want [$want]"; cat err; fi
else
    ok "# SKIP front matter (no pdftotext)"
fi

echo "$((n - bad)) passed, $bad failed"
[ "$bad" = 0 ]
