#!/bin/sh
# Figure tests for `aidstat diff`: every old value, new value and change
# that `aidstat diff --all --format csv` prints equals an independent
# computation made here with python3's csv module straight from the
# source CSVs, never from aidstat's own output. Relative tolerance 1e-9.
#
# Checked:
#  1. the earlier snapshot kiel-ust-web-history/2026-07-27-6c0293d against
#     the final Release 29 (kiel-ust-web-r29): per donor x type x measure
#     (allocations by type and over all types; commitments over all types)
#     and per group of datasets/regions.csv (by ISO3 code) and all donors;
#     the set of rows is the set of donor x type x measure with a non-zero
#     value in either file; statuses; France +2.159009 and United Kingdom
#     +1.507655 € bn in total allocations, as the issue states them;
#  2. the snapshot 2026-07-21-e4ba24e against Release 29: the EU
#     institutions' total allocations fall by 10.849 € bn (PROVENANCE.md);
#  3. the release-7 workbook against Release 29, commitments in 2022: the
#     periods both cover end in September 2022 (the workbook's last month);
#     Release 29's commitments Jan-Sep 2022 per donor (new) and Oct-Dec 2022
#     (new_periods) from the CSV; the workbook's side equals `aidstat
#     compare` of the workbook alone (one loader, two consumers).
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

R29=$SHARED/kiel-ust-web-r29/data_explorer.csv
H27=$SHARED/kiel-ust-web-history/2026-07-27-6c0293d/data_explorer.csv
H21=$SHARED/kiel-ust-web-history/2026-07-21-e4ba24e/data_explorer.csv
R7=$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
REGIONS=$SRCDIR/datasets/regions.csv

if [ ! -d "$SHARED/kiel-ust-web-history" ]; then
    echo "SKIP: $SHARED/kiel-ust-web-history is not there"
    exit 77
fi
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
for f in "$R29" "$H27" "$H21" "$R7" "$REGIONS"; do
    [ -r "$f" ] || { echo "ERROR: cannot read $f"; exit 99; }
done

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
. "$SRCDIR/tests/testlib.sh"

run() { # run OUT ARGS...: aidstat's output to $tmp/OUT, exit code checked
    out=$1
    shift
    if "$AIDSTAT" "$@" >"$tmp/$out" 2>"$tmp/$out.err"; then pass "aidstat $* runs"; else
        fail "aidstat $* runs"
        cat "$tmp/$out.err"
    fi
}

run h27.csv diff --all --format csv -q "$H27" "$R29"
run h21.csv diff --all --format csv -q "$H21" "$R29"
run r7.csv diff --all --format csv -q --measure commitment --from 2022 --to 2022 "$R7" "$R29"
run r7-compare.csv compare --format csv -q --measure commitment --from 2022 --to 2022 "$R7"

# The checks print "ok"/"not ok" lines; their count of failures is the exit code.
python3 - "$tmp" "$H27" "$H21" "$R29" "$REGIONS" >"$tmp/py.out" 2>&1 <<'EOF'
import csv, math, sys
tmp, h27, h21, r29, regions = sys.argv[1:]
BN = 1e9
TYPES = ["financial", "humanitarian", "military"]
fails = 0
def check(ok, what):
    global fails
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        fails += 1
def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b)) + 1e-3

def explorer(path):
    """(iso, type, measure) -> {yyyymm: [sum in euros, records]}."""
    cells = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ym = int(row["year"]) * 100 + int(row["month"])
            iso = row["iso"]
            vals = [(t, "allocation", row[t]) for t in TYPES] + [("all types", "commitment", row["commitments"])]
            for t, m, v in vals:
                x = float(v)
                if x == 0:
                    continue  # a zero cell is no aid: not a record
                for tt in ([t, "all types"] if m == "allocation" else [t]):
                    s = cells.setdefault((iso, tt, m), {}).setdefault(ym, [0.0, 0])
                    s[0] += x * BN
                    s[1] += 1
    return cells

def months(cells):
    yms = [ym for c in cells.values() for ym in c]
    return min(yms), max(yms)

