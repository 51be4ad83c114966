#!/bin/sh
# Datasets know their role; no record counts twice (issue 11, items 1 and 6).
#
# 1. Figures of the accepted cases equal python3's csv module over the
#    files: data_explorer.csv with release_info.csv (no aid in the second);
#    clean.csv with SIPRI's register (allocations from clean.csv only, and
#    no SIPRI in the source line or the chart's footer); two files added on
#    purpose with --allow-overlap; a file with Total/World rows; the US
#    foreign-aid file's obligations and disbursements for Ukraine.
# 2. A report over a file with rejected rows warns on stderr as compare
#    does, and its sources section counts the rows.
# 3. Property: random combinations of the real Kiel and SIPRI files with
#    random selections. Whenever aidstat gives a figure, (a) at most one of
#    the files with records is other than record-level aid, (b) the total
#    equals the sum of each file's own total under the same selection and
#    the measure the combination chose (no record counted twice), and (c) for Kiel's data_explorer.csv that own
#    total equals python's sum of its rows, so the total never exceeds the
#    sum of the record-level inputs. Seed: ROLES_SEED (default 11).
#
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets or python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${TESTDATA:?TESTDATA is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
K=$SHARED/kiel-ust-web-r29
REG=$SHARED/sipri-at-trade-register/trade-register.csv
TIV=$SHARED/sipri-at-tiv-exports
US=$SHARED/us-foreign-aid-country/us_foreign_aid_country.csv
[ -d "$K" ] && [ -r "$REG" ] && [ -r "$US" ] || { echo "SKIP: ../shared/datasets is not there"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
q() { "$AIDSTAT" compare -q --format csv "$@"; }

# ------------------------------------------------------------ 1. figures
q "$K/data_explorer.csv" "$K/release_info.csv" >"$tmp/de-rel.csv"
check "data_explorer.csv with release_info.csv: accepted" test $? -eq 0
q "$TESTDATA/clean.csv" "$REG" >"$tmp/clean-reg.csv"
check "clean.csv with the SIPRI register: accepted" test $? -eq 0
"$AIDSTAT" compare "$TESTDATA/clean.csv" "$REG" >"$tmp/clean-reg.txt" 2>&1
"$AIDSTAT" chart bar -q "$TESTDATA/clean.csv" "$REG" -o "$tmp/clean-reg.svg"
check "chart over clean.csv and the register: written" test -s "$tmp/clean-reg.svg"
q --allow-overlap --type military "$TESTDATA/clean.csv" "$TESTDATA/clean-overlap.csv" >"$tmp/overlap.csv"
check "--allow-overlap: accepted" test $? -eq 0
q "$TESTDATA/aggregate-rows.csv" >"$tmp/agg.csv"
q --map value=current_amount --map "year=Fiscal Year" --input-currency USD --donor Ukraine \
    --measure commitment --by year "$US" >"$tmp/us-obl.csv"
q --map value=current_amount --map "year=Fiscal Year" --input-currency USD --donor Ukraine \
    --measure delivery --by year "$US" >"$tmp/us-dis.csv"

python3 - "$K" "$TESTDATA" "$US" "$tmp" >"$tmp/figures.out" <<'PY'
import csv, math, sys
K, TD, US, tmp = sys.argv[1:5]
out = []
def ok(cond, what):
    out.append(("ok" if cond else "FAIL") + " " + what)
def rows(p, **kw):
    return list(csv.DictReader(open(p, newline="", **kw)))
def total(p):
    return sum(float(r["value"]) for r in rows(p))
def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))

de = rows(K + "/data_explorer.csv")
want = sum((float(r["financial"]) + float(r["humanitarian"]) + float(r["military"])) * 1e9 for r in de)
got = total(tmp + "/de-rel.csv")
ok(close(got, want), "data_explorer + release_info: total %.17g = python %.17g" % (got, want))

