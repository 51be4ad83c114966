#!/bin/sh
# Report tests: `aidstat report` laid out as PDF and read back with real
# readers (qpdf, poppler's pdfinfo, pdffonts and pdftotext), never with
# aidstat itself. Three renderings:
#   a.pdf  the default report (built-in spec, embedded data);
#   b.pdf  the two-page brief reports/europe-vs-us.md;
#   c.pdf  the default report with --data data_explorer.csv.
# Checked for each: `qpdf --check` passes (no damaged cross-reference
# table); pdfinfo: the page count (default 8-14 pages, brief exactly 2),
# A4 pages, Title = the spec's title, Author "aidstat", Creator
# "aidstat VERSION"; pdffonts: every font embedded; pdftotext: "Page i of N"
# on every page, the source line "Kiel Institute, Ukraine Support Tracker,
# Release 29 (04/2026)".
# The default report: every heading of reports/ukraine-support.md on its
# own line; the table of contents lists each with the page it is on, and the
# PDF outline (qpdf --json) holds the same titles and pages; page 1 carries
# one /Link annotation per contents line, each to a named destination that
# exists. "Figure 1".."Figure 9" and "Table 1".."Table 6" with the spec's
# captions, in order and no more; each figure's caption and its chart's
# source footer on one page (charts are not split). Live figures equal an
# independent awk computation over data_explorer.csv with the groups of
# datasets/regions.csv: totals by type, commitments, to be allocated,
# donor counts, first and last month, Europe and US military aid (all,
# to 2024, to 2025-02, to 2025-03, since 2025) and shares, yearly totals,
# growth, CAGR, least-squares slopes, top donors and ranks, group sums, and
# the rows of Table 2 (ten largest donors by type, "Others (32)", total)
# and Table 3 (years by type), whose header repeats on every page the table
# reaches. The brief: its figures the same way. --data: every amount and
# percentage in c.pdf equals a.pdf's, and the text before the last section
# (which names the data file) is identical.
# Errors: every bad spec tests/data/report-*.md (all but report-small.md)
# fails with "aidstat: SPEC:LINE:COL: ..." and writes no PDF and no
# temporary file; an existing output is left byte for byte as it was.
# tests/data/report-small.md renders to one page with the figures worked
# out by hand from clean.csv, its GFM table, its link as a /URI annotation.
#
# Environment (set by `make check`): AIDSTAT, SHARED, TESTDATA, SRCDIR.
# Needs qpdf, pdfinfo, pdffonts, pdftotext (poppler-utils), awk, cmp.
# Exit: 0 pass, 1 fail, 77 skip (a reader tool or ../shared/datasets
# missing), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${TESTDATA:?TESTDATA is not set}"
: "${SRCDIR:?SRCDIR is not set}"

for tool in qpdf pdfinfo pdffonts pdftotext awk cmp; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (qpdf, poppler-utils)"
        exit 77
    fi
done
DE=$SHARED/kiel-ust-web-r29/data_explorer.csv
if [ ! -r "$DE" ]; then
    echo "SKIP: $DE is not there"
    exit 77
fi
SPEC=$SRCDIR/reports/ukraine-support.md
BRIEF=$SRCDIR/reports/europe-vs-us.md
REGIONS=$SRCDIR/datasets/regions.csv
for f in "$SPEC" "$BRIEF" "$REGIONS" "$TESTDATA/report-small.md"; do
    [ -r "$f" ] || { echo "ERROR: cannot read $f"; exit 99; }
done
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
# UTF-8 text whatever the caller's locale: "€", "–" and U+2212 compare as bytes
LC_ALL=C.UTF-8
export LC_ALL

. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
# same DESCRIPTION GOT WANT
same() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got \"$2\", expected \"$3\""; fi
}
quiet() {
    "$@" >/dev/null 2>&1
}
# has FILE TEXT: TEXT occurs in FILE (fixed string).
has() {
    grep -F -q -e "$2" "$1"
}
# no_temp DIR: no "NAME.XXXXXX" temporary file (mkstemp's) left in DIR.
no_temp() {
    for _t in "$1"/*.??????; do
        [ -e "$_t" ] && return 1
    done
    return 0
}
# info FILE KEY: a pdfinfo field, leading blanks removed.
info() {
    pdfinfo "$1" 2>/dev/null | sed -n "s/^$2: *//p"
}
# fonts_embedded FILE: pdffonts lists at least one font, every one with
# "yes" in its emb column (found by the header's position).
fonts_embedded() {
    pdffonts "$1" 2>/dev/null | awk '
        NR == 1 { at = index($0, "emb"); next }
        NR == 2 { next }
        { n++; if (substr($0, at, 3) != "yes") bad++ }
        END { exit !(at > 0 && n > 0 && bad == 0) }'
}
# joined FILE.pdf OUT: the text as one line, runs of blanks as one space:
# a phrase is found whatever the line breaks.
joined() {
    pdftotext "$1" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' >"$2"
}
# pages FILE.pdf PREFIX N: PREFIX-i.txt for each page i (layout mode,
# blanks squeezed, leading blanks removed).
pages() {
    _i=1
    while [ "$_i" -le "$3" ]; do
        pdftotext -layout -f "$_i" -l "$_i" "$1" - 2>/dev/null | tr -s ' ' | sed 's/^ //; s/ $//' >"$2-$_i.txt"
        _i=$((_i + 1))
    done
}

SOURCE='Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)'

# ------------------------------------------------------------- rendering
out=$tmp/out
mkdir "$out" || exit 99
render() {
    _name=$1
    shift
    "$AIDSTAT" report "$@" -o "$out/$_name" >"$tmp/stdout" 2>"$tmp/stderr"
    _rc=$?
    check "report $* -o $_name: exit 0 ($(head -c 300 "$tmp/stderr"))" test "$_rc" -eq 0
    check "report $_name: a PDF file" sh -c "head -c 5 '$out/$_name' | grep -q '^%PDF-'"
    check "report $_name: \"aidstat: wrote\" on stderr, nothing on stdout" \
        sh -c "grep -q '^aidstat: wrote ' '$tmp/stderr' && [ ! -s '$tmp/stdout' ]"
}
render a.pdf
render b.pdf "$BRIEF"
render c.pdf --data "$DE"
check "no temporary file left next to the reports" no_temp "$out"
for f in a b c; do
    [ -s "$out/$f.pdf" ] || { echo "ERROR: $f.pdf was not written; stopping"; echo "$npass passed, $((nfail + 1)) failed"; exit 1; }
