#!/bin/sh
# HTML reports (issue 16): `report -o x.html` writes one self-contained page
# from the same spec and figures as the PDF. Checked with python's HTML
# parser (tests/html-structure.py: structure, safety, and every text and
# figure of the page against the PDF's text), reproducible bytes, escaping
# of spec and data text, and in a real browser (Debian's chromium, headless,
# with no network: SKIPs those checks where it is absent) that the page
# renders, holds its figures, and does not overflow at 360 and 1200 px.
#
# Exit: 0 pass, 1 fail, 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

"$AIDSTAT" report -q -o "$tmp/r.html" || exit 99
"$AIDSTAT" report -q -o "$tmp/r.pdf" || exit 99
pdftotext "$tmp/r.pdf" "$tmp/r.txt" || exit 99
python3 "$SRCDIR/tests/html-structure.py" "$tmp/r.html" "$tmp/r.txt" >"$tmp/structure.out" 2>&1
sed 's/^/# /' "$tmp/structure.out"
check "default report: structure, safety and the PDF's figures (html-structure.py)" \
    grep -q ' passed, 0 failed$' "$tmp/structure.out"

check "the report page has one h1, its title" grep -q '^<h1>Support for Ukraine</h1>$' "$tmp/r.html"
check "the page says what its charts are: 'Figure 1' and its description" \
    sh -c "grep -q '<strong>Figure 1</strong>' '$tmp/r.html' && grep -q '<details><summary>Description</summary><p id=\"figure-1-desc\">line chart: ' '$tmp/r.html'"
check "the headline figure as in the PDF: €358 bn" \
    sh -c "grep -q '<p class=\"kpi-value\">€358.bn</p>' '$tmp/r.html' && grep -q '€358.bn' '$tmp/r.txt'"

# the CSV behind Table 1 is the one the PDF attaches (tests/attachments.sh
# checks those against compare --format csv)
name=$(grep -o 'download="table-1-[^"]*"' "$tmp/r.html" | head -n 1 | cut -d'"' -f2)
grep -o "download=\"$name\" href=\"data:text/csv;charset=utf-8;base64,[^\"]*" "$tmp/r.html" |
    sed 's/.*base64,//' | base64 -d >"$tmp/table1.csv"
qpdf --show-attachment="$name" "$tmp/r.pdf" >"$tmp/table1-pdf.csv" 2>/dev/null
check "Table 1's CSV download ($name) equals the PDF's attachment" \
    sh -c "[ -s '$tmp/table1.csv' ] && cmp -s '$tmp/table1.csv' '$tmp/table1-pdf.csv'"

sleep 1
"$AIDSTAT" report -q -o "$tmp/r2.html" || exit 99
check "same bytes twice" cmp -s "$tmp/r.html" "$tmp/r2.html"

# a spec that tries to write markup and script, and a data file that does
mkdir "$tmp/s" || exit 99
cat >"$tmp/s/data.csv" <<'EOF'
donor,year,month,type,value
<b>Evil</b> & <script>x</script>,2023,1,military,5
Fine,2023,2,military,3
EOF
cat >"$tmp/s/spec.md" <<'EOF'
---
title: A <script>alert(1)</script> title
data: data.csv
---
# Text <img src=x onerror=alert(2)>

