#!/bin/sh
# Tagged PDF toward PDF/UA-1 (issue 14, item 2). The structure tree is read
# from qpdf's JSON by tests/pdf-structure.py (python3's json module), not
# by aidstat:
# 1. the default report: qpdf --check passes; /Lang en, /MarkInfo marked,
#    /DisplayDocTitle, XMP metadata with pdfuaid:part 1; one Figure per
#    "Figure N:" caption pdftotext finds, each with a non-empty /Alt; tables
#    with TR/TH/TD; pdfinfo -struct-text reads the tree.
# 2. a small spec: headings H1-H3, paragraphs, a list (L/LI/Lbl/LBody), a
#    table whose header cells are TH (as many as its columns), a Figure
#    with a Caption; locale: de gives /Lang de.
# 3. a standalone chart PDF is one Figure whose /Alt is the text
#    `chart --alt` prints, and has /Lang.
# 4. page furniture (the default report, the same spec in landscape, a
#    table over several pages): on every page the running header (from
#    page 2) and "Page N of M" are
#    the text of an /Artifact <</Type /Pagination>> sequence, and not the
#    text of any tagged (MCID) sequence; no structure element for them;
#    no text outside marked content; every MCID maps, through the parent
#    tree, to an element whose /K holds it; pdftotext still shows
#    "Page N of M" on page N. A table's header repeated on a later page is
#    an artifact too.
#
# Exit: 0 pass, 1 fail, 77 skip (no qpdf, python3 or poppler), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
for t in qpdf python3 pdfinfo pdftotext; do
    command -v $t >/dev/null || { echo "SKIP: no $t"; exit 77; }
done
WALK="python3 $SRCDIR/tests/pdf-structure.py"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
structure() { qpdf --json=2 --json-key=qpdf "$1" | $WALK; }

# 1. the default report
"$AIDSTAT" report -q -o "$tmp/r.pdf" || exit 99
check "report: qpdf --check" sh -c "qpdf --check '$tmp/r.pdf' >/dev/null"
structure "$tmp/r.pdf" >"$tmp/r.s" || exit 99
check "report: /Lang en" grep -qx 'lang en' "$tmp/r.s"
check "report: /MarkInfo marked" grep -qx 'marked true' "$tmp/r.s"
check "report: /DisplayDocTitle" grep -qx 'displaytitle true' "$tmp/r.s"
check "report: XMP metadata" grep -qx 'metadata yes' "$tmp/r.s"
check "report: PDF/UA identification" sh -c "pdfinfo -meta '$tmp/r.pdf' | grep -q '<pdfuaid:part>1</pdfuaid:part>'"
figures=$(grep -c '^elem Figure' "$tmp/r.s")
captions=$(pdftotext "$tmp/r.pdf" - | grep -c '^Figure [0-9]*:')
check "report: one Figure per caption ($figures, $captions)" test "$figures" -gt 0 -a "$figures" = "$captions"
check "report: every Figure has /Alt" test "$(grep -c '^elem Figure alt=..' "$tmp/r.s")" = "$figures"
check "report: tables tagged" sh -c "grep -q '^elem Table' '$tmp/r.s' && grep -q '^elem TH' '$tmp/r.s' && grep -q '^elem TD' '$tmp/r.s'"
check "report: headings tagged" grep -q '^elem H1' "$tmp/r.s"
check "report: table of contents tagged" sh -c "grep -q '^elem TOC$' '$tmp/r.s' && grep -q '^elem TOCI' '$tmp/r.s'"
check "report: pdfinfo -struct-text" sh -c "pdfinfo -struct-text '$tmp/r.pdf' | grep -q 'Figure'"

# 2. a spec with every kind of block
cat >"$tmp/s.md" <<'SPEC'
---
title: Tags
locale: de
toc: false
---

# One

A paragraph.

## Two

- first item
- second item

### Three

| Name | Value | Note |
|------|------:|------|
| a    | 1     | x    |
| b    | 2     | y    |

```chart
kind: bar
top: 3
caption: Three donors
```
SPEC
"$AIDSTAT" report -q -o "$tmp/s.pdf" "$tmp/s.md" || exit 99
check "spec: qpdf --check" sh -c "qpdf --check '$tmp/s.pdf' >/dev/null"
structure "$tmp/s.pdf" | sed 's/ alt=.*/ alt/' >"$tmp/s.s" || exit 99
check "spec: /Lang de" grep -qx 'lang de' "$tmp/s.s"
# the order of elements, depth first, without the document's and table's
# cells (counted below)
grep '^elem' "$tmp/s.s" | grep -v '^elem T[DHR]$' | tr '\n' ' ' >"$tmp/order"
check "spec: element order" test "$(cat "$tmp/order")" = \
    "elem Document elem H1 elem H1 elem P elem H2 elem L elem LI elem Lbl elem LBody elem LI elem Lbl elem LBody elem H3 elem Table elem Caption elem Figure alt "
