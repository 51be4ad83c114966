#!/bin/sh
# Limits: hostile sizes and shapes, generated here (nothing big is stored
# in the tree). Each input either works or stops with a clear message, in
# bounded time; the exact outcome is asserted.
#   a row with a million fields, a 10 MB donor name, a 10 MB quoted field
#   in an ignored column, a 70 MB row through standard input, a donor name
#   that is not UTF-8; a report spec with 100000 nested block quotes, 50000
#   nested list items, 50000 nested emphasis spans, a 10 MB {{ }} figure
#   and an unclosed one;
#   limits held while a field grows (/dev/zero, a quote never closed and
#   an endless line through a pipe, peak memory checked); a workbook of
#   2000 sheet entries on one part; clean.csv in UTF-32, UTF-16 without
#   a mark and with a doubled UTF-8 mark, from a file and a pipe; a
#   workbook on standard input; report images refused before decoding
#   (a 20000 x 20000 PNG, SVGs with entities, an internal subset, UTF-7,
#   UTF-16).
# Environment (set by `make check`): AIDSTAT, TESTDATA.
set -u
: "${AIDSTAT:?}" "${TESTDATA:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }
# expect NAME CODE WANT_FILE: compare $tmp/out (stdout+stderr) and $tmp/code
expect() {
    if [ "$(cat "$tmp/code")" = "$2" ] && printf '%s\n' "$3" | diff -u - "$tmp/out"; then
        ok "$1"
    else
        no "$1 (exit $(cat "$tmp/code"), expected $2)"
    fi
}
run() { # runs aidstat, at most 60 s, output to $tmp/out
    timeout 60 "$AIDSTAT" "$@" >"$tmp/out" 2>&1
    echo $? >"$tmp/code"
}
rep() { # rep STRING COUNT: STRING repeated COUNT times
    awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# ---- CSV
cd "$tmp" || exit 99
{ echo 'donor,year,type,value'; printf 'Germany,2022,military,1'; rep ',x' 1000000; echo
  echo 'France,2022,military,2'; } >fields.csv
run check fields.csv
tail -n 2 out >out2 && mv out2 out
expect "a row with a million fields is rejected" 0 \
'  rejected rows by reason:
    wrong number of fields (the header has 4): 1 row, line 2'

{ echo 'donor,year,type,value'; rep A 10000000; echo ',2022,military,1'
  echo 'France,2022,military,2'; } >name.csv
run check name.csv
tail -n 2 out >out2 && mv out2 out
expect "a 10 MB donor name is rejected, quoted by 80 bytes" 0 \
"  rejected rows by reason:
    donor name longer than 200 bytes (column \"donor\"): 1 row, line 2; first: \"$(rep A 80)…\""

{ echo 'donor,year,type,value,note'; printf 'France,2022,military,2,"'; rep 'a,b' 3500000; echo '"'; } >field.csv
run compare field.csv --format csv
expect "a 10 MB quoted field in an ignored column loads" 0 \
'rank,donor,code,value,share,cumulative_share,measure,type,unit,price_basis,period_from,period_to,source
1,France,FRA,2,1,1,allocation,military,EUR,nominal,2022,2022,'

{ echo 'donor,year,type,value,note'; printf 'France,2022,military,2,"'; head -c 70000000 /dev/zero | tr '\0' a
  echo '"'; } | timeout 60 "$AIDSTAT" check - >"$tmp/out" 2>&1
echo $? >"$tmp/code"
expect "a 70 MB row stops the load" 2 \
'aidstat: -:2:5: row is larger than 64 MiB (its quoted field in this column is still open at line 2: a quote that is never closed?)'

# limits hold while a field grows, not only when it ends: peak memory
# stays near the 64 MiB row, whatever follows
rss() { # rss CMD...: runs CMD, its peak RSS in KiB into $tmp/rss ("" without GNU time)
    if /usr/bin/time -f %M true >/dev/null 2>&1; then
        /usr/bin/time -o "$tmp/rss" -f %M "$@"
    else
        : >"$tmp/rss"; "$@"
    fi
}
# under AddressSanitizer (shadow memory, quarantine) the bound is looser
maxrss=409600
if grep -qs __asan_init "$(dirname "$AIDSTAT")"/.libs/* "$AIDSTAT"; then maxrss=1048576; fi
flat() { # flat NAME: the last run's peak RSS is under 400 MiB (or unknown)
    r=$(tail -n 1 "$tmp/rss")
    if [ -z "$r" ] || [ "$r" -lt $maxrss ]; then ok "$1: flat memory (${r:-?} KiB)"
    else no "$1: peak RSS $r KiB (limit $maxrss)"; fi
}
if [ -r /dev/zero ]; then
    rss timeout 60 "$AIDSTAT" check /dev/zero >"$tmp/out" 2>&1
    echo $? >"$tmp/code"
    expect "check /dev/zero stops at the row limit" 2 'aidstat: /dev/zero:1:1: row is larger than 64 MiB'
    flat "check /dev/zero"
fi

# a quote that never closes, in an endless pipe: 4 bytes a line ("abc" and
# its newline) after 21 bytes of earlier fields (with their NULs) reach
# 64 MiB on the row's line 2 + (64 MiB - 21) / 4 rounded up, less one
line=$(awk 'BEGIN { printf "%d", 2 + int((67108864 - 21 + 3) / 4) - 1 }')
{ echo 'donor,year,type,value'; printf 'France,2022,military,"'; yes abc; } 2>/dev/null |
    rss timeout 60 "$AIDSTAT" check - >"$tmp/out" 2>&1
echo $? >"$tmp/code"
expect "a quoted field that never closes, in an endless pipe" 2 \
"aidstat: -:2:4: row is larger than 64 MiB (its quoted field in this column is still open at line $line: a quote that is never closed?)"
flat "an endless quoted field"

# an endless line of delimiters: the field count stops it, first
{ echo 'donor,year,type,value'; printf 'France'; yes , | tr -d '\n'; } 2>/dev/null |
    rss timeout 60 "$AIDSTAT" check - >"$tmp/out" 2>&1
echo $? >"$tmp/code"
expect "an endless line of commas stops at the field limit" 2 \
'aidstat: -:2:1048577: row has more than 1048576 fields'
flat "an endless line of commas"

# the same through the direct split of quote-free lines (a whole line in
# one block)
{ echo 'donor,year,type,value'; printf 'France'; rep , 1100000; echo; } >commas.csv
run check commas.csv
expect "a line of 1.1 million commas stops at the field limit" 2 \
'aidstat: commas.csv:2:1048577: row has more than 1048576 fields'

# an endless pipe of good rows is no error: memory stays flat while it runs
{ echo 'donor,year,type,value'; yes 'France,2022,military,1'; } 2>/dev/null | head -n 1000000 |
    rss timeout 60 "$AIDSTAT" check - >"$tmp/out" 2>&1
echo $? >"$tmp/code"
grep '^  records:' "$tmp/out" >"$tmp/out2"; mv "$tmp/out2" "$tmp/out"
expect "1 million rows through a pipe load" 0 '  records:  999999 (allocation 999999)'
flat "1 million rows through a pipe"

printf 'donor,year,type,value\nGer\223many,2022,military,1\nFrance,2022,military,2\n' >latin1.csv
# a byte that is not UTF-8 after ASCII text: the file is read as
# Windows-1252 (0x93 is a quotation mark there), or, declared UTF-8, stops
run check latin1.csv
grep '^  donors:' out >out2 && mv out2 out
expect "a donor name that is not UTF-8 is read as Windows-1252" 0 '  donors:   2: Ger“many, France'
run check --encoding UTF-8 latin1.csv
expect "declared UTF-8, the same name stops the load at its byte" 2 \
'aidstat: latin1.csv:2:4: invalid UTF-8: byte 0x93 (the encoding was given as UTF-8; column counts characters)'

# ---- workbooks: 2000 sheet entries naming one part of 20000 rows with
# no <dimension> (each entry's extent used to be counted by reading the
# part again: minutes); the part is read once now
python3 - <<'PY' || exit 99
import zipfile
ns = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
pkg = 'http://schemas.openxmlformats.org/package/2006/relationships'
n = 2000
wb = '<workbook %s><sheets>%s</sheets></workbook>' % (
    ns, ''.join('<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i + 1) for i in range(n)))
rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>donor</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row>']
rows += ['<row r="%d"><c r="A%d" t="inlineStr"><is><t>Germany</t></is></c><c r="B%d"><v>2022</v></c>'
         '<c r="C%d"><v>1</v></c></row>' % (r, r, r, r) for r in range(2, 20002)]
with zipfile.ZipFile('shared.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('_rels/.rels', '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
               'Target="xl/workbook.xml"/></Relationships>' % (pkg, rel))
    z.writestr('xl/workbook.xml', wb)
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="%s"><Relationship Id="rId1" '
               'Type="%s/worksheet" Target="worksheets/s.xml"/></Relationships>' % (pkg, rel))
    z.writestr('xl/worksheets/s.xml', '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, ''.join(rows)))
PY
start=$(date +%s)
run check shared.xlsx
secs=$(( $(date +%s) - start ))
want=$(awk 'BEGIN { printf "  note:     workbook with 2000 sheets: "
                    for (i = 0; i < 50; i++) printf "%sS%d (20001 rows)", i ? "; " : "", i
                    printf "; and 1950 more" }')
grep '^  note:     workbook with' out >out2 && mv out2 out
if [ "$(cat code)" = 0 ] && [ "$secs" -lt 30 ] && [ "$(cat out)" = "$want" ]; then
    ok "2000 sheet entries naming one part: read once ($secs s)"
else no "2000 sheet entries naming one part: exit $(cat code), $secs s"; fi

# ---- encodings and pipes: each file is clean.csv written another way,
# so its summary is clean.csv's but for the encoding line and a note
python3 - "$TESTDATA/clean.csv" <<'PY' || exit 99
import sys
t = open(sys.argv[1], encoding='utf-8').read()
for name, b in [('u32le.csv', b'\xff\xfe\0\0' + t.encode('utf-32-le')),
                ('u32be.csv', b'\0\0\xfe\xff' + t.encode('utf-32-be')),
                ('u16le.csv', t.encode('utf-16-le')),
                ('u16be.csv', t.encode('utf-16-be')),
                ('bom2.csv', b'\xef\xbb\xbf' * 2 + t.encode())]:
    open(name, 'wb').write(b)
PY
"$AIDSTAT" check "$TESTDATA/clean.csv" 2>&1 | sed 1d >clean.out
# the first 256 bytes of UTF-16 are 128 pairs: those of a character in
# 1-255 have a zero high byte
pairs=$(python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read()[:128]; print(sum(1 for c in t if 0 < ord(c) < 256))" "$TESTDATA/clean.csv")
for f in u32le:'UTF-32LE (byte-order mark)' u32be:'UTF-32BE (byte-order mark)' \
         u16le:'UTF-16LE (detected)' u16be:'UTF-16BE (detected)' bom2:'UTF-8 (byte-order mark)'; do
    name=${f%%:*} enc=${f#*:}
    case $name in
    u16le) note="  note:     no byte-order mark: read as UTF-16LE, since $pairs of the first 128 byte pairs have a zero second byte" ;;
    u16be) note="  note:     no byte-order mark: read as UTF-16BE, since $pairs of the first 128 byte pairs have a zero first byte" ;;
    bom2) note='  note:     two UTF-8 byte-order marks at the start of the file: both skipped' ;;
    *) note= ;;
    esac
    sed "s/^  encoding: UTF-8\$/  encoding: $enc/" clean.out >want
    if [ -n "$note" ]; then
        # notes come after the source line
        awk -v n="$note" '{ print } /^  source:/ { print n }' want >want2 && mv want2 want
    fi
    # standard input too: the first bytes read to tell the format are not lost
    timeout 60 "$AIDSTAT" check - <"$name.csv" 2>&1 | sed 1d >got
    if "$AIDSTAT" check "$name.csv" 2>&1 | sed 1d | diff -u want - && diff -u want got; then
        ok "$name.csv reads as clean.csv does, as $enc"
    else no "$name.csv"; fi
done

# a workbook on standard input: copied to a temporary file and read
book=$TESTDATA/xlsx/kiel-mini.xlsx
"$AIDSTAT" check "$book" 2>&1 | sed 1d >want
timeout 60 "$AIDSTAT" check - <"$book" 2>&1 | sed 1d >got
if diff -u want got; then ok "a workbook on standard input reads as the file does"
else no "a workbook on standard input"; fi
# a named pipe (or <(...)): read like standard input, nothing lost
if mkfifo fifo.csv fifo.xlsx 2>/dev/null; then
    for f in "$TESTDATA/clean.csv":fifo.csv "$book":fifo.xlsx; do
        src=${f%:*} pipe=${f##*:}
        "$AIDSTAT" check "$src" 2>&1 | sed 1d >want
        cat "$src" >"$pipe" &
        timeout 60 "$AIDSTAT" check "$pipe" 2>&1 | sed 1d >got
        wait
        if diff -u want got; then ok "$(basename "$src") through a named pipe reads as the file does"
        else no "$(basename "$src") through a named pipe"; fi
    done
fi
head -c 100 "$book" | timeout 60 "$AIDSTAT" check - >out 2>&1
echo $? >code
expect "a truncated workbook on standard input" 2 \
'aidstat: -: damaged zip archive (truncated?): it starts like one but has no central directory at its end'
printf 'ab' | timeout 60 "$AIDSTAT" check - >out 2>&1
echo $? >code
expect "two bytes on standard input are a CSV file" 2 \
"aidstat: -:1: no donor column in the header (looked for country, donor, supplier, name; use --map donor=COLUMN)"

# ---- report specs
data=$TESTDATA/clean.csv
{ printf '# T\n\n'; rep '>' 100000; echo ' deep'; } >quotes.md
run report quotes.md --data "$data" -o quotes.pdf
expect "100000 nested block quotes stop with a message" 2 \
'aidstat: quotes.md:3:64: blocks nested more than 64 deep (block quotes and lists)'

{ printf '# T\n\n'; rep '- ' 50000; echo x; } >lists.md
run report lists.md --data "$data" -o lists.pdf
expect "50000 nested list items stop with a message" 2 \
'aidstat: lists.md:3:127: blocks nested more than 64 deep (block quotes and lists)'

{ printf '# T\n\n'; rep '*a ' 50000; printf x; rep ' b*' 50000; echo; } >emph.md
start=$(date +%s)
run report emph.md --data "$data" -o emph.pdf
secs=$(( $(date +%s) - start ))
if [ "$(cat code)" = 0 ] && [ "$secs" -lt 30 ]; then ok "50000 nested emphasis spans render ($secs s)"
else no "50000 nested emphasis spans: exit $(cat code), $secs s"; fi

{ printf '# T\n\nTotal {{ '; rep x 10000000; echo ' }}.'; } >expr.md
run report expr.md --data "$data" -o expr.pdf
if [ "$(cat code)" = 1 ] && [ "$(wc -c <out)" -lt 600 ] &&
    grep -q "^aidstat: expr.md:3:7: {{ $(rep x 80)… }}: unknown figure " out; then
    ok "a 10 MB figure stops with a short message"
else no "a 10 MB figure: exit $(cat code), $(wc -c <out) bytes of message"; fi

{ printf '# T\n\nTotal {{ sum '; rep a 1000000; echo; } >open.md
run report open.md --data "$data" -o open.pdf
expect "an unclosed figure stops with a message" 1 'aidstat: open.md:3:7: "{{" without "}}"'

# ---- report images: refused before they are decoded
python3 - <<'PY' || exit 99
import struct, zlib
def png(name, w, h):
    # 8-bit grey, every pixel black: 20000 x 20000 deflates to 390 KB
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    z = zlib.compressobj(9)
    row = bytes(w + 1)
    data = b''.join(z.compress(row) for _ in range(h)) + z.flush()
    open(name, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
                           + chunk(b'IDAT', data) + chunk(b'IEND', b''))
png('big.png', 20000, 20000)
png('small.png', 40, 30)
PY
printf '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY w "55">]>\n<svg xmlns="http://www.w3.org/2000/svg" width="&w;" height="10"/>\n' >entity.svg
printf '<?xml version="1.0"?>\n<!DOCTYPE svg [ ]>\n<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"/>\n' >subset.svg
printf '<?xml version="1.0" encoding="UTF-7"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"/>\n' >utf7.svg
# a DOCTYPE that names the external DTD only, as matplotlib writes: read
printf '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"><rect width="30" height="10"/></svg>\n' >plain.svg
python3 -c "import sys; open('utf16.svg', 'wb').write(open('plain.svg').read().encode('utf-16'))"
image() { # image FILE: a report whose line 6, column 3 shows it
    printf -- '---\ndata: %s\n---\n# T\n\n  ![Figure](%s)\n' "$data" "$1" >img.md
    rss timeout 60 "$AIDSTAT" report img.md -o img.pdf >out 2>&1
    echo $? >code
}
image big.png
expect "a PNG of 20000 x 20000 pixels is refused before decoding" 2 \
'aidstat: img.md:6:3: image "big.png": 20000 x 20000 pixels, more than the limit of 50 megapixels (make it smaller)'
flat "a PNG of 20000 x 20000 pixels"
image entity.svg
expect "an SVG with an entity is refused before librsvg" 2 \
'aidstat: img.md:6:3: image "entity.svg": the SVG declares entities (<!ENTITY ...>), which can expand without bound (save it without them)'
image subset.svg
expect "an SVG whose DOCTYPE has an internal subset is refused" 2 \
'aidstat: img.md:6:3: image "subset.svg": the SVG'"'"'s document type declaration has an internal subset (<!DOCTYPE ... [ ]>), where entities expand (save it without one)'
image utf7.svg
expect "an SVG in UTF-7 is refused" 2 'aidstat: img.md:6:3: image "utf7.svg": the SVG is in encoding "UTF-7" (save it as UTF-8)'
image utf16.svg
expect "an SVG in UTF-16 is refused" 2 'aidstat: img.md:6:3: image "utf16.svg": the SVG is not UTF-8 text (save it as UTF-8)'
for f in plain.svg small.png; do
    image $f
    expect "$f is drawn" 0 'aidstat: wrote img.pdf'
done

echo "1..$n"
[ $bad -eq 0 ]