done

# ------------------------------------------------------ readers, per file
TITLE_A=$(sed -n '2,/^---/s/^title: *//p' "$SPEC" | head -n 1)
TITLE_B=$(sed -n '2,/^---/s/^title: *//p' "$BRIEF" | head -n 1)
npages_a=$(info "$out/a.pdf" Pages)
npages_b=$(info "$out/b.pdf" Pages)
npages_c=$(info "$out/c.pdf" Pages)
check "a.pdf: 8 to 14 pages ($npages_a)" test "${npages_a:-0}" -ge 8 -a "${npages_a:-0}" -le 14
same "b.pdf (the two-page brief): pages" "$npages_b" 2
same "c.pdf (--data) has as many pages as a.pdf" "$npages_c" "$npages_a"
for f in a b c; do
    pdf=$out/$f.pdf
    qpdf --check "$pdf" >"$tmp/qpdf" 2>&1
    rc=$?
    check "$f.pdf: qpdf --check passes (exit $rc: $(grep -m 1 -i 'warning\|error' "$tmp/qpdf"))" test "$rc" -eq 0
    case $f in b) want=$TITLE_B ;; *) want=$TITLE_A ;; esac
    same "$f.pdf: Title" "$(info "$pdf" Title)" "$want"
    same "$f.pdf: Author" "$(info "$pdf" Author)" "aidstat"
    creator=$(info "$pdf" Creator)
    check "$f.pdf: Creator starts with \"aidstat \" ($creator)" sh -c "case '$creator' in 'aidstat '[0-9]*) exit 0 ;; *) exit 1 ;; esac"
    check "$f.pdf: A4 pages" sh -c "pdfinfo '$pdf' | grep -q '^Page size: *595.28 x 841.89 pts'"
    check "$f.pdf: every font embedded (pdffonts)" fonts_embedded "$pdf"
    joined "$pdf" "$tmp/$f.txt"
    n=$(info "$pdf" Pages)
    pages "$pdf" "$tmp/$f" "${n:-0}"
    i=1
    bad=
    while [ "$i" -le "${n:-0}" ]; do
        grep -q -x "Page $i of $n" "$tmp/$f-$i.txt" || bad="$bad $i"
        i=$((i + 1))
    done
    check "$f.pdf: \"Page i of $n\" at the foot of every page${bad:+ (missing on$bad)}" test -z "$bad"
    check "$f.pdf: the source line \"$SOURCE\"" has "$tmp/$f.txt" "$SOURCE"
done

# --------------------------------------------- headings, contents, outline
# The spec's headings (outside fenced blocks), in order.
awk '/^(```|~~~)/ { fence = !fence; next }
     !fence && /^#+ / { sub(/^#+ +/, ""); sub(/ +#* *$/, ""); print }' "$SPEC" >"$tmp/headings"
nheadings=$(wc -l <"$tmp/headings" | tr -d ' ')
check "the spec has headings ($nheadings)" test "$nheadings" -ge 5
# Outline: titles and pages, in order, from qpdf's JSON (keys sorted:
# destpageposfrom1 comes before title in each entry).
qpdf --json --json-key=outlines "$out/a.pdf" 2>/dev/null >"$tmp/outlines.json"
awk '/"destpageposfrom1":/ { p = $0; sub(/^[^:]*: */, "", p); gsub(/[^0-9]/, "", p) }
     /"title":/ { t = $0; sub(/^[^:]*: *"/, "", t); sub(/",? *$/, "", t); print p "\t" t }' \
    "$tmp/outlines.json" >"$tmp/outline"
check "a.pdf: the PDF outline has /Outlines with $nheadings entries" \
    test "$(wc -l <"$tmp/outline" | tr -d ' ')" -eq "$nheadings"
k=0
while IFS= read -r h; do
    k=$((k + 1))
    # the page the heading is on: a line that is the heading and nothing else
    page=
    i=1
    while [ "$i" -le "$npages_a" ]; do
        if grep -q -x -F -e "$h" "$tmp/a-$i.txt"; then page=$i; break; fi
        i=$((i + 1))
    done
    check "a.pdf: heading \"$h\" is on a line of its own (page ${page:-none})" test -n "$page"
    toc=$(grep -x -e "$(printf '%s' "$h" | sed 's/[][\.*^$]/\\&/g') [0-9][0-9]*" "$tmp/a-1.txt" | sed 's/.* //')
    same "a.pdf: contents line for \"$h\" gives its page" "$toc" "$page"
    same "a.pdf: outline entry $k" "$(sed -n "${k}p" "$tmp/outline")" "$(printf '%s\t%s' "$page" "$h")"
done <"$tmp/headings"
check "a.pdf: \"Contents\" on page 1" grep -q -x Contents "$tmp/a-1.txt"
# Links: page 1's /Annots are link annotations, one per contents line, each
# with a named destination that the document's /Dests name tree defines.
qpdf --qdf --object-streams=disable "$out/a.pdf" "$tmp/a-qdf.pdf" >/dev/null 2>&1
page1=$(qpdf --json --json-key=pages "$out/a.pdf" 2>/dev/null | sed -n 's/.*"object": "\([0-9]*\) 0 R".*/\1/p' | head -n 1)
qpdf --show-object="${page1:-0}" "$out/a.pdf" 2>/dev/null >"$tmp/page1"
nannots=$(sed -n 's/.*\/Annots \[\([^]]*\)\].*/\1/p' "$tmp/page1" | grep -o 'R' | wc -l | tr -d ' ')
same "a.pdf: page 1 has one annotation per contents line" "$nannots" "$nheadings"
# (qdf writes one key per line, sorted, and each name on a line of its own)
awk '/ obj$/ { d = ""; link = 0 }
     /\/Dest \(/ { d = $0; sub(/.*\/Dest \(/, "", d); sub(/\).*/, "", d) }
     /\/Subtype \/Link/ { link = 1 }
     /^endobj/ && link && d != "" { print d }' "$tmp/a-qdf.pdf" | sort -u >"$tmp/link-dests"
awk '/\/Names \[/ { on = 1; next } on && /^  \]/ { on = 0 }
     on && /^ *\([^)]*\)$/ { d = $0; sub(/^ *\(/, "", d); sub(/\)$/, "", d); print d }' "$tmp/a-qdf.pdf" | sort -u >"$tmp/named-dests"
