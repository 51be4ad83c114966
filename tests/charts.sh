#!/bin/sh
# Chart tests: every chart kind drawn from the embedded data (the Kiel
# Ukraine Support Tracker, Release 29) as PDF, SVG and PNG, each file then
# read back with real readers, never with aidstat itself:
#   PDF: `qpdf --check` passes; `pdffonts` lists fonts, all embedded;
#     `pdfinfo` shows 1 page of 160 x 100 mm (453.543 x 283.465 pt), Title
#     = the chart's title and Subject = its text description (--alt);
#     `pdftotext` holds the title, the source line "Kiel Institute, Ukraine
#     Support Tracker, Release 29 (04/2026)" and the labels each kind must
#     show (bar: the 15 largest donors and their value labels, computed
#     here with awk from data_explorer.csv, and "Others (27)" with its sum);
#   SVG: `xmllint --noout` passes; <title> = the title, <desc> = --alt;
#   PNG: the signature, and the IHDR size for --width 160mm --height 100mm
#     --dpi 150 (945 x 591: 160 / 25.4 * 150 = 944.9, 100 / 25.4 * 150 =
#     590.6) and other lengths, read with od;
#   no temporary file is left next to any output.
# Then: --alt prints a description naming the largest donor and its label
# and writes nothing; the descriptions of line and area charts give the
# right first, last and highest values (awk); text through Pango keeps
# "Türkiye", "Česko" and "€"; -o - --output-type svg writes SVG to stdout.
# Errors, each with its exit code, a message starting "aidstat: ", and no
# file (and no temporary file) left behind: an unknown kind (1), an unknown
# extension (1), a stacked chart with a negative part (4: allocations and
# to-be-allocated amounts, negative for Ireland, checked with awk), an empty
# selection (3: the EU has no military allocations in this release, checked
# with awk; and a period after the data), a chart too small to read
# (--width 20mm: 1), -o - without --output-type (1), a folder that does not
# exist (5). A failing chart leaves an existing file byte for byte as it was.
#
# Environment (set by `make check`): AIDSTAT, SHARED, TESTDATA, SRCDIR.
# Needs qpdf, pdffonts, pdfinfo, pdftotext (poppler-utils), xmllint
# (libxml2-utils), od, cmp and awk.
# Exit: 0 pass, 1 fail, 77 skip (a reader tool or ../shared/datasets
# missing), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"

for tool in qpdf pdffonts pdfinfo pdftotext xmllint od cmp awk; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (qpdf, poppler-utils, libxml2-utils)"
        exit 77
    fi
done
DE=$SHARED/kiel-ust-web-r29/data_explorer.csv
if [ ! -r "$DE" ]; then
    echo "SKIP: $DE is not there"
    exit 77
fi
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"

SOURCE='Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)'

# ------------------------------------------------------ independent figures
# An RFC 4180 field splitter; columns are found by header name.
CSVLIB='
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
function header(f, n, col,    i) { for (i = 1; i <= n; i++) col[f[i]] = i }
function need(col, name) {
    if (!(name in col)) { printf "ERROR: no column \"%s\"\n", name > "/dev/stderr"; exit 99 }
    return col[name]
}
# A value label as aidstat draws it in billions of euros: 100 and more
# with no decimals, 1 and more with one, less with two; U+2212 for minus.
function label(v,    a, d) {
    a = v < 0 ? -v : v
    d = a >= 100 ? 0 : (a >= 1 ? 1 : 2)
    return (v < 0 && sprintf("%." d "f", a) + 0 != 0 ? "\342\210\222" : "") "\342\202\254" sprintf("%." d "f", a) " bn"
}
'

# Per-donor allocations of all types (financial + humanitarian +
# military, € bn), largest first: "value<TAB>donor".
awk "$CSVLIB"'
NR == 1 { n = csvsplit($0, f); header(f, n, c)
          cc = need(c, "country"); cf = need(c, "financial"); ch = need(c, "humanitarian"); cm = need(c, "military"); next }
{ csvsplit($0, f); s[f[cc]] += f[cf] + f[ch] + f[cm] }
END { for (d in s) if (s[d] != 0) printf "%.9f\t%s\n", s[d], d }' "$DE" | sort -t "$(printf '\t')" -k1,1nr >"$tmp/donors.tsv" ||
    exit 99
