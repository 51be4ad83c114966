#!/bin/sh
# The bash completion (completion/aidstat, built from
# completion/aidstat.bash.in): COMP_WORDS/COMP_CWORD cases for sub-commands,
# each command's options (against the long options of its --help-all, read
# here by the test's own parser), the values of options (keys, types,
# formats, chart kinds, donor groups of datasets/regions.csv or of a
# --regions file), the "--opt=value" form and file names.
# Environment (set by `make check`): AIDSTAT, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (no bash), 99 hard error.
set -u
: "${AIDSTAT:?}" "${SRCDIR:?}"
command -v bash >/dev/null || { echo "SKIP: no bash"; exit 77; }
comp=${AIDSTAT%/src/aidstat}/completion/aidstat
[ -r "$comp" ] || { echo "ERROR: $comp is not built"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/work" "$tmp/work/charts" "$tmp/work/bin" || exit 99
cd "$tmp/work" || exit 99
ln -s "$AIDSTAT" bin/aidstat
: >data.csv
: >donors.pdf
: >donors.txt
: >spec.md
printf 'region,name,iso3\nmine,My group,DEU\nmore,More,FRA\nmine,My group,POL\n' >groups.csv

# The completion's answers, one case a line: "WORD WORD ... |" then the
# sorted replies. Each case runs in a fresh bash with only the completion
# loaded and aidstat on PATH.
cat >"$tmp/cases.sh" <<'EOS'
. "$1"
PATH=$PWD/bin:$PATH
run() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _aidstat
    printf '%s |' "$*"
    if [ ${#COMPREPLY[@]} -gt 0 ]; then
        printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '
    fi
    echo
}
run aidstat ''
run aidstat co
run aidstat compare --by ''
run aidstat trend --by ''
run aidstat compare -b region,t
run aidstat compare --type hu
run aidstat compare --measure ''
run aidstat compare --format = j
run aidstat compare --format=c
run aidstat compare -f ''
run aidstat chart ''
run aidstat chart --top 5 l
run aidstat chart --by = region --type military ''
run aidstat chart bar -o ''
run aidstat chart bar -o charts/
run aidstat chart bar --theme ''
run aidstat chart bar --output-type s
run aidstat report ''
run aidstat compare --top ''
run aidstat compare da
run aidstat compare --region ''
run aidstat compare --regions groups.csv --region m
run aidstat compare --regions=groups.csv -r ''
run aidstat trend --interval ''
run aidstat compare --interval ''
run aidstat trend --change ''
run aidstat chart bar --rat
run aidstat diff --chart-m
EOS
bash "$tmp/cases.sh" "$comp" >"$tmp/got.txt" 2>"$tmp/err.txt" || { echo "ERROR: bash cases.sh failed:"; cat "$tmp/err.txt"; exit 99; }
if [ -s "$tmp/err.txt" ]; then echo "# stderr of the completion:"; cat "$tmp/err.txt"; fi

. "$SRCDIR/tests/testlib.sh"
# expect "WORDS" "REPLIES": the replies for that case, sorted, space-separated
expect() {
    _line=$(grep -F -x -- "$1 |$2" "$tmp/got.txt")
    if [ -n "$_line" ]; then
        pass "complete '$1' -> $2"
    else
        fail "complete '$1': want '$2', got '$(grep -F -- "$1 |" "$tmp/got.txt" | head -n 1 | sed 's/^[^|]*|//')'"
    fi
}
cmds=$("$AIDSTAT" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }' | LC_ALL=C sort | tr '\n' ' ')
expect "aidstat " "--help --version $cmds"
expect "aidstat co" "compare convert "
expect "aidstat compare --by " "donor measure month quarter region type year "
expect "aidstat trend --by " "donor measure region type "
expect "aidstat compare -b region,t" "region,type "
expect "aidstat compare --type hu" "humanitarian "
expect "aidstat compare --measure " "allocation commitment delivery to_be_allocated "
expect "aidstat compare --format = j" "json "
expect "aidstat compare --format=c" "csv "
expect "aidstat compare -f " "csv json markdown table tsv "
expect "aidstat chart " "area bar column dumbbell grouped line scatter stacked "
expect "aidstat chart --top 5 l" "line "
expect "aidstat chart --by = region --type military " "area bar column dumbbell grouped line scatter stacked "
expect "aidstat chart bar -o " "bin charts donors.pdf "
expect "aidstat chart bar -o charts/" ""
expect "aidstat chart bar --theme " "default print "
expect "aidstat chart bar --output-type s" "svg "
expect "aidstat report " "bin charts spec.md "
expect "aidstat compare --top " ""
expect "aidstat compare da" "data.csv "
expect "aidstat trend --interval " "month quarter year "
# compare has no --interval: the word is a file
expect "aidstat compare --interval " "bin charts data.csv donors.pdf donors.txt groups.csv spec.md "
expect "aidstat trend --change " "pop yoy "
expect "aidstat chart bar --rat" "--rate-base= --rate= --rates= "
expect "aidstat diff --chart-m" "--chart-measure= "
# the donor groups: the first column of datasets/regions.csv, or of --regions FILE
groups=$(awk -F, 'NR > 1 { print $1 }' "$SRCDIR/datasets/regions.csv" | LC_ALL=C sort -u | tr '\n' ' ')
expect "aidstat compare --region " "$groups"
expect "aidstat compare --regions groups.csv --region m" "mine more "
expect "aidstat compare --regions=groups.csv -r " "mine more "

# every command's options: the long options its --help-all prints
for cmd in $cmds; do
    "$AIDSTAT" "$cmd" --help-all >"$tmp/help.txt" || { fail "aidstat $cmd --help-all failed"; continue; }
    want=$(sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z0-9-]*\)\(=*\).*/\2\3/p' "$tmp/help.txt" | LC_ALL=C sort -u | tr '\n' ' ')
    got=$(bash -c '. "$1"; PATH=$2/bin:$PATH; COMP_WORDS=(aidstat "$3" --); COMP_CWORD=2; _aidstat; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$comp" "$PWD" "$cmd" | LC_ALL=C sort | tr '\n' ' ')
    check "complete 'aidstat $cmd --': the $(echo "$want" | wc -w) options of its --help-all" test "$got" = "$want"
    [ "$got" = "$want" ] || echo "# want: $want
# got:  $got"
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