check "a.pdf: the link annotations name $nheadings destinations" \
    test "$(wc -l <"$tmp/link-dests" | tr -d ' ')" -eq "$nheadings"
check "a.pdf: every link's destination is defined in /Dests" \
    test -z "$(comm -23 "$tmp/link-dests" "$tmp/named-dests")"

# -------------------------------------------------- figures and tables
# Captions of the chart and table blocks, in order.
awk '/^```chart/ { k = "Figure"; next } /^```table/ { k = "Table"; next } /^```/ { k = ""; next }
     k && /^caption:/ { c = $0; sub(/^caption: */, "", c); n[k]++; print k " " n[k] ": " c }' "$SPEC" >"$tmp/captions"
nfig=$(grep -c '^Figure' "$tmp/captions")
ntab=$(grep -c '^Table' "$tmp/captions")
check "the spec has charts ($nfig) and tables ($ntab)" test "$nfig" -ge 5 -a "$ntab" -ge 3
while IFS= read -r c; do
    check "a.pdf: caption \"$c\"" has "$tmp/a.txt" "$c"
done <"$tmp/captions"
check "a.pdf: no \"Figure $((nfig + 1))\"" sh -c "! grep -q 'Figure $((nfig + 1)):' '$tmp/a.txt'"
check "a.pdf: no \"Table $((ntab + 1))\"" sh -c "! grep -q 'Table $((ntab + 1)):' '$tmp/a.txt'"
# A chart is drawn whole on the page of its caption: the chart's own footer
# (its source line) follows the caption on that page.
i=1
while [ "$i" -le "$nfig" ]; do
    p=$(grep -l "^Figure $i: " "$tmp"/a-[0-9]*.txt | head -n 1)
    check "a.pdf: Figure $i and its chart's source footer on one page" \
        sh -c "[ -n '$p' ] && sed -n '/^Figure $i: /,\$p' '$p' | grep -q '^Source: Kiel Institute'"
    i=$((i + 1))
done