ndonors=$(wc -l <"$tmp/donors.tsv" | tr -d ' ')
[ "$ndonors" -gt 15 ] || { echo "ERROR: only $ndonors donors in $DE"; exit 99; }
top_donor=$(head -n 1 "$tmp/donors.tsv" | cut -f 2)
# The bar chart's rows: the 15 largest with their labels, then "Others (N)".
awk -F '\t' "$CSVLIB"'
NR <= 15 { printf "%s\t%s\n", $2, label($1); next }
{ rest += $1; n++ }
END { printf "Others (%d)\t%s\n", n, label(rest) }' "$tmp/donors.tsv" >"$tmp/bar-rows.tsv" || exit 99
top_label=$(head -n 1 "$tmp/bar-rows.tsv" | cut -f 2)

# The period with allocations: first and last month, for people.
period=$(awk "$CSVLIB"'
NR == 1 { n = csvsplit($0, f); header(f, n, c)
          cy = need(c, "year"); cm = need(c, "month"); cf = need(c, "financial"); ch = need(c, "humanitarian"); cx = need(c, "military"); next }
{ csvsplit($0, f); if (f[cf] + f[ch] + f[cx] == 0) next
  k = f[cy] * 100 + f[cm]; if (!lo || k < lo) lo = k; if (k > hi) hi = k }
END { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mn, " ")
      printf "%s %d \342\200\223 %s %d", mn[lo % 100], int(lo / 100), mn[hi % 100], int(hi / 100) }' "$DE")

# cumulative ISO COLUMN FROM TO LABELFMT: a running total of one donor's
# (or, for ISO "*", everybody's) column over the months FROM..TO (YYYYMM),
# in steps of 1 or 3 months (LABELFMT "month" or "quarter"): prints
# "first<TAB>last<TAB>highest<TAB>period of the highest" as labels, the
# period of the first maximum as aidstat names periods (2024-03, 2024 Q1).
cumulative() {
    awk -v iso="$1" -v col="$2" -v from="$3" -v to="$4" -v fmt="$5" "$CSVLIB"'
    NR == 1 { n = csvsplit($0, f); header(f, n, c)
              ci = need(c, "iso"); cy = need(c, "year"); cm = need(c, "month"); cv = need(c, col); next }
    { csvsplit($0, f); if (iso != "*" && f[ci] != iso) next
      m = fmt == "quarter" ? int((f[cm] - 1) / 3) * 3 + 1 : f[cm]
      v[f[cy] * 100 + m] += f[cv] }
    END {
        step = fmt == "quarter" ? 3 : 1
        run = 0; first = 1
        for (k = from; k <= to; ) {
            run += v[k]
            if (first) { a = run; first = 0 }
            if (!seen || run > hi) { hi = run; at = k; seen = 1 }
            k += step; if (k % 100 > 12) k += 100 - 12
        }
        y = int(at / 100); mo = at % 100
        p = fmt == "quarter" ? sprintf("%d Q%d", y, int((mo - 1) / 3) + 1) : sprintf("%d-%02d", y, mo)
        printf "%s\t%s\t%s\t%s\n", label(a), label(run), label(hi), p
    }' "$DE"
}

# ------------------------------------------------------------ helpers
# no_temp DIR: no "NAME.XXXXXX" temporary file (mkstemp's) left in DIR;
# no file here has a six-character extension otherwise.
no_temp() {
    for _t in "$1"/*.??????; do
        [ -e "$_t" ] && return 1
    done
    return 0
}

# pdf_fonts_embedded FILE: pdffonts lists at least one font and every one
# has "yes" in its emb column (found by the header's position).
pdf_fonts_embedded() {
    pdffonts "$1" >"$tmp/fonts" 2>&1 || return 1
    awk 'NR == 1 { at = index($0, "emb"); next }
         NR == 2 { next }
         { n++; if (substr($0, at, 3) != "yes") { print "  not embedded: " $0; bad = 1 } }
         END { if (!at || n == 0) { print "  no fonts"; exit 1 } exit bad }' "$tmp/fonts"
}

# pdf_text FILE > out: the text on one line, runs of white space as one.
pdf_text() {
    pdftotext -enc UTF-8 "$1" - | tr '\n' ' ' | tr -s ' '
}

# pdf_field FILE FIELD: a pdfinfo field's value ("Title", "Subject").
pdf_field() {
    pdfinfo -enc UTF-8 "$1" | awk -v k="$2:" 'index($0, k) == 1 { sub(/^[^:]*: */, ""); print; exit }'
}

# contains FILE TEXT: FILE holds TEXT (a fixed string).
# quiet COMMAND...: COMMAND with its output thrown away.
quiet() {
    "$@" >/dev/null 2>&1
}
contains() {
    grep -F -q -e "$2" "$1"
}

# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk, after checking the
# PNG signature and that IHDR comes first.
png_size() {
    od -An -tu1 -N24 "$1" | tr -s ' \n' '  ' | awk '{
        if ($1 != 137 || $2 != 80 || $3 != 78 || $4 != 71 || $13 != 73 || $14 != 72 || $15 != 68 || $16 != 82) { print "not-png"; exit }
        printf "%d %d\n", (($17 * 256 + $18) * 256 + $19) * 256 + $20, (($21 * 256 + $22) * 256 + $23) * 256 + $24 }'
}

# expect_fail WHAT CODE OUT ARGS...: aidstat ARGS exits CODE with a
# message starting "aidstat: ", and neither OUT nor a temporary file
# next to it exists afterwards.
expect_fail() {
    _what=$1 _code=$2 _out=$3
    shift 3
    "$AIDSTAT" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    _rc=$?
    if [ "$_rc" -ne "$_code" ]; then
        fail "$_what: exit $_rc, expected $_code ($(head -c 200 "$tmp/stderr"))"
    elif ! head -n 1 "$tmp/stderr" | grep -q '^aidstat: '; then
        fail "$_what: no \"aidstat: \" message ($(head -c 200 "$tmp/stderr"))"
    elif [ -e "$_out" ]; then
        fail "$_what: $_out was written"
    elif ! no_temp "$(dirname "$_out")"; then
        fail "$_what: a temporary file was left"
    else
        pass "$_what: exit $_code, $(head -n 1 "$tmp/stderr" | cut -c 1-90)"
    fi
}

# ---------------------------------------------------------- every kind
out=$tmp/out
mkdir "$out" || exit 99

# kind NAME TITLE ARGS...: draw NAME (a kind) with ARGS as PDF, SVG and
# PNG, and check each file. TITLE is the title it must have ("" = take
# pdfinfo's and only check it is in the text). Leaves the PDF's text in
# $out/NAME.txt for the kind's own checks.
kind() {
    _k=$1 _title=$2
    shift 2
    for ext in pdf svg png; do
        f=$out/$_k.$ext
        if ! "$AIDSTAT" chart "$@" -o "$f" >"$tmp/stdout" 2>"$tmp/stderr"; then
            fail "$_k.$ext: aidstat chart $* exited $? ($(head -c 200 "$tmp/stderr"))"
            continue
        fi
        if [ -s "$f" ] && [ ! -s "$tmp/stdout" ]; then
            pass "$_k.$ext written, nothing on stdout"
        else
            fail "$_k.$ext: empty, or output on stdout"
            continue
        fi
    done
    check "$_k: no temporary file left" no_temp "$out"
    "$AIDSTAT" chart "$@" --alt >"$out/$_k.alt" 2>"$tmp/stderr" || fail "$_k: --alt exited $?"

    f=$out/$_k.pdf
    [ -s "$f" ] || return
    check "$_k.pdf: qpdf --check" quiet qpdf --check "$f"
    check "$_k.pdf: all fonts embedded" pdf_fonts_embedded "$f"
    pdf_text "$f" >"$out/$_k.txt"
    pages=$(pdf_field "$f" Pages)
    size=$(pdf_field "$f" "Page size")
    check "$_k.pdf: 1 page of 453.543 x 283.465 pts ($pages, $size)" \
        sh -c '[ "$1" = 1 ] && [ "$2" = "453.543 x 283.465 pts" ]' sh "$pages" "$size"
    title=$(pdf_field "$f" Title)
    if [ -n "$_title" ]; then
        check "$_k.pdf: Title \"$title\"" test "$title" = "$_title"
    else
        _title=$title
        check "$_k.pdf: has a Title" test -n "$title"
    fi
    check "$_k.pdf: the title is drawn" contains "$out/$_k.txt" "$_title"
    check "$_k.pdf: the source line is drawn" contains "$out/$_k.txt" "Source: $SOURCE"
    subject=$(pdf_field "$f" Subject)
    check "$_k.pdf: Subject is the --alt text" test "$subject" = "$(cat "$out/$_k.alt")"
    check "$_k: the description names the source" contains "$out/$_k.alt" "$SOURCE"

    f=$out/$_k.svg
    if [ -s "$f" ]; then
        check "$_k.svg: xmllint --noout" xmllint --noout "$f"
        t=$(xmllint --xpath "string(/*[local-name()='svg']/*[local-name()='title'])" "$f" 2>/dev/null)
        d=$(xmllint --xpath "string(/*[local-name()='svg']/*[local-name()='desc'])" "$f" 2>/dev/null)
        check "$_k.svg: <title> is the title" test "$t" = "$_title"
        check "$_k.svg: <desc> is the --alt text" sh -c '[ -n "$1" ] && [ "$1" = "$2" ]' sh "$d" "$(cat "$out/$_k.alt")"
    fi
    f=$out/$_k.png
    if [ -s "$f" ]; then
        s=$(png_size "$f")
        check "$_k.png: 945 x 591 pixels at 150 dpi ($s)" test "$s" = "945 591"
    fi
}