check "spec: header cells are TH, one per column" test "$(grep -c '^elem TH$' "$tmp/s.s")" = 3
check "spec: body cells are TD" test "$(grep -c '^elem TD$' "$tmp/s.s")" = 6
check "spec: a row per table row" test "$(grep -c '^elem TR$' "$tmp/s.s")" = 3

# 3. a standalone chart: its /Alt is what --alt prints
"$AIDSTAT" chart bar --top 5 -o "$tmp/c.pdf" >/dev/null || exit 99
"$AIDSTAT" chart bar --top 5 --alt >"$tmp/alt.txt" || exit 99
check "chart: qpdf --check" sh -c "qpdf --check '$tmp/c.pdf' >/dev/null"
structure "$tmp/c.pdf" >"$tmp/c.s" || exit 99
check "chart: /Lang en" grep -qx 'lang en' "$tmp/c.s"
check "chart: one Figure" test "$(grep -c '^elem Figure' "$tmp/c.s")" = 1
check "chart: its /Alt is the --alt text" test "$(sed -n 's/^elem Figure alt=//p' "$tmp/c.s")" = "$(tr '\n' ' ' <"$tmp/alt.txt" | sed 's/ $//')"

# 4. page furniture as artifacts
furniture() { # LABEL PDF TITLE
    check "$1: qpdf --check" sh -c "qpdf --check '$2' >/dev/null"
    qpdf --json=2 --json-key=qpdf --json-stream-data=inline "$2" | $WALK --content >"$tmp/f.s" || exit 99
    pages=$(pdfinfo "$2" | sed -n 's/^Pages: *//p')
    check "$1: no structure element for the furniture" sh -c "! grep -q '^elem Private' '$tmp/f.s'"
    check "$1: one page-number artifact per page ($pages pages)" \
        test "$(grep -c '^artifact [0-9]* .*Page [0-9]* of ' "$tmp/f.s")" = "$pages" -a "$pages" -gt 1
    bad=$(grep -E '^(untagged|mcid-bad|mcid-in-artifact|artifact-untyped) ' "$tmp/f.s" | head -3)
    check "$1: all text marked, every MCID in the parent tree ($bad)" test -z "$bad"
    pdftotext "$2" "$tmp/f.txt" || exit 99
    n=1 miss=""
    while [ "$n" -le "$pages" ]; do
        want="Page $n of $pages"
        if [ "$n" -gt 1 ]; then want="$3 | $want"; fi
        grep -qxF "artifact $n $want" "$tmp/f.s" || miss="$miss artifact$n"
        grep "^tagged-text $n " "$tmp/f.s" | grep -qF "Page $n of" && miss="$miss tagged$n"
        # pdftotext: page N (form feed separated) shows its number
        awk -v RS='\f' -v n="$n" -v w="Page $n of $pages" 'NR == n && index($0, w) { f = 1 } END { exit !f }' \
            "$tmp/f.txt" || miss="$miss text$n"
        n=$((n + 1))
    done
    check "$1: header and page number in each page's artifact, pdftotext shows them ($miss)" test -z "$miss"
}
furniture "report furniture" "$tmp/r.pdf" "Support for Ukraine"
cp "$SRCDIR/reports/events.csv" "$tmp/" || exit 99
sed 's/^toc: true$/toc: true\norientation: landscape/' "$SRCDIR/reports/ukraine-support.md" >"$tmp/land.md"
"$AIDSTAT" report -q -o "$tmp/land.pdf" "$tmp/land.md" || exit 99
check "landscape: pages are landscape" sh -c "pdfinfo '$tmp/land.pdf' | grep -q 'Page size: *841.89 x 595.28 '"
furniture "landscape furniture" "$tmp/land.pdf" "Support for Ukraine"

# a table over several pages: its header repeated on a later page is an
# artifact too, tagged TH only once
{
    printf -- '---\ntitle: Long table\ntoc: false\n---\n\n# Rows\n\n| Name | Value |\n|------|------:|\n'
    awk 'BEGIN { for (i = 1; i <= 120; i++) printf "| row %d | %d |\n", i, i }'
} >"$tmp/t.md"
"$AIDSTAT" report -q -o "$tmp/t.pdf" "$tmp/t.md" || exit 99
furniture "long table furniture" "$tmp/t.pdf" "Long table"
structure "$tmp/t.pdf" >"$tmp/t.s" || exit 99
check "long table: header cells tagged once" test "$(grep -c '^elem TH$' "$tmp/t.s")" = 2
check "long table: the repeated header is an artifact on every later page" \
    test "$(grep -c '^artifact [0-9]* NameValue$' "$tmp/f.s")" = "$((pages - 1))"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