# ------------------------------------------------- independent figures
# q.awk evaluates the spec's inline figures from data_explorer.csv (€ bn,
# monthly flows) and regions.csv (groups by ISO3 code), formatted as
# aidstat formats them: eur_bn "€64.6 bn" (no decimals from 100), pct
# "59 %" (one decimal under 10), money (bn, m or €), U+2212 for minus,
# thousands with ",".
cat >"$tmp/q.awk" <<'EOF'
function csvsplit(line, f,    n, i, c, q, field, len) {
    sub(/\r$/, "", line)
    n = 0; field = ""; q = 0; len = length(line)
    for (i = 1; i <= len; i++) {
        c = substr(line, i, 1)
        if (q) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { field = field c; i++ }
                else q = 0
            } else field = field c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = field; field = "" }
        else field = field c
    }
    f[++n] = field
    return n
}
function need(name) {
    if (!(name in col)) { printf "ERROR: no column \"%s\" in %s\n", name, FILENAME > "/dev/stderr"; exit 99 }
    return col[name]
}
FNR == 1 { file++ }
file == 3 { nq++; qid[nq] = $1; qexpr[nq] = substr($0, length($1) + 2); next }
FNR == 1 { nf = csvsplit($0, h); delete col; for (i = 1; i <= nf; i++) col[h[i]] = i; next }
file == 1 { csvsplit($0, f); member[f[need("region")], f[need("iso3")]] = 1; next }
file == 2 {
    csvsplit($0, f); n++
    name[n] = f[need("country")]; iso[n] = f[need("iso")]
    ym[n] = f[need("year")] * 100 + f[need("month")]
    v["military", n] = f[need("military")] + 0; v["financial", n] = f[need("financial")] + 0
    v["humanitarian", n] = f[need("humanitarian")] + 0
    v["commitment", n] = f[need("commitments")] + 0; v["to_be_allocated", n] = f[need("to_be_allocated")] + 0
    if (ym[n] > last) last = ym[n]
    if (!first || ym[n] < first) first = ym[n]
    next
}
function period(s, isend,    a) {
    if (s ~ /^[0-9][0-9][0-9][0-9]$/) return s * 100 + (isend ? 12 : 1)
    split(s, a, "-"); return a[1] * 100 + a[2]
}
function setq(expr,    w, nw, i, kv, p) {
    delete O
    FMT = ""
    p = index(expr, "|")
    if (p) { FMT = substr(expr, p + 1); gsub(/ /, "", FMT); expr = substr(expr, 1, p - 1) }
    nw = split(expr, w, " ")
    FN = w[1]
    for (i = 2; i <= nw; i++) { split(w[i], kv, "="); O[kv[1]] = kv[2] }
}
function inlist(list, x,    a, m, i) {
    m = split(list, a, ",")
    for (i = 1; i <= m; i++) if (a[i] == x) return 1
    return 0
}
# The row's value under the options; HAS: it holds a record (a value that
# is not zero). skipwhere drops donor and region, skiptype the aid types.
function rowval(i, skipwhere, skiptype,    m, ts, a, nt, k, val, ok, rl, j) {
    HAS = 0
    if (("from" in O) && ym[i] < period(O["from"], 0)) return 0
    if (("to" in O) && ym[i] > period(O["to"], 1)) return 0
    if (!skipwhere && ("donor" in O) && !inlist(O["donor"], iso[i]) && !inlist(O["donor"], name[i])) return 0
    if (!skipwhere && ("region" in O)) {
        ok = 0; nt = split(O["region"], rl, ",")
        for (j = 1; j <= nt; j++) if ((rl[j], iso[i]) in member) ok = 1
        if (!ok) return 0
    }
    m = ("measure" in O) ? O["measure"] : "allocation"
    if (m != "allocation") { HAS = v[m, i] != 0; return v[m, i] }
    ts = (!skiptype && ("type" in O)) ? O["type"] : "military,financial,humanitarian"
    nt = split(ts, a, ",")
    val = 0
    for (k = 1; k <= nt; k++) { val += v[a[k], i]; if (v[a[k], i] != 0) HAS = 1 }
    return val
}
function total(skipwhere, skiptype,    i, s) { s = 0; for (i = 1; i <= n; i++) s += rowval(i, skipwhere, skiptype); return s }
function bydonor(skipwhere,    i, x) {
    delete D
    for (i = 1; i <= n; i++) { x = rowval(i, skipwhere, 0); if (HAS) { D[name[i]] += x; C[name[i]] = iso[i] } }
}
function sorted(    k, m, i, j, t) {   # D's donors, largest first, into S[1..m]
    m = 0; delete S
    for (k in D) S[++m] = k
    for (i = 2; i <= m; i++) { t = S[i]; for (j = i - 1; j >= 1 && D[S[j]] < D[t]; j--) S[j + 1] = S[j]; S[j + 1] = t }
    return m
}
function yearsum(y,    i, s) { s = 0; for (i = 1; i <= n; i++) if (int(ym[i] / 100) == y) s += rowval(i, 0, 0); return s }
function grpdigits(s,    ip, frac, p, o) {
    p = index(s, "."); ip = p ? substr(s, 1, p - 1) : s; frac = p ? substr(s, p) : ""
    o = ""
    while (length(ip) > 3) { o = "," substr(ip, length(ip) - 2) o; ip = substr(ip, 1, length(ip) - 3) }
    return ip o frac
}
function num(x, d,    s) {
    s = sprintf("%." d "f", x < 0 ? -x : x)
    return (x < 0 && s + 0 != 0 ? "\342\210\222" : "") grpdigits(s)
}
function eur(x, scale, unit, d,    s) {   # x in euros
    s = sprintf("%." d "f", (x < 0 ? -x : x) / scale)
    return (x < 0 && s + 0 != 0 ? "\342\210\222" : "") "\342\202\254" grpdigits(s) unit
}
function fmt(x, f,    a, sc) {            # money formats: x in € bn
    if (f == "pct") return num(x, (x < 0 ? -x : x) < 10 ? 1 : 0) " %"
    if (f == "int") return num(x, 0)
    if (f == "eur_bn") return eur(x * 1e9, 1e9, " bn", (x < 0 ? -x : x) >= 100 ? 0 : 1)
    if (f == "eur_m") return eur(x * 1e9, 1e6, " m", (x < 0 ? -x : x) * 1e3 >= 100 ? 0 : 1)
    if (f == "money") {
        a = (x < 0 ? -x : x) * 1e9
        sc = a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1
        return eur(x * 1e9, sc, sc == 1e9 ? " bn" : sc == 1e6 ? " m" : "", a / sc >= 100 ? 0 : 1)
    }
    return num(x, (x < 0 ? -x : x) >= 100 ? 0 : 1)
}
function monthname(k,    mn) { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mn, " "); return mn[k % 100] " " int(k / 100) }
function ev(expr,    i, m, k, cur, bl, s, y, nn, sx, sy, sxx, sxy, t, lo, hi) {
    setq(expr)
    if (FN == "sum") return fmt(total(0, 0), FMT ? FMT : "money")
    if (FN == "count") { bydonor(0); m = 0; for (k in D) m++; return fmt(m, FMT ? FMT : "int") }
    if (FN == "share")
        return fmt(total(0, 0) / (("donor" in O) || ("region" in O) ? total(1, 0) : total(0, 1)) * 100, FMT ? FMT : "pct")
    if (FN == "top") { bydonor(0); sorted(); return S[("n" in O) ? O["n"] : 1] }
    if (FN == "rank") {
        bydonor(1); m = sorted()
        for (i = 1; i <= m; i++) if (S[i] == O["donor"] || C[S[i]] == O["donor"]) return i
        return "?"
    }
    if (FN == "first" || FN == "latest") {
        lo = 999999; hi = 0
        for (i = 1; i <= n; i++) { rowval(i, 0, 0); if (HAS) { if (ym[i] < lo) lo = ym[i]; if (ym[i] > hi) hi = ym[i] } }
        return monthname(FN == "first" ? lo : hi)
    }
    if (FN == "growth") {     # the period against the yearly average of the baseline years
        cur = yearsum(O["period"]); split(O["baseline"], bl, "-"); s = 0
        for (y = bl[1]; y <= bl[2]; y++) s += yearsum(y)
        return fmt((cur / (s / (bl[2] - bl[1] + 1)) - 1) * 100, FMT ? FMT : "pct")
    }
    if (FN == "cagr")
        return fmt(((yearsum(O["to"]) / yearsum(O["from"])) ^ (1 / (O["to"] - O["from"])) - 1) * 100, FMT ? FMT : "pct")
    if (FN == "slope") {      # OLS on the monthly flows (none: 0) from the selection's first month to the data's last, per year
        delete M; sfirst = 0
        for (i = 1; i <= n; i++) { sval = rowval(i, 0, 0); if (HAS) { M[ym[i]] += sval; if (!sfirst || ym[i] < sfirst) sfirst = ym[i] } }
        nn = 0; sx = sy = sxx = sxy = 0
        for (k = sfirst; k <= last; k = (k % 100 == 12) ? k + 89 : k + 1) {
            t = nn++; sx += t; sy += M[k]; sxx += t * t; sxy += t * M[k]
        }
        return fmt((nn * sxy - sx * sy) / (nn * sxx - sx * sx) * 12, FMT ? FMT : "money")
    }
    return "?"
}
END { for (i = 1; i <= nq; i++) printf "%s\t%s\n", qid[i], ev(qexpr[i]) }
EOF
cat >"$tmp/queries" <<'EOF'
tot	sum | eur_bn
mil	sum type=military | eur_bn
fin	sum type=financial | eur_bn
hum	sum type=humanitarian | eur_bn
com	sum measure=commitment | eur_bn
tba	sum measure=to_be_allocated | eur_bn
cnt	count
cntmil	count type=military
cntmil25	count type=military from=2025
first	first
latest	latest
eumil	sum region=europe type=military | eur_bn
usmil	sum region=usa type=military | eur_bn
eushare	share region=europe type=military | pct
usshare	share region=usa type=military | pct
eushare25	share region=europe type=military from=2025 | pct
eumil25	sum region=europe type=military from=2025 | eur_bn
eumil2025	sum region=europe type=military from=2025 to=2025 | eur_bn
y22	sum from=2022 to=2022 | eur_bn
y23	sum from=2023 to=2023 | eur_bn
y24	sum from=2024 to=2024 | eur_bn
y25	sum from=2025 to=2025 | eur_bn
growth	growth period=2025 baseline=2022-2024 | pct
growtheu	growth region=europe type=military period=2025 baseline=2022-2024 | pct
growthus	growth region=usa type=military period=2025 baseline=2022-2024 | pct
us24	sum region=usa type=military to=2024 | eur_bn
eu24	sum region=europe type=military to=2024 | eur_bn
us2502	sum region=usa type=military to=2025-02 | eur_bn
eu2502	sum region=europe type=military to=2025-02 | eur_bn
us2503	sum region=usa type=military to=2025-03 | eur_bn
eu2503	sum region=europe type=military to=2025-03 | eur_bn
top1	top
top2	top n=2
top3	top n=3
topeu1	top region=europe type=military
topeu2	top region=europe type=military n=2
topeu3	top region=europe type=military n=3
rdeu	rank donor=DEU
rdeumil	rank donor=DEU type=military
rgbr	rank donor=GBR
rgbrmil	rank donor=GBR type=military
eu27mil	sum region=eu27 type=military | eur_bn
nbmil	sum region=nordic-baltic type=military | eur_bn
othmil	sum region=other type=military | eur_bn
othshare	share region=other type=military | pct
cagr	cagr from=2022 to=2025 | pct
cagreumil	cagr region=europe type=military from=2022 to=2025 | pct
slope	slope | money
slopemil	slope type=military | money
slopefin	slope type=financial | money
slopehum	slope type=humanitarian | money
slopeeu	slope region=europe type=military | money
slopeus	slope region=usa type=military | money
euusshare	share region=europe,usa type=military | pct
ushare	share donor=USA | pct
eushare_d	share donor=EU | pct
usedeu	share donor=USA,EU,DEU | pct
g7	share region=g7 | pct
eu27	share region=eu27 | pct
nb	share region=nordic-baltic | pct
gbrmil	sum donor=GBR type=military | eur_bn
normil	sum donor=NOR type=military | eur_bn
EOF
awk -f "$tmp/q.awk" "$REGIONS" "$DE" "$tmp/queries" >"$tmp/figures" || exit 99
[ "$(wc -l <"$tmp/figures" | tr -d ' ')" -eq "$(wc -l <"$tmp/queries" | tr -d ' ')" ] || exit 99
F() { awk -F '\t' -v k="$1" '$1 == k { print $2 }' "$tmp/figures"; }
# The headline figures the brief names, as a sanity check on q.awk itself.
same "awk: total allocations" "$(F tot)" "€358 bn"
same "awk: military allocations" "$(F mil)" "€173 bn"

