#!/bin/sh
# Donor identity across files: "Czech Republic" (Kiel's workbook spelling,
# no code) in one file and "Czechia"/"czechia" (with and without code CZE)
# in another are one donor, Czechia, code CZE, inside --region europe and
# nato; its figure is the sum of both files' rows, computed here with awk.
# Exit: 0 pass, 1 fail, 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${TESTDATA:?TESTDATA is not set}"
. "$(dirname "$0")/testlib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
A=$TESTDATA/identity-a.csv
B=$TESTDATA/identity-b.csv

# the oracle: every row whose donor is a spelling of Czechia, both files
want=$(awk -F, 'FNR > 1 { d = tolower($1) }
    FNR > 1 && (d == "czech republic" || d == "czechia") { s += $NF }
    END { printf "%d", s }' "$A" "$B")
check "awk finds the Czech rows of both files (3875000)" test "$want" = 3875000

for region in europe nato; do
    if ! "$AIDSTAT" compare -q --format csv --by donor --region "$region" "$A" "$B" >"$tmp/$region.csv"; then
        fail "compare --region $region runs"
        continue
    fi
    rows=$(awk "$CSVLIB"'NR > 1 { csvsplit($0, f); if (f[3] == "CZE" || f[2] ~ /^Czech/) n++ } END { print n + 0 }' "$tmp/$region.csv")
    check "--region $region: one Czech donor row (got $rows)" test "$rows" = 1
    got=$(awk "$CSVLIB"'NR > 1 { csvsplit($0, f); if (f[3] == "CZE") print f[2] "|" f[4] }' "$tmp/$region.csv")
    check "--region $region: Czechia, CZE, $want (got $got)" test "$got" = "Czechia|$want"
    nocode=$(awk "$CSVLIB"'NR > 1 { csvsplit($0, f); if (f[3] == "") n++ } END { print n + 0 }' "$tmp/$region.csv")
    check "--region $region: every donor has a code" test "$nocode" = 0
done

# the same through --donor, in any spelling
for d in "Czech Republic" Czechia CZE Tschechien "czech  republic"; do
    got=$("$AIDSTAT" compare -q --format csv --by donor --donor "$d" "$A" "$B" |
        awk "$CSVLIB"'NR > 1 { csvsplit($0, f); print f[2] "|" f[3] "|" f[4] }')
    check "--donor \"$d\": Czechia|CZE|$want (got $got)" test "$got" = "Czechia|CZE|$want"
done

# a highlight or a font that matches nothing is said, with a suggestion
"$AIDSTAT" chart bar --highlight Germny --highlight "Czech Republic" --highlight Atlantis \
    -o "$tmp/h.svg" "$A" "$B" 2>"$tmp/h.err"
want='aidstat: warning: highlight "Germny" matches nothing in the chart; did you mean Germany?
aidstat: warning: highlight "Atlantis" matches nothing in the chart'
check "--highlight misses warn, Czech Republic highlights Czechia" test "$(cat "$tmp/h.err")" = "$want"
"$AIDSTAT" chart bar --font "Nonexistent Font Xq" -o "$tmp/f.svg" "$A" 2>"$tmp/f.err"
check "--font that is not installed warns" test "$(cat "$tmp/f.err")" = \
    'aidstat: warning: font "Nonexistent Font Xq" is not installed: text is set in a substitute'

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
