#!/bin/sh
# Streaming memory test: `aidstat compare` must hold one accumulator per
# group, not the rows. Two synthetic long-format CSVs with the same 40
# donors, 200,000 and 2,000,000 rows, are compared by donor under GNU
# time; the peak RSS of the large run may exceed the small run's by less
# than 4 MB. The large run's per-donor sums must also equal awk's within
# a relative 1e-9, with every row read and none rejected.
#
# Environment (set by `make check`): AIDSTAT.
# Exit: 0 pass, 1 fail, 77 skip (no GNU time), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

GNUTIME=/usr/bin/time
if [ ! -x "$GNUTIME" ] || ! "$GNUTIME" -f %M true >/dev/null 2>&1; then
    echo "SKIP: $GNUTIME (GNU time, for -f %M) is not available"
    exit 77
fi

SMALL_ROWS=200000
LARGE_ROWS=2000000
LIMIT_KB=4096
TOL=1e-9

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"

# gen ROWS > file: 40 donors round-robin, three aid types, 48 months,
# values with two decimals such as 1234.56 (all in the allocation measure).
gen() {
    awk -v n="$1" 'BEGIN {
        print "donor,iso3,recipient,year,month,type,measure,value,currency"
        split("military financial humanitarian", t, " ")
        for (i = 0; i < n; i++) {
            d = i % 40
            printf "Donor %02d,D%02d,Ukraine,%d,%d,%s,allocation,%d.%02d,EUR\n",
                d, d, 2022 + int(i / 40) % 4, 1 + int(i / 160) % 12, t[1 + int(i / 7) % 3],
                1000 + (i * 7919) % 9000, (i * 31) % 100
        }
    }'
}

echo "# generating $SMALL_ROWS and $LARGE_ROWS rows in $tmp"
gen $SMALL_ROWS >"$tmp/small.csv" || exit 99
gen $LARGE_ROWS >"$tmp/large.csv" || exit 99

# peak NAME FILE: run compare under GNU time; sets $kb to the peak RSS in
# KiB and leaves the CSV output in $tmp/NAME.out.
peak() {
    if ! "$GNUTIME" -o "$tmp/$1.time" -f %M "$AIDSTAT" compare --by donor --format csv "$2" \
        >"$tmp/$1.out" 2>"$tmp/$1.err"; then
        fail "aidstat compare --by donor --format csv $1.csv: $(head -c 300 "$tmp/$1.err")"
        return 1
    fi
    kb=$(tail -n 1 "$tmp/$1.time")
    case $kb in
    '' | *[!0-9]*)
        echo "ERROR: GNU time gave no peak RSS: $(cat "$tmp/$1.time")"
        exit 99
        ;;
    esac
}

if peak small "$tmp/small.csv"; then
    small_kb=$kb
    if peak large "$tmp/large.csv"; then
        large_kb=$kb
        echo "# peak RSS: $small_kb KiB for $SMALL_ROWS rows, $large_kb KiB for $LARGE_ROWS rows"
        grow=$((large_kb - small_kb))
        if [ $grow -lt $LIMIT_KB ]; then
            pass "peak RSS grows by $grow KiB (< $LIMIT_KB) from $SMALL_ROWS to $LARGE_ROWS rows"
        else
            fail "peak RSS grows by $grow KiB (limit $LIMIT_KB): $small_kb KiB -> $large_kb KiB"
        fi

        # per-donor sums of the large file, from the file itself
        awk -F, 'NR > 1 { s[$2] += $8 } END { for (k in s) printf "%s\t%.17g\n", k, s[k] }' \
            "$tmp/large.csv" >"$tmp/expect" || exit 99
        # code and value from aidstat's CSV (donor names hold no comma or quote)
        awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i
                           if (!("code" in c) || !("value" in c)) { print "no code/value column" > "/dev/stderr"; exit 99 }
                           next }
                 { printf "%s\t%s\n", $c["code"], $c["value"] }' "$tmp/large.out" >"$tmp/actual" || exit 99
        if awk -F '\t' -v tol="$TOL" '
            function abs(x) { return x < 0 ? -x : x }
            FNR == NR { e[$1] = $2; next }
            { a[$1] = $2 }
            END {
                for (k in e) {
                    if (!(k in a)) { printf "  donor %s: expected %.17g, actual: missing\n", k, e[k]; bad++; continue }
                    if (abs(a[k] - e[k]) > tol * abs(e[k])) {
                        printf "  donor %s: expected %.17g, actual %s\n", k, e[k], a[k]; bad++
                    }
                    n++
                }
                for (k in a) if (!(k in e)) { printf "  donor %s: unexpected (value %s)\n", k, a[k]; bad++ }
                if (n != 40) { printf "  %d donors matched, 40 expected\n", n; bad++ }
                exit bad > 0
            }' "$tmp/expect" "$tmp/actual"; then
            pass "per-donor sums of the $LARGE_ROWS-row file equal awk's (40 donors, relative $TOL)"
        else
            fail "per-donor sums of the $LARGE_ROWS-row file"
        fi
    fi
fi

# Every row was read and used: the JSON states the counts.
if "$AIDSTAT" compare --by donor --format json "$tmp/large.csv" >"$tmp/large.json" 2>"$tmp/json.err"; then
    counts=$(awk -F": *" '{ gsub(/[ ",]/, "") } $1 == "records" || $1 == "rows_read" || $1 == "rows_rejected" { printf "%s=%s ", $1, $2 }' "$tmp/large.json")
    want="records=$LARGE_ROWS rows_read=$LARGE_ROWS rows_rejected=0 "
    if [ "$counts" = "$want" ]; then
        pass "JSON counts: $counts"
    else
        fail "JSON counts: expected \"$want\", actual \"$counts\""
    fi
else
    fail "aidstat compare --format json large.csv: $(head -c 300 "$tmp/json.err")"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