kind bar "Aid allocations by donor" bar
kind stacked "" stacked --by donor,type --top 10
kind grouped "" grouped --by donor,type --top 6 --type military,financial
kind column "Aid allocations by type" column --interval quarter --by type
kind line "Cumulative military aid allocations by region" \
    line --by region --region europe,usa --type military --cumulative --trend
kind area "Cumulative aid allocations by type" area --by type --interval quarter --cumulative
kind dumbbell "" dumbbell --by donor,measure --top 12
kind scatter "" scatter

# ------------------------------------------------------ what each shows
if [ -s "$out/bar.txt" ]; then
    check "bar: subtitle \"Aid allocations, € billion, nominal, $period\"" \
        contains "$out/bar.txt" "Aid allocations, € billion, nominal, $period"
    # every row's name and label, in rank order
    tab=$(printf '\t')
    prev=0
    ordered=true
    while IFS=$tab read -r name lab; do
        check "bar: \"$name\" and its label \"$lab\"" contains "$out/bar.txt" "$name $lab"
        at=$(awk -v s="$name $lab" '{ print index($0, s) }' "$out/bar.txt")
        [ "$at" -gt "$prev" ] || ordered=false
        prev=$at
    done <"$tmp/bar-rows.tsv"
    check "bar: rows in rank order" $ordered
    check "bar: the top donor is $top_donor, $top_label" \
        test "$top_donor $top_label" = "United States €115 bn"
    # the value axis: the largest bar (115.38) with at most 6 ticks of 1,
    # 2, 2.5 or 5 x 10^k: a step of 25, ticks 0 to 125
    pdftotext -layout "$out/bar.pdf" - | tr -s ' ' >"$tmp/bar-layout.txt"
    check "bar: ticks 0 25 50 75 100 125" grep -q -x ' *0 25 50 75 100 125 *' "$tmp/bar-layout.txt"
fi
for k in stacked grouped column area; do
    [ -s "$out/$k.txt" ] || continue
    for t in Military Financial Humanitarian; do
        [ $k = grouped ] && [ $t = Humanitarian ] && continue
        check "$k: legend \"$t\"" contains "$out/$k.txt" "$t"
    done
done
if [ -s "$out/stacked.txt" ]; then
    head -n 10 "$tmp/donors.tsv" | cut -f 2 >"$tmp/top10"
    while read -r name; do
        check "stacked: bar \"$name\"" contains "$out/stacked.txt" "$name"
    done <"$tmp/top10"
fi
if [ -s "$out/grouped.txt" ]; then
    check "grouped: no humanitarian part" sh -c '! grep -q Humanitarian "$1"' sh "$out/grouped.txt"
fi
if [ -s "$out/dumbbell.txt" ]; then
    head -n 12 "$tmp/donors.tsv" | cut -f 2 >"$tmp/top12"
    while read -r name; do
        check "dumbbell: row \"$name\"" contains "$out/dumbbell.txt" "$name"
    done <"$tmp/top12"
    check "dumbbell: legend Commitments" contains "$out/dumbbell.txt" "Commitments"
    check "dumbbell: legend Allocations" contains "$out/dumbbell.txt" "Allocations"
fi
if [ -s "$out/scatter.txt" ]; then
    check "scatter: axis \"% of donor GDP\"" contains "$out/scatter.txt" "% of donor GDP"
    check "scatter: axis \"Aid, € billion\"" contains "$out/scatter.txt" "Aid, € billion"
fi
# time charts: only complete periods. The data ends in April 2026, so
# 2026 Q2 is left out of quarterly charts, and they end in March 2026.
last=$(echo "$period" | awk '{ print $NF * 100 + int((index("JanFebMarAprMayJunJulAugSepOctNovDec", $(NF - 1)) - 1) / 3) + 1 }')
for k in column area; do
    [ -s "$out/$k.txt" ] || continue
    check "$k: period Jan 2022 – Mar 2026 (the data ends $last)" contains "$out/$k.txt" "Jan 2022 – Mar 2026"
    check "$k: the partial 2026 Q2 is noted" contains "$out/$k.txt" "2026 Q2 is not shown"
