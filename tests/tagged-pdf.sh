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

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
