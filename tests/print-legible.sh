#!/bin/sh
# Print-legible reports (issue 14, item 4):
# 1. no word of the default report is set below 6.5 pt: pdftotext -bbox
#    gives each word's box, whose height for DejaVu Sans is 1.164 em
#    (ascent 0.928 + descent 0.236), so 6.5 pt is 7.57 pt of box;
# 2. a report with theme: print draws its charts in grays (pdftoppm's
#    pixels, read by python3: no pixel with distinct R, G and B beyond
#    anti-aliasing), while the same report with the default theme has
#    colour;
# 3. footnotes are marked as their references are numbered (¹, ²), not "*".
#
# Exit: 0 pass, 1 fail, 77 skip (no poppler or python3), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
for t in python3 pdftotext pdftoppm; do
    command -v $t >/dev/null || { echo "SKIP: no $t"; exit 77; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# 1. text sizes
"$AIDSTAT" report -q -o "$tmp/r.pdf" || exit 99
pdftotext -bbox "$tmp/r.pdf" "$tmp/r.html" || exit 99
small=$(python3 - "$tmp/r.html" <<'PY'
import re, sys
words = re.findall(r'<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>',
                   open(sys.argv[1], encoding="utf-8").read())
small = [w for a, b, w in words if float(b) - float(a) < 6.5 * 1.164 - 0.005]
print(len(words), len(small), " ".join(small[:8]))
PY
)
set -- $small
check "default report: $1 words, none below 6.5 pt ($2: ${3:-})" test "$1" -gt 1000 -a "$2" = 0

# 2. theme: print reaches the charts
for theme in print default; do
    printf -- '---\ntitle: T\ntheme: %s\ntoc: false\n---\n\n```chart\nkind: stacked\ntop: 5\n```\n' "$theme" >"$tmp/$theme.md"
    "$AIDSTAT" report -q -o "$tmp/$theme.pdf" "$tmp/$theme.md" || exit 99
    pdftoppm -r 40 -f 1 -l 1 "$tmp/$theme.pdf" "$tmp/$theme" || exit 99
done
colourful() {
    python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# binary PPM: P6, width, height, maxval, then RGB bytes
parts = data.split(maxsplit=4)
px = parts[4]
n = sum(1 for i in range(0, len(px) - 2, 3) if max(px[i:i + 3]) - min(px[i:i + 3]) > 40)
print(n)
PY
}
np=$(colourful "$tmp"/print-*1.ppm)
nd=$(colourful "$tmp"/default-*1.ppm)
check "theme: print: charts in grays ($np coloured pixels)" test "$np" -eq 0
check "theme: default: charts in colour ($nd coloured pixels)" test "$nd" -gt 100

# 3. footnote marks
printf -- '---\ntitle: F\n---\n\nOne[^a] and two[^b].\n\n[^b]: Second.\n[^a]: First.\n' >"$tmp/f.md"
"$AIDSTAT" report -q -o "$tmp/f.pdf" "$tmp/f.md" || exit 99
pdftotext "$tmp/f.pdf" "$tmp/f.txt" || exit 99
check "footnote 1 marked ¹" grep -qx '¹ First.' "$tmp/f.txt"
check "footnote 2 marked ²" grep -qx '² Second.' "$tmp/f.txt"
check "no footnote marked *" sh -c "! grep -q '^\\* ' '$tmp/f.txt'"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