done
if [ -s "$out/line.txt" ]; then
    check "line: direct label Europe" contains "$out/line.txt" "Europe"
    check "line: direct label United States" contains "$out/line.txt" "United States"
    check "line: the trend is explained" contains "$out/line.txt" "least-squares trend"
    cumulative USA military 202201 "$last" month >"$tmp/usa" || exit 99
    IFS=$(printf '\t') read -r a z hi at <"$tmp/usa"
    want="United States: from $a in 2022-01 to $z in $(echo "$last" | sed 's/\(....\)\(..\)/\1-\2/'); highest $hi in $at"
    check "line: description \"$want\"" contains "$out/line.alt" "$want"
fi
if [ -s "$out/area.txt" ]; then
    cumulative '*' military 202201 202601 quarter >"$tmp/mil" || exit 99
    IFS=$(printf '\t') read -r a z hi at <"$tmp/mil"
    want="Military: from $a in 2022 Q1 to $z in 2026 Q1; highest $hi in $at"
    check "area: description \"$want\"" contains "$out/area.alt" "$want"
fi

# ------------------------------------------------------------- sizes
"$AIDSTAT" chart bar --width 6in --height 4in --dpi 100 -o "$out/in.png" 2>"$tmp/stderr"
check "png: 6in x 4in at 100 dpi is 600 x 400 ($(png_size "$out/in.png"))" test "$(png_size "$out/in.png")" = "600 400"
"$AIDSTAT" chart bar --width 1200px --height 800px -o "$out/px.png" 2>"$tmp/stderr"
check "png: 1200px x 800px is 1200 x 800 ($(png_size "$out/px.png"))" test "$(png_size "$out/px.png")" = "1200 800"
"$AIDSTAT" chart bar --width 120mm --height 80mm -o "$out/mm.pdf" 2>"$tmp/stderr"
# 120 mm = 340.157 pt, 80 mm = 226.772 pt
check "pdf: 120 x 80 mm is 340.157 x 226.772 pts" test "$(pdf_field "$out/mm.pdf" "Page size")" = "340.157 x 226.772 pts"

# ----------------------------------------------------------- --alt
mkdir "$tmp/alt.d" || exit 99
(cd "$tmp/alt.d" && "$AIDSTAT" chart bar --alt >"$tmp/alt" 2>"$tmp/stderr")
rc=$?
check "--alt without -o: exit 0 ($rc)" test $rc -eq 0
check "--alt names the top donor: \"$top_donor: $top_label\"" contains "$tmp/alt" "$top_donor: $top_label"
check "--alt is one line" test "$(wc -l <"$tmp/alt" | tr -d ' ')" = 1
check "--alt writes no file" test -z "$(ls -A "$tmp/alt.d")"

# ------------------------------------------------------- text, stdout
title='Aid to Ukraine: Türkiye, Česko, € and −5'
"$AIDSTAT" chart bar --title "$title" -o "$out/utf8.pdf" 2>"$tmp/stderr"
pdf_text "$out/utf8.pdf" >"$tmp/utf8.txt"
check "pdf: a UTF-8 title is drawn as given" contains "$tmp/utf8.txt" "$title"
check "pdf: a UTF-8 title is the Title" test "$(pdf_field "$out/utf8.pdf" Title)" = "$title"
check "pdf: \"Turkiye\" from the data is drawn" sh -c \
    "'$AIDSTAT' chart bar --donor Turkiye,Czechia -o '$out/tc.pdf' && pdftotext '$out/tc.pdf' - | grep -q Turkiye"
"$AIDSTAT" chart bar -o - --output-type svg >"$tmp/stdout.svg" 2>"$tmp/stderr"
rc=$?
check "-o - --output-type svg: exit 0 ($rc)" test $rc -eq 0
check "-o - --output-type svg: stdout is valid SVG" xmllint --noout "$tmp/stdout.svg"
"$AIDSTAT" chart bar -o - --output-type png >"$tmp/stdout.png" 2>"$tmp/stderr"
check "-o - --output-type png: a PNG of 945 x 591" test "$(png_size "$tmp/stdout.png")" = "945 591"

