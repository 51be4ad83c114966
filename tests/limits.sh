#!/bin/sh
# Limits: hostile sizes and shapes, generated here (nothing big is stored
# in the tree). Each input either works or stops with a clear message, in
# bounded time; the exact outcome is asserted.
#   a row with a million fields, a 10 MB donor name, a 10 MB quoted field
#   in an ignored column, a 70 MB row through standard input, a donor name
#   that is not UTF-8; a report spec with 100000 nested block quotes, 50000
#   nested list items, 50000 nested emphasis spans, a 10 MB {{ }} figure
#   and an unclosed one.
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
expect "a 70 MB row stops the load" 2 'aidstat: -:2:5: row is larger than 64 MiB'

printf 'donor,year,type,value\nGer\223many,2022,military,1\nFrance,2022,military,2\n' >latin1.csv
# a byte that is not UTF-8 after ASCII text: the file is read as
# Windows-1252 (0x93 is a quotation mark there), or, declared UTF-8, stops
run check latin1.csv
grep '^  donors:' out >out2 && mv out2 out
expect "a donor name that is not UTF-8 is read as Windows-1252" 0 '  donors:   2: Ger“many, France'
run check --encoding UTF-8 latin1.csv
expect "declared UTF-8, the same name stops the load at its byte" 2 \
'aidstat: latin1.csv:2:4: invalid UTF-8: byte 0x93 (the encoding was given as UTF-8; column counts characters)'

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

echo "1..$n"
[ $bad -eq 0 ]
