#!/bin/sh
# Landscape reports leave no page mostly empty (issue 14, item 4): the
# default report in landscape, every page but the last filled to at least
# 60 % of its text area (the lowest word above the bottom margin, from
# pdftotext -bbox). Charts that do not fit are drawn shorter down to a
# floor that keeps their text size, two charts in a row share a page, and
# paragraphs that fit whole go before a chart that must move on.
#
# Exit: 0 pass, 1 fail, 77 skip (no pdftotext), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
command -v pdftotext >/dev/null 2>&1 || exit 77
command -v python3 >/dev/null 2>&1 || exit 77
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

cp "$SRCDIR/reports/ukraine-support.md" "$SRCDIR/reports/events.csv" "$tmp/" || exit 99
sed 's/^toc: true$/toc: true\norientation: landscape/' "$SRCDIR/reports/ukraine-support.md" > "$tmp/ukraine-support.md"
"$AIDSTAT" report -q --no-attach "$tmp/ukraine-support.md" -o "$tmp/l.pdf" || exit 99
pdftotext -bbox "$tmp/l.pdf" "$tmp/l.html" || exit 99
python3 -c '
import re, sys
mm = 72 / 25.4
pages = []
for line in open(sys.argv[1]):
    m = re.search(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\"", line)
    if m:
        pages.append([float(m.group(1)), float(m.group(2)), 0.0])
        continue
    m = re.search(r"<word xMin=\"[\d.]+\" yMin=\"[\d.]+\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\"", line)
    if m and pages and float(m.group(1)) < pages[-1][1] - 22 * mm + 1:
        pages[-1][2] = max(pages[-1][2], float(m.group(1)))
ok = bool(pages) and pages[0][0] > pages[0][1]
for i, (w, h, y) in enumerate(pages[:-1]):
    fill = (y - 24 * mm) / (h - 22 * mm - 24 * mm)
    if fill < 0.6:
        print("page %d is only %.0f %% full" % (i + 1, fill * 100))
        ok = False
sys.exit(0 if ok else 1)
' "$tmp/l.html" > "$tmp/why" || echo "some page is too empty, or the pages are not landscape" >> "$tmp/why"
check "landscape: every page but the last at least 60 % full" test ! -s "$tmp/why"
cat "$tmp/why"
check "landscape: the report is a valid PDF (qpdf --check)" sh -c "qpdf --check '$tmp/l.pdf' >/dev/null"

echo "$npass passed, $nfail failed"
test "$nfail" -eq 0