clean = rows(TD + "/clean.csv")
want = sum(float(r["value"]) for r in clean if r["measure"] == "allocation")
got = total(tmp + "/clean-reg.csv")
ok(close(got, want), "clean.csv + register: allocations %.17g = python %.17g" % (got, want))
src = {r["source"] for r in rows(tmp + "/clean-reg.csv")}
ok(not any("SIPRI" in s for s in src), "clean.csv + register: the CSV's source column names no SIPRI (%s)" % src)
txt = open(tmp + "/clean-reg.txt").read()
ok("SIPRI" not in txt, "clean.csv + register: the table names neither SIPRI nor its notes")
svg = open(tmp + "/clean-reg.svg").read()
ok("SIPRI" not in svg and "TIV" not in svg, "clean.csv + register: the chart's footer names no SIPRI")

over = rows(TD + "/clean-overlap.csv")
want = sum(float(r["value"]) for r in clean + over if r["type"] == "military" and r["measure"] == "allocation")
got = total(tmp + "/overlap.csv")
ok(close(got, want), "--allow-overlap: military %.17g = python over both files %.17g" % (got, want))

aggregate = {"total", "all donors", "eu total", "world"}
agg = rows(TD + "/aggregate-rows.csv")
want = sum(float(r["value"]) for r in agg if r["donor"].lower() not in aggregate)
got = total(tmp + "/agg.csv")
ok(close(got, want), "aggregate rows left out: %.17g = python %.17g" % (got, want))
donors = {r["donor"] for r in rows(tmp + "/agg.csv")}
ok(donors == {"Germany", "France"}, "aggregate rows: the donors are Germany and France (%s)" % sorted(donors))

us = rows(US)
for kind, f in (("Obligations", "us-obl.csv"), ("Disbursements", "us-dis.csv")):
    want = {}
    for r in us:
        if r["Country Name"] == "Ukraine" and r["Transaction Type Name"] == kind and r["Fiscal Year"].isdigit():
            want[r["Fiscal Year"]] = want.get(r["Fiscal Year"], 0.0) + float(r["current_amount"])
    got = {r["year"]: float(r["value"]) for r in rows(tmp + "/" + f)}
    bad = [y for y in want if y not in got or not close(got[y], want[y])]
    ok(not bad and len(got) == len(want),
       "US %s for Ukraine by fiscal year: %d years equal python (%s)" % (kind, len(want), bad[:3]))
print("\n".join(out))
PY
[ -s "$tmp/figures.out" ] || fail "figures: python produced nothing"
while read -r verdict what; do
    if [ "$verdict" = ok ]; then pass "$what"; else fail "$what"; fi
done <"$tmp/figures.out"

# ------------------------------------------------------------- 2. report
cat >"$tmp/r.md" <<EOF
---
title: Rows rejected
data: $TESTDATA/badvalues.csv
---

Total {{ sum | eur_m }}.

