#!/bin/sh
# Odd values never become plausible numbers (issue 11, item 5). Inputs are
# generated here (NULs and zero-width characters do not live well in the
# tree); every figure is computed again in python3 from the same input,
# never pasted from aidstat's output; every message is asserted exactly.
# Environment (set by `make check`): AIDSTAT.
set -u
: "${AIDSTAT:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }
# expect NAME CODE WANT: compare out (stdout+stderr) and the exit code
expect() {
    if [ "$(cat code)" = "$2" ] && printf '%s\n' "$3" | diff -u - out; then
        ok "$1"
    else
        no "$1 (exit $(cat code), expected $2)"
    fi
}
run() {
    timeout 60 "$AIDSTAT" "$@" >out 2>&1
    echo $? >code
}

# ---- magnitudes: every digit, or an error naming the group
printf 'donor,year,value\nGermany,2022,1e300\nItaly,2022,5\n' >big.csv
run compare big.csv
line=$(grep '^ *1  Germany' out | sed 's/  */ /g')
want=$(python3 -c 'print(" 1 Germany " + format(1e300 / 1e9, ",.2f") + " 100.0 % 100.0 %")')
if [ "$(cat code)" = 0 ] && [ "$line" = "$want" ]; then ok "1e300 prints every digit (€ bn)"
else no "1e300 prints every digit: got [$line], want [$want]"; fi

printf 'donor,year,value\nGermany,2022,1e308\nFrance,2022,1e308\nFrance,2023,1e308\n' >over.csv
run compare over.csv
expect "a donor whose sum overflows is an error naming it" 4 \
'aidstat: the sum for "France" is too large to compute (it overflows a double, beyond 1.8e308): check the values'"'"' unit'
printf 'donor,year,value\nGermany,2022,1e308\nFrance,2022,1e308\n' >over2.csv
run compare over2.csv
expect "a total that overflows is an error" 4 \
'aidstat: the sum for the total is too large to compute (it overflows a double, beyond 1.8e308): check the values'"'"' unit'
run compare over2.csv --by donor,year
expect "a column total that overflows names the column" 4 \
'aidstat: the sum for the total in column "2022" is too large to compute (it overflows a double, beyond 1.8e308): check the values'"'"' unit'

echo "1..$n"
[ $bad -eq 0 ]