# phrase WHO TEXT: the report WHO (a, b or c) says TEXT.
phrase() {
    check "$1.pdf says: $2" has "$tmp/$1.txt" "$2"
}
A=a
phrase $A "From $(F first) to $(F latest), $(F cnt) donors allocated $(F tot): $(F mil) in military aid, $(F fin) in financial aid and $(F hum) in humanitarian aid."
phrase $A "they committed $(F com), which leaves $(F tba) committed but not yet allocated."
phrase $A "the three largest donors are, in order: $(F top1), $(F top2) and $(F top3)."
phrase $A "European donors have allocated $(F eumil), or $(F eushare) of all military aid allocated, and the United States $(F usmil), or $(F usshare)."
phrase $A "of the military aid allocated since January 2025, $(F eushare25) came from European donors."
phrase $A "Yearly allocations of all types amounted to $(F y22) in 2022, $(F y23) in 2023, $(F y24) in 2024 and $(F y25) in 2025."
phrase $A "against the yearly average of 2022–2024 is $(F growth)."
phrase $A "At the end of 2024 the United States had allocated $(F us24) and Europe $(F eu24)."
phrase $A "the two totals stood at $(F us2502) and $(F eu2502); at the end of March 2025 they stood at $(F us2503) and $(F eu2503)."
phrase $A "In 2025, European donors allocated $(F eumil2025) in military aid, a change of $(F growtheu) against their yearly average of 2022–2024; the corresponding change for the United States is $(F growthus)."
phrase $A "the three largest military donors are, in order: $(F topeu1), $(F topeu2) and $(F topeu3)."
phrase $A "allocated $(F eu27mil) in military aid and the Nordic-Baltic Eight $(F nbmil)."
phrase $A "allocated $(F othmil), or $(F othshare) of all military aid."
phrase $A "Germany holds rank $(F rdeu) of $(F cnt) donors in total aid and rank $(F rdeumil) in military aid; the United Kingdom holds rank $(F rgbr) and $(F rgbrmil) respectively."
phrase $A "has a slope of $(F slope) per year"
phrase $A "For military aid the slope is $(F slopemil) per year, for financial aid $(F slopefin) and for humanitarian aid $(F slopehum)."
phrase $A "The compound annual growth rate of all allocations from 2022 to 2025 is $(F cagr); for European military aid it is $(F cagreumil)."
phrase $A "has a slope of $(F slopeeu) per year for Europe and $(F slopeus) per year for the United States."
phrase $A "The United States accounts for $(F ushare) of all allocations and the EU institutions for $(F eushare_d); together with Germany, the three account for $(F usedeu)."
phrase $A "The G7 countries account for $(F g7) of all allocations, the EU member states for $(F eu27) and the Nordic-Baltic Eight for $(F nb)."
phrase $A "In military aid, $(F cntmil) donors have allocated funds."
phrase $A "In that period $(F cntmil25) donors allocated military aid."
phrase $A "The data cover $(F cnt) donors."
# the brief
B=b
phrase $B "From $(F first) to $(F latest), European donors (as defined below) allocated $(F eumil) in military aid to Ukraine and the United States $(F usmil), according to $SOURCE."
phrase $B "Together they account for $(F euusshare) of the $(F mil) in military aid allocated by all $(F cntmil) donors that gave military aid."
phrase $B "the United Kingdom $(F gbrmil) and Norway $(F normil)."
phrase $B "European donors allocated $(F eumil2025) in 2025, a change of $(F growtheu) against their own 2022–2024 average, and they account for $(F eushare25) of all military aid allocated since January 2025."
phrase $B "has a slope of $(F slopeeu) per year, that of the United States $(F slopeus) per year."

# Table 2 (the ten largest donors by type, the rest, the total) and Table 3
# (years by type), two decimals in € bn, shares with one.
awk -v want=table2 "$(sed -n '/^function csvsplit/,/^}/p' "$tmp/q.awk")"'
function row(to, label, m, f, h, t, sh) { printf "%s %.2f %.2f %.2f %.2f %.1f %%\n", label, m, f, h, t, sh > to }
NR == 1 { nf = csvsplit($0, hd); for (i = 1; i <= nf; i++) c[hd[i]] = i; next }
{ csvsplit($0, f); d = f[c["country"]]; y = f[c["year"]]
  mil[d] += f[c["military"]]; fin[d] += f[c["financial"]]; hum[d] += f[c["humanitarian"]]
  ymil[y] += f[c["military"]]; yfin[y] += f[c["financial"]]; yhum[y] += f[c["humanitarian"]]
  M += f[c["military"]]; Fi += f[c["financial"]]; H += f[c["humanitarian"]] }