def total(cells, lo, hi, inside=True):
    """key -> [sum, records] over the months in [lo, hi] (or outside them)."""
    out = {}
    for k, c in cells.items():
        for ym, (v, n) in c.items():
            if (lo <= ym <= hi) == inside:
                s = out.setdefault(k, [0.0, 0])
                s[0] += v
                s[1] += n
    return out

def aidstat_rows(name):
    rows = {}
    with open(f"{tmp}/{name}", newline="") as f:
        for r in csv.DictReader(f):
            rows[(r["row"], r["code"], r["type"], r["measure"])] = r
    return rows

groups = {}
with open(regions, newline="") as f:
    for r in csv.DictReader(f):
        groups.setdefault((r["region"], r["name"]), set()).add(r["iso3"])

def check_pair(old_path, name):
    oc, nc = explorer(old_path), explorer(r29)
    (o0, o1), (n0, n1) = months(oc), months(nc)
    lo, hi = max(o0, n0), min(o1, n1)
    old, new = total(oc, lo, hi), total(nc, lo, hi)
    old_only, new_only = total(oc, lo, hi, False), total(nc, lo, hi, False)
    got = aidstat_rows(name)
    keys = set(oc) | set(nc)
    donor_keys = {k[1:] for k in got if k[0] == "donor"}
    check(donor_keys == keys, f"{name}: donor rows are exactly the donor x type x measure with aid "
          f"({len(keys)} expected, {len(donor_keys)} printed)")
    bad = 0
    for k in keys:
        r = got.get(("donor",) + k)
        if r is None:
            continue
        o = old.get(k, [0.0, 0])
        n = new.get(k, [0.0, 0])
        oo, no = old_only.get(k, [0.0, 0]), new_only.get(k, [0.0, 0])
        ok = close(float(r["old"]), o[0]) and close(float(r["new"]), n[0]) and \
            close(float(r["change"]), n[0] - o[0]) and \
            close(float(r["old_periods"]), oo[0]) and close(float(r["new_periods"]), no[0])
        status = "added" if not o[1] + oo[1] else "removed" if not n[1] + no[1] else \
            ("same" if abs(n[0] - o[0]) <= 1e-9 * max(abs(o[0]), abs(n[0])) + 1e-6 else "revised")
        ok = ok and r["status"] == status
        if o[0] and ok:
            ok = close(float(r["pct_change"]), (n[0] - o[0]) / o[0])
        if not ok:
            bad += 1
            print(f"# {k}: aidstat {r['old']} {r['new']} {r['change']} {r['status']}; python {o} {n} {status}")
    check(bad == 0, f"{name}: old, new, change, % change, periods apart and status of every donor row ({len(keys)})")
    # groups: every region of regions.csv with a member in the data, and all donors
    bad = ngroups = 0
    isos = {k[0] for k in keys}
    for (gid, gname), members in list(groups.items()) + [(("all", "All donors"), isos)]:
        if not (members & isos):
            continue
        for t in ["all types"] + TYPES:
            for m in ["allocation", "commitment"]:
                if m == "commitment" and t != "all types":
                    continue
                o = sum(v[0] for kk, v in old.items() if kk[0] in members and kk[1] == t and kk[2] == m)
                n = sum(v[0] for kk, v in new.items() if kk[0] in members and kk[1] == t and kk[2] == m)
                r = got.get(("group", gid, t, m))
                if r is None and o == 0 and n == 0:
                    continue  # no records: no row
                ngroups += 1
                if r is None or not (close(float(r["old"]), o) and close(float(r["new"]), n)):
                    bad += 1
                    print(f"# group {gid} {t} {m}: python {o} {n}; aidstat {r and (r['old'], r['new'])}")
    check(bad == 0 and ngroups > 0, f"{name}: every group total ({ngroups})")
    for g in ("europe", "usa"):
        check(("group", g, "all types", "allocation") in got, f"{name}: group {g} is there")
    return oc, nc, got

def alltime(cells, k):
    return sum(v for v, n in cells.get(k, {}).values())

oc, nc, got = check_pair(h27, "h27.csv")
check(months(oc) == months(nc) == (202201, 202604), "h27: both files cover 2022-01 to 2026-04")
for iso, want in (("FRA", 2.159009), ("GBR", 1.507655)):
    k = (iso, "all types", "allocation")
    py = round((alltime(nc, k) - alltime(oc, k)) / BN, 6)
    check(py == want, f"python: {iso} total allocations change {py} = {want} (the issue's figure)")
    check(round(float(got[("donor",) + k]["change"]) / BN, 6) == want,
          f"aidstat: {iso} total allocations change {got[('donor',) + k]['change']} rounds to {want}")

