#!/bin/sh
# Progress and accounting on stderr: --verbose prints check's per-file
# accounting for compare, trend, convert, chart and report; a bar shows
# while a load runs longer than a second, only when stderr is a terminal
# and without --quiet. AIDSTAT_PROGRESS_DELAY=0
# drops the one-second wait so a 3 MB file shows it; script(1) gives the
# terminal.
# Environment (set by `make check`): AIDSTAT.
# Exit: 0 pass, 1 fail, 77 skip (no script(1)).
set -u
: "${AIDSTAT:?}" "${TESTDATA:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
n=0 bad=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $1"; }
awk 'BEGIN { print "donor,year,type,value"; for (i = 0; i < 100000; i++) print "Germany,2022,military," i }' >big.csv
AIDSTAT_PROGRESS_DELAY=0
export AIDSTAT_PROGRESS_DELAY

for cmd in "compare big.csv" "trend big.csv --interval year" "convert big.csv" "check big.csv"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $cmd >/dev/null 2>err
    if [ ! -s err ]; then ok "$cmd: nothing on a stderr that is a file"; else no "$cmd: stderr not empty:"; cat err; fi
done

# --verbose: the same accounting as check, on stderr, for every command
cp "$TESTDATA/badvalues.csv" "$TESTDATA/clean.csv" .
"$AIDSTAT" check badvalues.csv clean.csv >want.txt
for cmd in "compare" "trend --interval year" "convert" "chart bar -o c.pdf"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $cmd badvalues.csv clean.csv --verbose >/dev/null 2>got.txt
    if diff -u want.txt got.txt; then ok "$cmd --verbose: check's accounting on stderr"; else no "$cmd --verbose"; fi
done
printf -- '---\ntitle: T\ndata: badvalues.csv, clean.csv\n---\n\n# T\n\n{{ sum | eur_m }}\n' >spec.md
# the spec's files are named from the spec's folder
"$AIDSTAT" check ./badvalues.csv ./clean.csv >want.txt
"$AIDSTAT" report spec.md -o r.pdf --verbose --quiet >/dev/null 2>got.txt
if diff -u want.txt got.txt; then ok "report --verbose: check's accounting on stderr"; else no "report --verbose"; fi

# the variable is read strictly: an overflowing or non-numeric delay is an error, not a wrap-around
for d in 9999999999999999999 -1 5ms 0x10; do
    AIDSTAT_PROGRESS_DELAY=$d "$AIDSTAT" compare clean.csv >/dev/null 2>err.txt
    c=$?
    if [ $c = 1 ] && [ "$(cat err.txt)" = "aidstat: AIDSTAT_PROGRESS_DELAY \"$d\": give a whole number from 0 to 3600000" ]; then
        ok "AIDSTAT_PROGRESS_DELAY=$d: refused"
    else
        no "AIDSTAT_PROGRESS_DELAY=$d: exit $c:"; cat err.txt
    fi
done

if ! command -v script >/dev/null; then
    echo "SKIP: script(1) not installed: the terminal half is not run"
    echo "1..$n"
    [ $bad -eq 0 ] && exit 0 || exit 1
fi
script -qec "'$AIDSTAT' compare big.csv >/dev/null" /dev/null </dev/null >tty.txt 2>&1
if grep -q 'aidstat: loading big.csv \[#*-*\] *[0-9]* % ' tty.txt && tail -c 4 tty.txt | od -An -c | grep -q '\\r 033   \[   K'; then
    ok "a terminal gets a bar, cleared at the end"
else
    no "a terminal gets a bar:"; od -c tty.txt | head -5
fi
script -qec "'$AIDSTAT' compare --quiet big.csv >/dev/null" /dev/null </dev/null >quiet.txt 2>&1
if [ ! -s quiet.txt ]; then ok "--quiet: no bar on a terminal"; else no "--quiet: output on a terminal:"; od -c quiet.txt | head -3; fi
echo "1..$n"
[ $bad -eq 0 ]