END {
    T = M + Fi + H
    for (d in mil) { n++; name[n] = d; tot[d] = mil[d] + fin[d] + hum[d] }
    for (i = 2; i <= n; i++) { t = name[i]; for (j = i - 1; j >= 1 && tot[name[j]] < tot[t]; j--) name[j + 1] = name[j]; name[j + 1] = t }
    for (i = 1; i <= 10; i++) row("/dev/stdout", name[i], mil[name[i]], fin[name[i]], hum[name[i]], tot[name[i]], tot[name[i]] / T * 100)
    for (i = 11; i <= n; i++) { om += mil[name[i]]; of += fin[name[i]]; oh += hum[name[i]] }
    row("/dev/stdout", "Others (" n - 10 ")", om, of, oh, om + of + oh, (om + of + oh) / T * 100)
    row("/dev/stdout", "Total", M, Fi, H, T, 100)
    for (y = 2022; y <= 2026; y++) row("/dev/stderr", y, ymil[y], yfin[y], yhum[y], ymil[y] + yfin[y] + yhum[y], (ymil[y] + yfin[y] + yhum[y]) / T * 100)
    row("/dev/stderr", "Total", M, Fi, H, T, 100)
}' "$DE" >"$tmp/table2" 2>"$tmp/table3" || exit 99
cat "$tmp"/a-[0-9]*.txt >"$tmp/a-all.txt"
while IFS= read -r r; do
    check "a.pdf: Table 2 row \"$r\"" grep -q -x -F -e "$r" "$tmp/a-all.txt"
done <"$tmp/table2"
while IFS= read -r r; do
    check "a.pdf: Table 3 row \"$r\"" grep -q -x -F -e "$r" "$tmp/a-all.txt"
done <"$tmp/table3"
# Every page that holds a row of Table 2 has the header above it.
T2HEAD="Donor Military Financial Humanitarian Total Share"
grep -v '^Total ' "$tmp/table2" >"$tmp/table2-rows"  # Table 3 ends with the same total
i=1
bad=
while [ "$i" -le "$npages_a" ]; do
    awk -v head="$T2HEAD" 'NR == FNR { rows[$0] = 1; next }
        $0 == head { seen = 1 } ($0 in rows) && !seen { bad = 1 }
        END { exit bad }' "$tmp/table2-rows" "$tmp/a-$i.txt" || bad="$bad $i"
    i=$((i + 1))
done
check "a.pdf: Table 2's header heads each of its pages${bad:+ (not on$bad)}" test -z "$bad"

# --------------------------------------------------- --data = embedded data
# Every amount and percentage in the same order, and the same text up to
# the last section (whose source line names the file).
amounts() {
    grep -o -e '−\?€[0-9.,]*\( bn\| m\)\?' -e '−\?[0-9][0-9.,]* %' "$1"
}
amounts "$tmp/a.txt" >"$tmp/a.amounts"
amounts "$tmp/c.txt" >"$tmp/c.amounts"
check "c.pdf (--data $DE): the amounts and percentages of a.pdf ($(wc -l <"$tmp/a.amounts" | tr -d ' ') of them)" \
    sh -c "[ -s '$tmp/a.amounts' ] && cmp -s '$tmp/a.amounts' '$tmp/c.amounts'"
last=$(tail -n 1 "$tmp/headings")
# the EU attribution key is named as the data files are (embedded, or the
# file beside the data), so that name is left out, with the lines joined
before_last() {
    pdftotext "$1" - 2>/dev/null | awk -v h="$last" '{ line[NR] = $0 } $0 == h { at = NR } END { for (i = 1; i < at; i++) print line[i] }' |
        tr '\n' ' ' | sed "s/by the key's shares ([^;]*);/by the key's shares (KEY);/"
}
before_last "$out/a.pdf" >"$tmp/a.before"
before_last "$out/c.pdf" >"$tmp/c.before"
check "c.pdf: the same text as a.pdf before \"$last\"" sh -c "[ -s '$tmp/a.before' ] && cmp -s '$tmp/a.before' '$tmp/c.before'"
check "c.pdf: the sources name data_explorer.csv" has "$tmp/c.txt" "data_explorer.csv"

# ----------------------------------------------------- errors: no output
err=$tmp/err
mkdir "$err" || exit 99
for spec in "$TESTDATA"/report-*.md; do
    name=$(basename "$spec")
    [ "$name" = report-small.md ] && continue
    "$AIDSTAT" report "$spec" -o "$err/out.pdf" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    check "$name: fails (exit $rc)" test "$rc" -ne 0
    check "$name: \"aidstat: $name:LINE:COL: \" ($(head -c 160 "$tmp/stderr"))" \
        grep -q "^aidstat: .*$name:[0-9][0-9]*:[0-9][0-9]*: " "$tmp/stderr"
    check "$name: no PDF and no temporary file written" test -z "$(ls -A "$err")"
done
printf 'precious\n' >"$err/keep.pdf"
"$AIDSTAT" report "$TESTDATA/report-unknown-function.md" -o "$err/keep.pdf" >/dev/null 2>&1
check "a failing report leaves an existing file as it was" sh -c "[ \"\$(cat '$err/keep.pdf')\" = precious ]"
check "... and no temporary file" no_temp "$err"