\`\`\`sources
\`\`\`
EOF
"$AIDSTAT" report "$tmp/r.md" -o "$tmp/r.pdf" >"$tmp/r.out" 2>"$tmp/r.err"
check "report over badvalues.csv: exit 0" test $? -eq 0
"$AIDSTAT" compare "$TESTDATA/badvalues.csv" >/dev/null 2>"$tmp/c.err"
check "report: the same warning on stderr as compare's ($(head -c 120 "$tmp/r.err"))" \
    sh -c "grep '^aidstat: warning:' '$tmp/c.err' | sed 's|$TESTDATA/||' >'$tmp/c.w'; grep '^aidstat: warning:' '$tmp/r.err' | sed 's|$TESTDATA/||' >'$tmp/r.w'; [ -s '$tmp/r.w' ] && cmp -s '$tmp/c.w' '$tmp/r.w'"
read_n=$(python3 -c "import sys; print(sum(1 for _ in open(sys.argv[1])) - 1)" "$TESTDATA/badvalues.csv")
if command -v pdftotext >/dev/null; then
    pdftotext "$tmp/r.pdf" "$tmp/r.txt"
    check "report: the sources section says $read_n rows read, 2 used, 7 rejected" \
        sh -c "tr -s ' \n' '  ' <'$tmp/r.txt' | grep -q '$read_n rows read, 2 used, 7 rejected'" # a long path wraps the line
fi

# ----------------------------------------------------------- 3. property
python3 - "$AIDSTAT" "$K" "$REG" "$TIV" "${ROLES_SEED:-11}" >"$tmp/prop.out" <<'PY'
import csv, io, os, random, subprocess, sys
aidstat, K, REG, TIV, seed = sys.argv[1:6]
rnd = random.Random(int(seed))
files = [K + "/" + f for f in ("data_explorer.csv", "total_allocations.csv", "eu_aid_shares.csv",
                               "weapons.csv", "procurement_trends.csv", "release_info.csv")]
files += [REG, TIV + "/TIV-Export-USA-1950-2021.csv", TIV + "/TIV-Export-FRG-1950-2021.csv"]
out = []
def run(args):
    p = subprocess.run([aidstat, "compare", "-q", "--format", "csv", "--top", "0"] + args,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr
def total(text):
    return sum(float(r["value"]) for r in csv.DictReader(io.StringIO(text)))
role = {}
for f in files:
    p = subprocess.run([aidstat, "check", f], capture_output=True, text=True)
    lines = p.stdout.splitlines()
    role[f] = next((l.split(":", 2)[1].strip() for l in lines if l.startswith("  role:")), "record-level aid")
    recs = next((l for l in lines if l.startswith("  records:")), "  records:  0")
    role[f] = (role[f], int(recs.split()[1]))
de_rows = list(csv.DictReader(open(K + "/data_explorer.csv", newline="")))
def python_de(sel):
    """python's sum of data_explorer.csv under the selection (allocations)."""
    types = [sel["type"]] if sel["type"] else ["financial", "humanitarian", "military"]
    s = 0.0
    for r in de_rows:
        ym = (int(r["year"]), int(r["month"]))
        if sel["from"] and ym < sel["from"]: continue
        if sel["to"] and ym > sel["to"]: continue
        if sel["donor"] and r["country"] not in sel["donor"]: continue
        s += sum(float(r[t]) for t in types) * 1e9
    return s
def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))
bad = 0
accepted = refused = 0
for it in range(60):
    combo = rnd.sample(files, rnd.choice([1, 1, 2, 2, 3]))
    sel = {"type": rnd.choice([None, "military", "financial", "humanitarian"]),
           "from": rnd.choice([None, (2022, 6), (2023, 1)]),
           "to": rnd.choice([None, (2024, 12), (2025, 3)]),
           "donor": rnd.choice([None, ["Germany"], ["United States", "Germany"]])}
    args = []
    if sel["type"]: args += ["--type", sel["type"]]
    if sel["from"]: args += ["--from", "%d-%02d" % sel["from"]]
    if sel["to"]: args += ["--to", "%d-%02d" % sel["to"]]
    if sel["donor"]: args += ["--donor", ",".join(sel["donor"])]
    code, text, err = run(args + combo)
    name = " + ".join(os.path.basename(f) for f in combo) + " " + " ".join(args)
    if code != 0:
        refused += 1
        continue
    accepted += 1
    with_records = [f for f in combo if role[f][1] > 0]
    views = [f for f in with_records if role[f][0] != "record-level aid"]
    if len(with_records) > 1 and views:
        bad += 1
        out.append("FAIL %s: accepted though %s is %s" % (name, os.path.basename(views[0]), role[views[0]][0]))
        continue
    got = total(text)
    # each file alone, with the measure the combination chose
    measure = {r["measure"] for r in csv.DictReader(io.StringIO(text))}
    margs = ["--measure", measure.pop()] if len(measure) == 1 else []
    parts = 0.0
    for f in with_records:
        c, t, _ = run(args + margs + [f])
        parts += total(t) if c == 0 else 0.0
        if f.endswith("data_explorer.csv") and c == 0:
            want = python_de(sel)
            if not close(total(t), want):
                bad += 1
                out.append("FAIL %s: data_explorer.csv alone %.17g, python %.17g" % (name, total(t), want))
    if not close(got, parts):
        bad += 1
        out.append("FAIL %s: total %.17g is not the sum of the files' own totals %.17g" % (name, got, parts))
out.append("%s property: %d random combinations accepted, %d refused, %d failures (seed %s)"
           % ("ok" if bad == 0 and accepted > 0 else "FAIL", accepted, refused, bad, seed))
print("\n".join(out))
PY
[ -s "$tmp/prop.out" ] || fail "property: python produced nothing"
while read -r verdict what; do
    if [ "$verdict" = ok ]; then pass "$what"; else fail "$what"; fi
done <"$tmp/prop.out"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