oc, nc, got = check_pair(h21, "h21.csv")
# PROVENANCE.md says every snapshot ends in April 2026; this one runs to June 2026
check(months(oc) == (202201, 202606), "h21: the old file covers 2022-01 to 2026-06 (python)")
k = ("EU", "all types", "allocation")
py = round((alltime(nc, k) - alltime(oc, k)) / BN, 3)
check(py == -10.849, f"python: EU institutions' total allocations change {py} = -10.849 (PROVENANCE.md)")
r = got[("donor",) + k]
x = float(r["new"]) + float(r["new_periods"]) - float(r["old"]) - float(r["old_periods"])
check(round(x / BN, 3) == -10.849,
      "aidstat: EU institutions' total allocations, revisions and months apart, fall by 10.849 € bn")

# the workbook against Release 29, commitments in 2022
got = aidstat_rows("r7.csv")
nc = explorer(r29)
common, later = total(nc, 202201, 202209), total(nc, 202210, 202212)
comp = {}
with open(f"{tmp}/r7-compare.csv", newline="") as f:
    for r in csv.DictReader(f):
        comp[r["code"] or r["donor"]] = float(r["value"])
bad = n = 0
for (row, code, t, m), r in got.items():
    if row != "donor":
        continue
    n += 1
    k = (code, "all types", "commitment")
    ok = close(float(r["new"]), common.get(k, [0.0])[0]) and \
        close(float(r["new_periods"]), later.get(k, [0.0])[0])
    if r["status"] != "added":
        ok = ok and close(float(r["old"]), comp.get(code or r["label"], float("nan")))
    if not ok:
        bad += 1
        print(f"# {code} {r['label']}: aidstat {r['old']} {r['new']} {r['new_periods']}; "
              f"python new {common.get(k)} later {later.get(k)}; compare {comp.get(r['label'])}")
check(bad == 0 and n > 30, f"r7.csv: per donor, 2022 commitments Jan-Sep and Oct-Dec (python), workbook side (compare) ({n})")
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
[ "$pyrc" -le 1 ] || { echo "ERROR: python3 failed ($pyrc)"; exit 99; }

# the periods of the workbook diff: common Jan-Sep 2022, Release 29's Oct-Dec apart
run r7.json diff --format json -q --measure commitment --from 2022 --to 2022 "$R7" "$R29"
check "r7: the periods both files cover are 2022-01 to 2022-09" \
    grep -q '"common": {"from": "2022-01", "to": "2022-09"}' "$tmp/r7.json"

# the chart of the largest revisions: a PDF whose text has the title and the largest change
run chart.txt diff -q --chart "$tmp/revisions.pdf" -o /dev/null "$H27" "$R29"
if command -v pdftotext >/dev/null; then
    pdftotext "$tmp/revisions.pdf" "$tmp/revisions.txt"
    check "chart: titled \"Largest revisions\"" grep -q "Largest revisions: aid allocations by donor" "$tmp/revisions.txt"
    check "chart: France, the largest revision, is drawn" grep -q "France" "$tmp/revisions.txt"
    check "chart: the footer says how many changes are drawn" grep -q "the 15 largest of 17 changes" "$tmp/revisions.txt"
fi

# the report's diff block: the table's figures in the PDF's text equal python's
# sums over the fixtures (Jan-Feb 2023, the months both cover; March apart)
if command -v pdftotext >/dev/null; then
    (cd "$SRCDIR/tests/data" && "$AIDSTAT" report diff-report.md -o "$tmp/report-diff.pdf" 2>"$tmp/report.err")
    check "report with diff blocks is written" test -s "$tmp/report-diff.pdf"
    pdftotext -layout "$tmp/report-diff.pdf" "$tmp/report-diff.txt"
    # the same section from the front matter's diff: key
    (cd "$SRCDIR/tests/data" && "$AIDSTAT" report diff-frontmatter.md -o "$tmp/report-fm.pdf" 2>"$tmp/report-fm.err")
    check "report with diff: in the front matter is written" test -s "$tmp/report-fm.pdf"
    pdftotext -layout "$tmp/report-fm.pdf" "$tmp/report-fm.txt"
    check "front matter diff: the section heading" grep -q "What changed since the previous release" "$tmp/report-fm.txt"
    check "front matter diff: the chart" grep -q "Largest revisions: aid allocations by donor" "$tmp/report-fm.txt"
    for txt in "$tmp/report-diff.txt" "$tmp/report-fm.txt"; do
    python3 - "$SRCDIR/tests/data" "$txt" >>"$tmp/py2.out" <<'PY'
