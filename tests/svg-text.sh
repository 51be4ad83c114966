#!/bin/sh
# SVG with real text (issue 14, item 5): `chart -o x.svg` writes each text
# of the chart as a <text> element, not as glyph outlines. For every chart
# kind: xmllint parses the SVG; it holds no glyph outlines (<symbol>, "glyph");
# the words of its <text> elements are exactly the words pdftotext reads
# from the same chart as PDF (titles, labels, ticks, legend, source, in any
# order); librsvg draws it within a tolerance of the chart's own PNG; names
# flush right and centred ticks keep their anchor for a substitute font. The
# top-16 bar chart is well below the 114 KB it took as outlines. Names from
# the data that look like markup come out as text.
# Environment (set by `make check`): AIDSTAT, IMGTOOL, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (no pdftotext or xmllint), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}" "${IMGTOOL:?IMGTOOL is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
for t in pdftotext xmllint python3; do
    command -v $t >/dev/null || { echo "SKIP: $t not installed"; exit 77; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# words FILE.svg: the words of its <text> elements, one a line, sorted
svg_words() {
    python3 -c '
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
words = []
for t in ET.parse(sys.argv[1]).iter(ns + "text"):
    words += "".join(t.itertext()).split()
print("\n".join(sorted(words)))' "$1"
}
pdf_words() {
    pdftotext -raw "$1" - | tr -s ' \f' '\n\n' | grep -v '^$' | LC_ALL=C sort
}

for kind in bar stacked grouped column line area dumbbell scatter; do
    "$AIDSTAT" chart $kind -o "$tmp/$kind.svg" 2>/dev/null || { fail "$kind.svg written"; continue; }
    "$AIDSTAT" chart $kind -o "$tmp/$kind.pdf" 2>/dev/null || exit 99
    "$AIDSTAT" chart $kind --dpi 60 -o "$tmp/$kind.png" 2>/dev/null || exit 99
    check "$kind.svg: xmllint parses it" xmllint --noout "$tmp/$kind.svg"
    check "$kind.svg: no glyph outlines" sh -c "! grep -q -e '<symbol' -e 'glyph' '$tmp/$kind.svg'"
    svg_words "$tmp/$kind.svg" | LC_ALL=C sort >"$tmp/$kind.sw"
    pdf_words "$tmp/$kind.pdf" >"$tmp/$kind.pw"
    if cmp -s "$tmp/$kind.sw" "$tmp/$kind.pw" && [ -s "$tmp/$kind.sw" ]; then
        pass "$kind.svg: its <text> words are the PDF's words ($(wc -l <"$tmp/$kind.sw"))"
    else
        fail "$kind.svg: its <text> words are the PDF's words"
        diff "$tmp/$kind.pw" "$tmp/$kind.sw" | sed 's/^/    /' | head -20
    fi
    # the same picture: librsvg's drawing of the SVG against the PNG (text
    # in the same places, in the same colours)
    "$IMGTOOL" svg "$tmp/$kind.svg" "$tmp/$kind-svg.png" 60 || exit 99
    set -- $("$IMGTOOL" diff "$tmp/$kind.png" "$tmp/$kind-svg.png" 0.1)
    check "$kind.svg drawn by librsvg is the PNG within 2 % of pixels ($1 of $3 differ)" test $(($1 * 50)) -le "$3"
done

size=$(wc -c <"$tmp/bar.svg")
check "bar.svg: $size bytes, below 30 KB (114 KB as outlines)" test "$size" -lt 30000
check "bar.svg: the title is a <text>" grep -q '>Aid allocations by donor</text>' "$tmp/bar.svg"
check "bar.svg: the source is a <text>" grep -q '>Source: Kiel Institute, Ukraine Support Tracker' "$tmp/bar.svg"
check "bar.svg: a font family with fallbacks" \
    grep -q "font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\"" "$tmp/bar.svg"
check "bar.svg: names end at the axis (text-anchor end)" grep -q 'text-anchor="end">United States</text>' "$tmp/bar.svg"
check "bar.svg: tick labels centred on their ticks (text-anchor middle)" grep -q 'text-anchor="middle">25</text>' "$tmp/bar.svg"
check "bar.svg: the title is bold" grep -q 'font-weight="bold"[^>]*>Aid allocations by donor<' "$tmp/bar.svg"

# a name cut to fit shows the ellipsis and is read out whole
"$AIDSTAT" chart bar --width 80mm -o "$tmp/n.svg" 2>/dev/null || exit 99
check "80 mm: a shortened name keeps its whole text in aria-label" \
    grep -q 'aria-label="EU (Commission and Council)">EU (Commission a…</text>' "$tmp/n.svg"

# names from the data are text, escaped once
cat >"$tmp/text.csv" <<'CSV'
donor,iso3,year,type,value
"<b>Bold</b> & Co",BLD,2022,military,3000000000
France,FRA,2022,military,1000000000
CSV
"$AIDSTAT" chart bar "$tmp/text.csv" --title 'A <i>T</i> & "q"' -o "$tmp/m.svg" 2>/dev/null || exit 99
check "markup in names: xmllint parses it" xmllint --noout "$tmp/m.svg"
check "markup in a name is a <text>'s content" grep -q '>&lt;b&gt;Bold&lt;/b&gt; &amp; Co</text>' "$tmp/m.svg"
check "markup in the title is a <text>'s content" grep -q '>A &lt;i&gt;T&lt;/i&gt; &amp; &quot;q&quot;</text>' "$tmp/m.svg"
check "no element from the data" sh -c "! grep -q -e '<b>' -e '<i>' '$tmp/m.svg'"

# a locale with a decimal comma does not change the numbers in the SVG
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    LC_ALL=de_DE.UTF-8 "$AIDSTAT" chart bar -o "$tmp/de.svg" 2>/dev/null || exit 99
    check "same SVG under a decimal-comma locale" cmp -s "$tmp/bar.svg" "$tmp/de.svg"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