# ------------------------------------------------------- a small report
# tests/data/report-small.md over clean.csv: allocations 21.0 m (military
# 2+3+0.8+1.2+5+4 = 16.0, financial 1.5+2.5 = 4.0, humanitarian 0.5+0.2+0.3
# = 1.0), from Mar 2022 to Oct 2023, 4 donors; United States 5+2.5+4 = 11.5
# (54.76 %), Germany 2+1.5+3+0.5 = 7.0 (33.3 %, rank 2), Korea 1.2+0.3 =
# 1.5 (7.1 %), Türkiye 0.8+0.2 = 1.0 (4.8 %); military 16/21 = 76 %.
"$AIDSTAT" report "$TESTDATA/report-small.md" -o "$out/s.pdf" >/dev/null 2>"$tmp/stderr"
rc=$?
check "report-small.md: exit 0 ($(head -c 200 "$tmp/stderr"))" test "$rc" -eq 0
if [ -s "$out/s.pdf" ]; then
    same "s.pdf: pages" "$(info "$out/s.pdf" Pages)" 1
    same "s.pdf: Title" "$(info "$out/s.pdf" Title)" "A small report"
    same "s.pdf: Author" "$(info "$out/s.pdf" Author)" "aidstat tests"
    qpdf --check "$out/s.pdf" >"$tmp/qpdf" 2>&1
    rc=$?
    check "s.pdf (a spec with a link): qpdf --check passes (exit $rc: $(grep -m 1 -i 'warning\|error' "$tmp/qpdf"))" test "$rc" -eq 0
    check "s.pdf: every font embedded" fonts_embedded "$out/s.pdf"
    joined "$out/s.pdf" "$tmp/s.txt"
    pages "$out/s.pdf" "$tmp/s" 1
    for t in "A small report" "Four donors, two years" "aidstat tests · 1 March 2026" \
        "€21.0 m" "Allocated" "4 donors, Mar 2022 – Oct 2023" "€16.0 m" "76 % of all aid" \
        "From Mar 2022 to Oct 2023, 4 donors allocated €21.0 m, of which €16.0 m was military aid." \
        "The largest donor is United States with €11.5 m (55 %); Germany ranks 2 with €7.0 m." \
        "Table 1: Allocations by donor and type, € million" "Figure 1: Allocations by donor" \
        "Page 1 of 1"; do
        check "s.pdf says: $t" has "$tmp/s.txt" "$t"
    done
    for r in "Donor Military Financial Humanitarian Total Share" \
        "United States 9.00 2.50 0.00 11.50 54.8 %" "Germany 5.00 1.50 0.50 7.00 33.3 %" \
        "South Korea 1.20 0.00 0.30 1.50 7.1 %" "Turkiye 0.80 0.00 0.20 1.00 4.8 %" \
        "Total 16.00 4.00 1.00 21.00 100.0 %" "Year Note" "2022 first year" "2023 second year"; do
        check "s.pdf: table row \"$r\"" grep -q -x -F -e "$r" "$tmp/s-1.txt"
    done
    for h in Donors "By year"; do
        check "s.pdf: heading \"$h\"" grep -q -x -F -e "$h" "$tmp/s-1.txt"
    done
    check "s.pdf: the link is a /URI annotation" \
        sh -c "qpdf --qdf --object-streams=disable '$out/s.pdf' - 2>/dev/null | grep -a -q '/URI (https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/)'"
else
    fail "report-small.md: no PDF written"
fi

# ------------------------------------------------------- heavy weapons
# a.pdf (embedded weapons data) and c.pdf (weapons.csv beside
# data_explorer.csv) have the section; its figures equal awk over
# weapons.csv (value in euros per donor and kind) with regions.csv's
# Europe group matched by country name, and the military share of
# Europe over data_explorer.csv. d.pdf: the same data copied where no
# weapons.csv is: no section, and the method says how to add one.
WEAP=$SHARED/kiel-ust-web-r29/weapons.csv
if [ -r "$WEAP" ]; then
    # only weapons.csv is missing: the sourcing split stays beside the data
    mkdir "$tmp/nowp" && cp "$DE" "$tmp/nowp/data_explorer.csv" || exit 99
    cp "$(dirname "$DE")/procurement_trends.csv" "$tmp/nowp/" 2>/dev/null
    render d.pdf --data "$tmp/nowp/data_explorer.csv"
    joined "$out/a.pdf" "$tmp/wa.txt"
    joined "$out/c.pdf" "$tmp/wc.txt"
    joined "$out/d.pdf" "$tmp/wd.txt"
    # the figures as aidstat's formats write them: €X.X bn, N %
    want=$(awk -F, -v regions="$REGIONS" -v de="$DE" '
        function unq(s) { gsub(/^"|"$/, "", s); return s }
        function pct(x) { return (x < 10) ? sprintf("%.1f %%", x) : sprintf("%.0f %%", x) }
        BEGIN {
            while ((getline l < regions) > 0) {
                split(l, r, ",")
                if (r[1] == "europe") { eu[r[4]] = 1; eu3[r[3]] = 1 }
            }
            while ((getline l < de) > 0) {
                n = split(l, c, ",")
                if (c[1] ~ /country/) { for (i = 1; i <= n; i++) col[unq(c[i])] = i; continue }
                m = c[col["military"]] + 0; all += m
                if (unq(c[col["iso"]]) in eu3) eum += m
            }
        }
        NR > 1 {
            d = unq($1); v = $4 + 0; tot += v; by[d] += v
            if (d in eu) e += v
        }
        END {
            nd = 0; for (d in by) nd++
            printf "%d donors have given heavy weapons valued at €%.1f bn in all.\n", nd, tot / 1e9
            printf "The largest are Germany with €%.1f bn (%s) and United States with €%.1f bn (%s).\n", \
                by["Germany"] / 1e9, pct(100 * by["Germany"] / tot), by["United States"] / 1e9, \
                pct(100 * by["United States"] / tot)
            printf "European donors account for %s of the value, a larger share than their %s of all military aid allocated\n", \
                pct(100 * e / tot), pct(100 * eum / all)
        }' "$WEAP")
    echo "$want" | while IFS= read -r t; do
        [ -n "$t" ] || continue
        for f in wa wc; do
            if has "$tmp/$f.txt" "$t"; then echo "ok"; else echo "not ok: $f: $t"; fi
        done
    done >"$tmp/wcheck"
    check "heavy weapons: figures of a.pdf and c.pdf equal awk over weapons.csv ($(grep -m 1 '^not ok' "$tmp/wcheck"))" \
        sh -c "[ \$(grep -c '^ok' '$tmp/wcheck') -eq 6 ] && ! grep -q '^not ok' '$tmp/wcheck'"
    check "heavy weapons: a.pdf has the figure caption" has "$tmp/wa.txt" "Heavy weapons by donor, the twelve largest, by value"
    pages "$out/a.pdf" "$tmp/wpa" "$npages_a"
    check "heavy weapons: a.pdf has the heading on its own line" sh -c "cat '$tmp'/wpa-*.txt | grep -q -x 'Heavy weapons'"
    check "heavy weapons: d.pdf (no weapons.csv beside the data) has no such section" \
        sh -c "! grep -q -F 'Heavy weapons' '$tmp/wd.txt'"
    check "heavy weapons: d.pdf says how to add it" has "$tmp/wd.txt" "put the release's weapons.csv beside the data file to add a section on them"
    # where the pages break depends on every section, so only: not longer
    check "heavy weapons: d.pdf has no more pages than a.pdf" test "$(info "$out/d.pdf" Pages)" -le "$npages_a"
else
    echo "# $WEAP is not there: heavy-weapons checks left out"
fi

# ------------------------------------------------- hostile specs (issue 9)
# Over clean.csv, with awk's figures: HTML blocks are shown as text with
# their figures (they were dropped), a figure in a code span prints plainly
# (it printed "€21\.0 m"), a comment block is left out; regions: is read
# from the spec's folder wherever aidstat runs (the same spec printed
# €1.0 m or €18.5 m); date: today is worded in the report's language, not
# LC_TIME's; --confine refuses a symbolic link leading out of the folder;
# a chart at the smallest height the spec check allows is drawn.
h=$tmp/hostile
mkdir -p "$h/spec" "$h/elsewhere" "$h/outside" || exit 99
cp "$TESTDATA/clean.csv" "$TESTDATA/regions.csv" "$h/spec/" || exit 99
# a regions.csv in the working directory that must not be read: west = Türkiye only
printf 'region,name,iso3,country\nwest,Western donors,TUR,Türkiye\n' >"$h/elsewhere/regions.csv"
# (python3's csv module: "Korea, Republic of" is quoted)
eval "$(python3 - "$TESTDATA/clean.csv" <<'PY'
import csv, sys
a = m = w = 0.0
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["measure"] == "allocation":
        v = float(r["value"])
        a += v
        m += v if r["type"] == "military" else 0
        w += v if r["iso3"] in ("DEU", "USA") else 0
print('all="€%.1f m" mil="€%.1f m" west="€%.1f m"' % (a / 1e6, m / 1e6, w / 1e6))
PY
)"
# the month names an English and a German reader expect, by number
eval "$(date '+day=%-d month=%m year=%Y')"
en_month=$(echo "$month" | awk '{ split("January February March April May June July August September October November December", m, " "); print m[$1 + 0] }')
de_month=$(echo "$month" | awk '{ split("Januar Februar März April Mai Juni Juli August September Oktober November Dezember", m, " "); print m[$1 + 0] }')
cat >"$h/spec/hostile.md" <<'SPEC'
---
title: Hostile
author: tests
date: today
data: clean.csv
regions: regions.csv
---