Inline <script>alert(3)</script> HTML stays text, and so does
[a link](javascript:alert(4)) while [this one](https://example.org/?a=1&b=2) is kept.

```table
by: donor
caption: Donors <i>named</i> in the data
```
EOF
"$AIDSTAT" report -q "$tmp/s/spec.md" -o "$tmp/s/x.html" || exit 99
python3 "$SRCDIR/tests/html-structure.py" "$tmp/s/x.html" >"$tmp/s/structure.out" 2>&1
sed 's/^/# /' "$tmp/s/structure.out"
check "markup in a spec and in data: still no script, no handler, no foreign src" \
    grep -q ' passed, 0 failed$' "$tmp/s/structure.out"
check "spec text shown literally: &lt;script&gt;alert(3)&lt;/script&gt;" \
    grep -q 'Inline &lt;script&gt;alert(3)&lt;/script&gt; HTML stays text' "$tmp/s/x.html"
check "title escaped" grep -q '<title>A &lt;script&gt;alert(1)&lt;/script&gt; title</title>' "$tmp/s/x.html"
check "a donor name from the data escaped" \
    grep -q '&lt;b&gt;Evil&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;' "$tmp/s/x.html"
check "javascript: link stays text; https link kept with & escaped" \
    sh -c "! grep -q 'href=\"javascript' '$tmp/s/x.html' && grep -q '<a href=\"https://example.org/?a=1&amp;b=2\">this one</a>' '$tmp/s/x.html'"
# charts for the web: a page, and a fragment to paste into a CMS
"$AIDSTAT" chart bar --top 8 -q -o "$tmp/c.html" || exit 99
"$AIDSTAT" chart bar --top 8 -q --fragment -o "$tmp/frag.html" || exit 99
python3 "$SRCDIR/tests/html-structure.py" "$tmp/c.html" >"$tmp/c.out" 2>&1
sed 's/^/# /' "$tmp/c.out"
check "chart page: structure and safety (html-structure.py)" grep -q ' passed, 0 failed$' "$tmp/c.out"
check "chart page: one figure with the chart's --alt text as its description" \
    sh -c "alt=\$('$AIDSTAT' chart bar --top 8 --alt | sed 's/&/\&amp;/g'); grep -qF \"<p id=\\\"aidstat-chart-desc\\\">\$alt</p>\" '$tmp/c.html'"
check "fragment: a <style> and a <figure class=\"aidstat-chart\">, no page around them" \
    sh -c "head -c 7 '$tmp/frag.html' | grep -q '^<style>' && grep -q '<figure class=\"aidstat-chart\">' '$tmp/frag.html' && ! grep -q '<html\|<body\|<head' '$tmp/frag.html'"
check "fragment to standard output equals the file" \
    sh -c "'$AIDSTAT' chart bar --top 8 -q --fragment -o - --output-type html | cmp -s - '$tmp/frag.html'"
check "--fragment without HTML output is refused" \
    sh -c "! '$AIDSTAT' chart bar -q --fragment -o '$tmp/x.svg' 2>'$tmp/err' && grep -q 'fragment is for HTML' '$tmp/err'"
{ printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>A newsroom page</h1>\n'
  cat "$tmp/frag.html"; printf '</body></html>\n'; } >"$tmp/host.html"

check "an output that is neither .pdf nor .html is refused" \
    sh -c "! '$AIDSTAT' report -q -o '$tmp/x.txt' 2>'$tmp/err' && grep -q 'the output is a PDF file or an HTML page' '$tmp/err' && [ ! -e '$tmp/x.txt' ]"

# in a browser
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "# SKIP browser checks: no chromium"
else
    run_browser() {
        timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
            --no-first-run --disable-extensions --disable-background-networking \
            --proxy-server=127.0.0.1:9 --user-data-dir="$tmp/profile" "$@" 2>/dev/null
    }
    run_browser --window-size=1000,2600 --screenshot="$tmp/shot.png" "file://$tmp/r.html" >/dev/null
    size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
    check "the browser draws the page (screenshot of $size bytes, a blank one is under 20 KB)" \
        test "$size" -gt 60000
    # the top of the page at half resolution against tests/ref/html-report.png
    # (to renew it after a deliberate change: the same command with
    # --screenshot=tests/ref/html-report.png, SOURCE_DATE_EPOCH=1700000000)
    if [ -n "${IMGTOOL:-}" ] && [ -x "$IMGTOOL" ]; then
        run_browser --force-device-scale-factor=0.5 --window-size=1000,1600 --screenshot="$tmp/top.png" \
            "file://$tmp/r.html" >/dev/null
        diff=$("$IMGTOOL" diff "$SRCDIR/tests/ref/html-report.png" "$tmp/top.png" 0.2 2>/dev/null || echo "400000 of 400000")
        n=${diff%% of *}
        check "the page looks as its reference (tests/ref/html-report.png): $diff pixels differ, at most 1 %" \
            test "$n" -le 4000
    else
        echo "# SKIP reference screenshot: no IMGTOOL"
    fi
    run_browser --dump-dom "file://$tmp/r.html" >"$tmp/dom.html"
    check "the browser's DOM holds the figures (€358 bn, Table 1, 12 charts)" \
        sh -c "grep -q '€358.bn' '$tmp/dom.html' && grep -q 'Table 1' '$tmp/dom.html' && [ \$(grep -o '<svg' '$tmp/dom.html' | wc -l) -ge 12 ]"
    for page in r host; do
    for w in 360 1200; do
        cat >"$tmp/frame$w.html" <<EOF
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="$page.html" style="width:${w}px;height:900px;border:0"></iframe>
<pre id="out">pending</pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument.documentElement;
  document.getElementById('out').textContent = 'overflow ' + (d.scrollWidth - d.clientWidth);
});
</script></body></html>
EOF
        run_browser --allow-file-access-from-files --dump-dom "file://$tmp/frame$w.html" >"$tmp/frame$w.out"
        check "$page.html: nothing overflows at ${w} px ($(grep -o '"out">overflow -\{0,1\}[0-9]*' "$tmp/frame$w.out" | cut -d'>' -f2))" \
            grep -q '<pre id="out">overflow 0</pre>' "$tmp/frame$w.out"
    done
    done
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