import csv, sys
data, text = sys.argv[1], open(sys.argv[2]).read()
def sums(name):
    s, later = {}, {}
    for r in csv.DictReader(open(f"{data}/{name}")):
        d = s if int(r["month"]) <= 2 else later
        d[r["donor"]] = d.get(r["donor"], 0) + float(r["value"]) / 1e6
    return s, later
(old, _), (new, later) = sums("diff-old.csv"), sums("diff-new.csv")
for donor in sorted(set(old) | set(new)):
    o, n = old.get(donor), new.get(donor)
    cells = [f"{o:.3f}" if o is not None else "–", f"{n:.3f}" if n is not None else "–",
             ("+" if (n or 0) - (o or 0) > 0 else "\u2212") + f"{abs((n or 0) - (o or 0)):.3f}",
             f"{later.get(donor, 0):.3f}"]
    line = next((l for l in text.splitlines() if l.strip().startswith(donor + " ")), "")
    ok = line.split()[1:3] == cells[:2] and cells[2] in line and line.split()[-1] == cells[3]
    print(("ok - " if ok else "not ok - ") + f"report table ({sys.argv[2].rsplit('/', 1)[-1]}): {donor} {' '.join(cells)}" + ("" if ok else f" (got: {line.strip()})"))
PY
    done
    while IFS= read -r line; do
        case $line in
        "ok - "*) pass "${line#ok - }" ;;
        *) fail "${line#not ok - }" ;;
        esac
    done <"$tmp/py2.out"
    check "report: the chart of the largest revisions is there" grep -q "Largest revisions: aid allocations by donor" "$tmp/report-diff.txt"
fi

# compare --releases: Europe and the US, military allocations to April 2025,
# as each version had them (python; PROVENANCE.md: 64.742, 64.732, 70.741; US 64.617)
run releases.csv compare --releases --by region --region europe,usa --type military --to 2025-04 \
    --format csv -q "$H21" "$H27" "$R29"
python3 - "$tmp/releases.csv" "$REGIONS" "$H21" "$H27" "$R29" >"$tmp/py3.out" <<'PY'
import csv, sys
got_file, regions, *files = sys.argv[1:]
members = {}
for r in csv.DictReader(open(regions, newline="")):
    members.setdefault(r["region"], set()).add(r["iso3"])
names = {"europe": "Europe", "usa": "United States"}
got = {(r["region"], r["file"]): float(r["value"]) for r in csv.DictReader(open(got_file, newline=""))}
published = {("europe", 0): 64.742, ("europe", 1): 64.732, ("europe", 2): 70.741,
             ("usa", 0): 64.617, ("usa", 1): 64.617, ("usa", 2): 64.617}
for k, f in enumerate(files):
    for g in ("europe", "usa"):
        v = sum(float(r["military"]) for r in csv.DictReader(open(f, newline=""))
                if r["iso"] in members[g] and int(r["year"]) * 100 + int(r["month"]) <= 202504) * 1e9
        a = got.get((names[g], f), float("nan"))
        ok = abs(a - v) <= 1e-9 * abs(v) + 1e-3 and round(v / 1e9, 3) == published[(g, k)]
        print(("ok - " if ok else "not ok - ") + f"--releases: {g} military to 2025-04 in {f.split('/')[-2]}: "
              f"{a / 1e9:.6f} (python {v / 1e9:.6f}, PROVENANCE.md {published[(g, k)]})")
PY
while IFS= read -r line; do
    case $line in
    "ok - "*) pass "${line#ok - }" ;;
    *) fail "${line#not ok - }" ;;
    esac
done <"$tmp/py3.out"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