# Hostile

<div>Total {{ sum | eur_m }} in a div</div>

<p>A p block</p>

<script>alert("{{ count }} donors")</script>

<!-- a comment block that stays out -->

Code span: `{{ sum type=military | eur_m }}` plainly.

West: {{ sum region=west | eur_m }}.

```chart
kind: bar
height: 32
caption: The smallest chart
```
SPEC
(cd "$h/elsewhere" && "$AIDSTAT" report ../spec/hostile.md -o "$h/h.pdf" >/dev/null 2>"$tmp/stderr")
rc=$?
check "hostile.md: exit 0 ($(head -c 200 "$tmp/stderr"))" test "$rc" -eq 0
joined "$h/h.pdf" "$tmp/h.txt"
for t in "<div>Total $all in a div</div>" "<p>A p block</p>" '<script>alert("4 donors")</script>' \
    "Code span: $mil plainly." "West: $west." "tests · $day $en_month $year" "Figure 1: The smallest chart"; do
    check "hostile.md says: $t" has "$tmp/h.txt" "$t"
done
check "hostile.md: no backslash escape shown" sh -c "! grep -q -F '\\' '$tmp/h.txt'"
check "hostile.md: the comment block is left out" sh -c "! grep -q -F 'comment block' '$tmp/h.txt'"
(cd "$h/spec" && "$AIDSTAT" report hostile.md -o "$h/h2.pdf" >/dev/null 2>&1)
joined "$h/h2.pdf" "$tmp/h2.txt"
check "hostile.md run from its own folder: the same West figure" has "$tmp/h2.txt" "West: $west."
# German: the report's locale, whatever LC_TIME says
sed 's/^author: tests$/author: tests\nlocale: de/' "$h/spec/hostile.md" >"$h/spec/de.md"
LC_TIME=C "$AIDSTAT" report "$h/spec/de.md" -o "$h/de.pdf" >/dev/null 2>&1
joined "$h/de.pdf" "$tmp/de.txt"
check "locale: de: date: today is \"$day. $de_month $year\"" has "$tmp/de.txt" "tests · $day. $de_month $year"
# --confine: a link to a file outside is refused; the same spec runs without it
cp "$TESTDATA/clean.csv" "$h/outside/secret.csv" && ln -s ../outside/secret.csv "$h/spec/link.csv" || exit 99
printf -- '---\ntitle: Link\ndata: link.csv\n---\n\n{{ sum | eur_m }}\n' >"$h/spec/link.md"
"$AIDSTAT" report --confine "$h/spec/link.md" -o "$h/l.pdf" >/dev/null 2>"$tmp/stderr"
rc=$?
same "--confine: a symbolic link out of the folder is refused" "$rc $(cat "$tmp/stderr")" \
    "1 aidstat: $h/spec/link.md:3:7: data: \"link.csv\" is outside the spec's folder (the report is confined to it)"
check "--confine: nothing written" test ! -e "$h/l.pdf"
"$AIDSTAT" report "$h/spec/link.md" -o "$h/l.pdf" >/dev/null 2>&1
check "without --confine the link is read (a spec reads what its user can)" test -s "$h/l.pdf"
"$AIDSTAT" report --confine "$h/spec/hostile.md" -o "$h/c.pdf" >/dev/null 2>"$tmp/stderr"
check "--confine: a spec whose files are all in its folder runs ($(head -c 200 "$tmp/stderr"))" test -s "$h/c.pdf"

# an error found while drawing (here: more bars than 32 mm hold) points at
# the chart's block in the spec; it named the output PDF with the spec's line
# (not a golden test: the layout runs, and fontconfig's caches trip valgrind)
(cd "$TESTDATA" && "$AIDSTAT" report report-chart-bars.md -o "$h/bars.pdf" >/dev/null 2>"$tmp/stderr")
rc=$?
same "report-chart-bars.md: the drawing error at the chart block" "$rc $(cat "$tmp/stderr")" \
    "1 aidstat: report-chart-bars.md:7:1: 42 bars do not fit in a plot 41 pt high: show fewer rows or make the chart taller"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