# ------------------------------------------------------------ errors
err=$tmp/err
mkdir "$err" "$tmp/cwd" || exit 99
# run from an empty folder: nothing may be dropped there (a file "-")
cd "$tmp/cwd" || exit 99
expect_fail "unknown kind" 1 "$err/pie.pdf" chart pie -o "$err/pie.pdf"
expect_fail "unknown extension .xyz" 1 "$err/chart.xyz" chart bar -o "$err/chart.xyz"
expect_fail "no extension" 1 "$err/chart" chart bar -o "$err/chart"
# Ireland's commitments fall short of its allocations: its amount to be
# allocated is negative, so it cannot be a part of a stack.
ireland=$(awk "$CSVLIB"'
NR == 1 { n = csvsplit($0, f); header(f, n, c); ci = need(c, "iso"); ct = need(c, "to_be_allocated"); next }
{ csvsplit($0, f); if (f[ci] == "IRL") s += f[ct] }
END { print (s < 0 ? "negative" : "not negative") }' "$DE")
check "Ireland's to_be_allocated sum is negative (awk)" test "$ireland" = negative
expect_fail "stacked with a negative part (Ireland)" 4 "$err/neg.pdf" \
    chart stacked --by donor,measure --measure allocation,to_be_allocated --donor Ireland,Germany -o "$err/neg.pdf"
expect_fail "stacked with a negative part among all donors" 4 "$err/neg.svg" \
    chart stacked --by donor,measure --measure allocation,to_be_allocated --top 0 -o "$err/neg.svg"
eu_mil=$(awk "$CSVLIB"'
NR == 1 { n = csvsplit($0, f); header(f, n, c); ci = need(c, "iso"); cm = need(c, "military"); next }
{ csvsplit($0, f); if (f[ci] == "EU" && f[cm] + 0 != 0) rows++ }
END { print rows + 0 }' "$DE")
check "the EU has no military allocations in R29 (awk: $eu_mil rows)" test "$eu_mil" = 0
expect_fail "empty selection (EU, military)" 3 "$err/empty.pdf" \
    chart bar --donor EU --type military -o "$err/empty.pdf"
expect_fail "empty selection (line, after the data)" 3 "$err/empty2.png" \
    chart line --from 2030 -o "$err/empty2.png"
expect_fail "too small (--width 20mm)" 1 "$err/small.pdf" chart bar --width 20mm -o "$err/small.pdf"
expect_fail "too small (--height 10mm, png)" 1 "$err/small.png" chart bar --height 10mm -o "$err/small.png"
expect_fail "-o - without --output-type" 1 "$tmp/cwd/-" chart bar -o -
check "-o - without --output-type: nothing on stdout" test ! -s "$tmp/stdout"
expect_fail "-o into a folder that does not exist" 5 "$err/nope/x.pdf" chart bar -o "$err/nope/x.pdf"
expect_fail "bad colour" 1 "$err/col.pdf" chart bar --colors '#12345G' -o "$err/col.pdf"
expect_fail "bad colour (a sign is no hex digit)" 1 "$err/col2.pdf" chart bar --colors '#-12345' -o "$err/col2.pdf"
expect_fail "bad theme" 1 "$err/theme.pdf" chart bar --theme neon -o "$err/theme.pdf"
check "nothing was written in the working folder" test -z "$(ls -A "$tmp/cwd")"

# atomic: a chart that fails leaves the existing file as it was
printf 'precious\n' >"$err/keep.pdf"
cp "$err/keep.pdf" "$tmp/keep.orig"
for args in "--width 20mm" "--donor EU --type military" "--from 2030"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" chart bar $args -o "$err/keep.pdf" >/dev/null 2>&1
    rc=$?
    check "atomic: chart bar $args fails ($rc) and keep.pdf is untouched" \
        sh -c "[ $rc -ne 0 ] && cmp -s '$err/keep.pdf' '$tmp/keep.orig'"
done
"$AIDSTAT" chart stacked --by donor,measure --measure allocation,to_be_allocated --top 0 -o "$err/keep.pdf" >/dev/null 2>&1
rc=$?
check "atomic: a failing stacked chart ($rc) leaves keep.pdf untouched" \
    sh -c "[ $rc -ne 0 ] && cmp -s '$err/keep.pdf' '$tmp/keep.orig'"
check "atomic: no temporary file left" no_temp "$err"
# and a chart that succeeds replaces it
"$AIDSTAT" chart bar -o "$err/keep.pdf" 2>/dev/null
check "atomic: a good chart replaces keep.pdf" quiet qpdf --check "$err/keep.pdf"
cd / || exit 99

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
