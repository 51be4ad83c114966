#!/bin/sh
# The embedding example: tests/examples/embed-chart, built against the
# installed-style header and the shared libaidstat, writes a 2-page PDF of
# its own with an aidstat bar chart on page 2. Checked with poppler and
# qpdf: the program exits 0; `qpdf --check` passes; `pdfinfo` says 2 pages
# and the program's own Title; page 1 holds the program's text and no
# chart; page 2 holds the chart: "United States" (the largest donor), its
# label "€115 bn", "Others (32)" (42 donors, 10 shown) and the source line;
# every font is embedded.
#
# Environment (set by `make check`): AIDSTAT (the example is found next to
# it, in ../tests/examples of the build tree).
# Exit: 0 pass, 1 fail, 77 skip (poppler-utils or qpdf missing), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
for tool in pdfinfo pdftotext pdffonts qpdf; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
EXAMPLE=${EMBED_CHART:-$(dirname "$AIDSTAT")/../tests/examples/embed-chart}
[ -x "$EXAMPLE" ] || { echo "ERROR: $EXAMPLE is not built (make check builds it)"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

npass=0
nfail=0
ncheck=0
check() {
    _desc=$1
    shift
    ncheck=$((ncheck + 1))
    if "$@"; then
        npass=$((npass + 1))
        echo "ok $ncheck - $_desc"
    else
        nfail=$((nfail + 1))
        echo "not ok $ncheck - $_desc"
    fi
}
# quiet COMMAND...: COMMAND with its output thrown away.
quiet() {
    "$@" >/dev/null 2>&1
}
contains() {
    grep -F -q -e "$2" "$1"
}

pdf=$tmp/embed.pdf
"$EXAMPLE" "$pdf" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
check "embed-chart exits 0 ($rc$( [ $rc -ne 0 ] && echo ": $(head -c 300 "$tmp/stderr")"))" test $rc -eq 0
if [ ! -s "$pdf" ]; then
    echo "not ok - no PDF written"
    echo "$npass passed, $((nfail + 1)) failed"
    exit 1
fi
check "qpdf --check" quiet qpdf --check "$pdf"
pdfinfo "$pdf" >"$tmp/info" 2>&1
check "pdfinfo: 2 pages" grep -q -x 'Pages: *2' "$tmp/info"
check "pdfinfo: the program's title" grep -q -x 'Title: *Embedding aidstat' "$tmp/info"
check "pdfinfo: A4 pages" grep -q -x 'Page size: *595.276 x 841.89 pts (A4)' "$tmp/info"
pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/p1"
pdftotext -enc UTF-8 -f 2 -l 2 "$pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/p2"
check "page 1: the program's own text" contains "$tmp/p1" "Embedding aidstat"
check "page 1: no chart" sh -c '! grep -q "United States" "$1"' sh "$tmp/p1"
check "page 2: the program's caption" contains "$tmp/p2" "Figure 1"
check "page 2: United States" contains "$tmp/p2" "United States"
check "page 2: its label €115 bn" contains "$tmp/p2" "United States €115 bn"
check "page 2: Others (32)" contains "$tmp/p2" "Others (32)"
check "page 2: the chart's title" contains "$tmp/p2" "Aid allocations by donor"
check "page 2: the source line" contains "$tmp/p2" \
    "Source: Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)"
pdffonts "$pdf" >"$tmp/fonts" 2>&1
check "all fonts embedded" awk 'NR == 1 { at = index($0, "emb"); next } NR == 2 { next }
    { n++; if (substr($0, at, 3) != "yes") bad = 1 } END { exit (!at || !n || bad) }' "$tmp/fonts"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
