#!/bin/sh
# Figure tests: the totals that `aidstat compare` prints for the Kiel
# Ukraine Support Tracker (Release 29) equal an independent computation
# made here in awk straight from the source CSV, never from aidstat's
# own output. Every value is compared within a relative 1e-9.
#
# Checked, for data_explorer.csv and for the embedded default data (a
# conversion of it; `aidstat compare` with no FILE):
#   per-donor allocations of all types (financial+humanitarian+military),
#   per-donor military, per-donor commitments, per-donor to_be_allocated,
#   per-region totals (every group of datasets/regions.csv, by ISO3 code;
#   europe, eu27, usa, nato and g7 must be among them), per-year military,
#   --to 2025-04 and --from 2024-01 (values and the reported period),
#   the JSON "total", shares (each = value/total, and they sum to 1),
#   --per gdp for every donor with GDP and the "All donors with GDP" total.
# Then: the embedded data gives the same per-donor figures as
# data_explorer.csv, and total_allocations.csv's military column, summed
# over all months (in awk and through aidstat), equals data_explorer.csv's
# military total.
#
# Environment (set by `make check`): AIDSTAT, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
: "${SRCDIR:?SRCDIR is not set}"

KIEL=$SHARED/kiel-ust-web-r29
DE=$KIEL/data_explorer.csv
TA=$KIEL/total_allocations.csv
REGIONS=$SRCDIR/datasets/regions.csv

if [ ! -d "$KIEL" ]; then
    echo "SKIP: $KIEL is not there"
    exit 77
fi
for f in "$DE" "$TA" "$REGIONS"; do
    [ -r "$f" ] || { echo "ERROR: cannot read $f"; exit 99; }
done
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

TOL=1e-9
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"



# expect_de KEY COLUMNS FROM TO > file
# Sums of the given data_explorer.csv COLUMNS (space-separated, € bn),
# in euros, per KEY: iso, year, region (group name, from regions.csv) or
# all. FROM and TO are YYYYMM bounds (inclusive). Prints "key<TAB>value".
expect_de() {
    awk -v key="$1" -v cols="$2" -v from="$3" -v to="$4" "$CSVLIB"'
    FILENAME == regfile {
        n = csvsplit($0, f)
        if (FNR == 1) { header(f, n, rc); rg = need(rc, "region"); rn = need(rc, "name"); ri = need(rc, "iso3"); next }
        if (f[rg] == "") next
        gname[f[rg]] = f[rn]
        member[f[ri], f[rg]] = 1
        groups[f[rg]] = 1
        next
    }
    {
        n = csvsplit($0, f)
        if (FNR == 1) {
            header(f, n, dc)
            ci = need(dc, "iso"); cy = need(dc, "year"); cm = need(dc, "month")
            nc = split(cols, cn, " ")
            for (j = 1; j <= nc; j++) cx[j] = need(dc, cn[j])
            next
        }
        ym = f[cy] * 100 + f[cm]
        if (ym < from || ym > to) next
        v = 0
        for (j = 1; j <= nc; j++) v += f[cx[j]] * 1e9
        if (key == "iso") { sum[f[ci]] += v; seen[f[ci]] = 1 }
        else if (key == "year") { sum[f[cy]] += v; seen[f[cy]] = 1 }
        else if (key == "all") { sum["all"] += v; seen["all"] = 1 }
        else if (key == "region") {
            for (g in groups)
                if ((f[ci], g) in member) { sum[gname[g]] += v; seen[gname[g]] = 1 }
        }
    }
    END {
        if (bad) exit 99
        for (k in seen) printf "%s\t%.17g\n", k, sum[k]
    }' regfile="$REGIONS" "$REGIONS" "$DE"
}

# actual_csv FILE KEYCOL VALCOL > file: "key<TAB>value" from aidstat's
# CSV output; an empty value (n/a) prints as "n/a".
actual_csv() {
    awk -v kc="$2" -v vc="$3" "$CSVLIB"'
    {
        n = csvsplit($0, f)
        if (FNR == 1) { header(f, n, c); k = need(c, kc); v = need(c, vc); next }
        printf "%s\t%s\n", f[k], (f[v] == "" ? "n/a" : f[v])
    }' "$1"
}

# same WHAT EXPECTED ACTUAL: both files hold "key<TAB>value"; the key
# sets must be equal and every value within relative $TOL ("n/a" must
# match "n/a"). Prints each mismatch with key, expected and actual.
same() {
    if awk -F '\t' -v tol="$TOL" -v what="$1" '
    function abs(x) { return x < 0 ? -x : x }
    FNR == NR { if ($1 in e) { printf "  %s: key \"%s\" twice in the expectation\n", what, $1; bad++ }
                e[$1] = $2; next }
    {
        if ($1 in a) { printf "  %s: \"%s\" appears twice in the output\n", what, $1; bad++ }
        a[$1] = $2
    }
    END {
        for (k in e) {
            n++
            # a group whose values are all zero has no records, so no row
            if (!(k in a) && e[k] != "n/a" && e[k] + 0 == 0) continue
            if (!(k in a)) { printf "  %s: \"%s\" expected %s, actual: missing\n", what, k, e[k]; bad++; continue }
            x = e[k]; y = a[k]
            if (x == "n/a" || y == "n/a") {
                if (x != y) { printf "  %s: \"%s\" expected %s, actual %s\n", what, k, x, y; bad++ }
                continue
            }
            x += 0; y += 0
            if (abs(y - x) > tol * abs(x) || (x == 0 && y != 0)) {
                printf "  %s: \"%s\" expected %.17g, actual %.17g (relative difference %.3g)\n",
                    what, k, x, y, (x == 0 ? 1 : abs(y - x) / abs(x)); bad++
            }
        }
        for (k in a) if (!(k in e)) { printf "  %s: \"%s\" unexpected in the output (value %s)\n", what, k, a[k]; bad++ }
        if (n == 0) { printf "  %s: nothing to compare\n", what; bad++ }
        exit bad > 0
    }' "$2" "$3"; then
        pass "$1 ($(wc -l <"$2" | tr -d ' ') values)"
    else
        fail "$1"
    fi
}

# run OUT ARGS...: aidstat ARGS > OUT; a non-zero exit is a failure.
run() {
    out=$1
    shift
    "$AIDSTAT" "$@" >"$out" 2>"$tmp/stderr"
    rc=$?
    [ $rc -eq 0 ] && return 0
    fail "aidstat $* exited $rc: $(head -c 300 "$tmp/stderr")"
    return 1
}

# json_total FILE: the number after "total": in aidstat's JSON.
json_total() {
    sed -n 's/^ *"total": *\([^,]*\),*$/\1/p' "$1"
}

# ------------------------------------------------------------ expectations
ALL="financial humanitarian military"
MIN=0
MAX=999999
expect_de iso "$ALL" $MIN $MAX >"$tmp/e-donor" || exit 99
expect_de iso military $MIN $MAX >"$tmp/e-mil" || exit 99
expect_de iso commitments $MIN $MAX >"$tmp/e-commit" || exit 99
expect_de iso to_be_allocated $MIN $MAX >"$tmp/e-tba" || exit 99
expect_de region "$ALL" $MIN $MAX >"$tmp/e-region" || exit 99
expect_de year military $MIN $MAX >"$tmp/e-year" || exit 99
expect_de iso "$ALL" $MIN 202504 >"$tmp/e-to" || exit 99
expect_de iso "$ALL" 202401 $MAX >"$tmp/e-from" || exit 99
expect_de all "$ALL" $MIN $MAX >"$tmp/e-all" || exit 99
expect_de all military $MIN $MAX >"$tmp/e-all-mil" || exit 99
expect_de all commitments $MIN $MAX >"$tmp/e-all-commit" || exit 99
total_all=$(cut -f2 "$tmp/e-all")
total_mil=$(cut -f2 "$tmp/e-all-mil")

# The required groups must exist in regions.csv with members in the data.
for g in europe eu27 usa nato g7; do
    name=$(awk -v g="$g" "$CSVLIB"'{ n = csvsplit($0, f); if (FNR == 1) { header(f, n, c); r = need(c, "region"); m = need(c, "name"); next }
                                       if (f[r] == g) { print f[m]; exit } }' "$REGIONS")
    if [ -n "$name" ] && awk -F "\t" -v n="$name" '$1 == n { f = 1 } END { exit !f }' "$tmp/e-region"; then
        pass "region group $g (\"$name\") has donors in data_explorer.csv"
    else
        fail "region group $g: not in $REGIONS or no member donor in data_explorer.csv"
    fi
done

# Per-donor % of GDP: sum(total)/gdp*100 with the file's gdp column (the
# same in every row of a donor); "n/a" for gdp 0; the total is
# sum(aid of donors with GDP) / sum(their GDP) * 100.
awk "$CSVLIB"'
{
    n = csvsplit($0, f)
    if (FNR == 1) { header(f, n, c); ci = need(c, "iso"); ct = need(c, "total"); cg = need(c, "gdp"); next }
    aid[f[ci]] += f[ct]
    if ((f[ci] in gdp) && gdp[f[ci]] != f[cg] + 0) { printf "ERROR: %s has two GDP values\n", f[ci] > "/dev/stderr"; bad = 1 }
    gdp[f[ci]] = f[cg] + 0
}
END {
    if (bad) exit 99
    for (k in aid) {
        if (gdp[k] > 0) { printf "%s\t%.17g\n", k, aid[k] / gdp[k] * 100; sa += aid[k]; sg += gdp[k] }
        else printf "%s\tn/a\n", k
    }
    printf "%.17g\n", sa / sg * 100 > "/dev/stderr"
}' "$DE" >"$tmp/e-gdp" 2>"$tmp/e-gdp-total" || exit 99
gdp_total=$(cat "$tmp/e-gdp-total")

# Period range of the data in a selection, as the output reports it.
period_of() {
    awk -v from="$1" -v to="$2" "$CSVLIB"'
    {
        n = csvsplit($0, f)
        if (FNR == 1) { header(f, n, c); cy = need(c, "year"); cm = need(c, "month"); next }
        ym = f[cy] * 100 + f[cm]
        if (ym < from || ym > to) next
        if (lo == "" || ym < lo) lo = ym
        if (hi == "" || ym > hi) hi = ym
    }
    END { printf "%04d-%02d %04d-%02d\n", lo / 100, lo % 100, hi / 100, hi % 100 }' "$DE"
}

# ------------------------------------------------------------ the checks
# check_source LABEL [FILE]: every figure from one source (no FILE: the
# embedded default data).
check_source() {
    src=$1
    file=${2:-}
    echo "# source: $src"
    o=$tmp/out.csv
    if run "$o" compare --by donor --format csv ${file:+"$file"}; then
        actual_csv "$o" code value >"$tmp/a"
        same "$src: per-donor allocations, all types" "$tmp/e-donor" "$tmp/a"
        # shares: each = value/total, and they add up to 1
        if awk -v tol="$TOL" -v tot="$total_all" "$CSVLIB"'
            function abs(x) { return x < 0 ? -x : x }
            {
                n = csvsplit($0, f)
                if (FNR == 1) { header(f, n, c); cs = need(c, "share"); cv = need(c, "value"); cc = need(c, "code"); next }
                s += f[cs]
                if (abs(f[cs] - f[cv] / tot) > tol * abs(f[cv] / tot)) {
                    printf "  share of %s: expected %.17g, actual %s\n", f[cc], f[cv] / tot, f[cs]; bad++
                }
            }
            END {
                if (abs(s - 1) > tol) { printf "  shares sum: expected 1, actual %.17g\n", s; bad++ }
                exit bad > 0
            }' "$o"; then
            pass "$src: shares = value/total and sum to 1"
        else
            fail "$src: shares"
        fi
    fi
    if run "$o" compare --by donor --type military --format csv ${file:+"$file"}; then
        actual_csv "$o" code value >"$tmp/a"
        same "$src: per-donor military" "$tmp/e-mil" "$tmp/a"
    fi
    if run "$o" compare --by donor --measure commitment --format csv ${file:+"$file"}; then
        actual_csv "$o" code value >"$tmp/a"
        same "$src: per-donor commitments" "$tmp/e-commit" "$tmp/a"
    fi
    if run "$o" compare --by donor --measure to_be_allocated --format csv ${file:+"$file"}; then
        actual_csv "$o" code value >"$tmp/a"
        same "$src: per-donor to_be_allocated" "$tmp/e-tba" "$tmp/a"
    fi
    if run "$o" compare --by region --format csv ${file:+"$file"}; then
        actual_csv "$o" region value >"$tmp/a"
        same "$src: per-region allocations (groups of regions.csv)" "$tmp/e-region" "$tmp/a"
    fi
    if run "$o" compare --by year --type military --format csv ${file:+"$file"}; then
        actual_csv "$o" year value >"$tmp/a"
        same "$src: per-year military" "$tmp/e-year" "$tmp/a"
    fi
    for p in "--to 2025-04 e-to 0 202504" "--from 2024-01 e-from 202401 999999"; do
        set -- $p
        opt=$1 val=$2 exp=$3 lo=$4 hi=$5
        if run "$o" compare --by donor --format csv "$opt" "$val" ${file:+"$file"}; then
            actual_csv "$o" code value >"$tmp/a"
            same "$src: per-donor allocations $opt $val" "$tmp/$exp" "$tmp/a"
            want=$(period_of "$lo" "$hi")
            got=$(awk "$CSVLIB"'{ n = csvsplit($0, f); if (FNR == 1) { header(f, n, c); a = need(c, "period_from"); b = need(c, "period_to"); next }
                                   print f[a], f[b]; exit }' "$o")
            if [ "$want" = "$got" ]; then
                pass "$src: $opt $val reports period $got"
            else
                fail "$src: $opt $val: period expected \"$want\", actual \"$got\""
            fi
        fi
    done
    for t in "all types:$total_all:" "military:$total_mil:--type military" \
             "commitments:$(cut -f2 "$tmp/e-all-commit"):--measure commitment"; do
        what=${t%%:*}
        rest=${t#*:}
        want=${rest%%:*}
        opts=${rest#*:}
        # shellcheck disable=SC2086
        if run "$o" compare --by donor --format json $opts ${file:+"$file"}; then
            printf 'total\t%s\n' "$want" >"$tmp/e"
            printf 'total\t%s\n' "$(json_total "$o")" >"$tmp/a"
            same "$src: JSON \"total\", $what" "$tmp/e" "$tmp/a"
        fi
    done
    if run "$o" compare --by donor --per gdp --format csv ${file:+"$file"}; then
        actual_csv "$o" code value >"$tmp/a"
        same "$src: per-donor % of GDP" "$tmp/e-gdp" "$tmp/a"
    fi
    if run "$o" compare --by donor --per gdp --format json ${file:+"$file"}; then
        printf 'total\t%s\n' "$gdp_total" >"$tmp/e"
        printf 'total\t%s\n' "$(json_total "$o")" >"$tmp/a"
        same "$src: % of GDP, all donors with GDP" "$tmp/e" "$tmp/a"
    fi
}

check_source data_explorer.csv "$DE"
check_source "embedded default"

# The embedded data is a conversion of data_explorer.csv: same figures.
echo "# embedded default against data_explorer.csv"
for opts in "" "--type military" "--measure commitment" "--measure to_be_allocated" "--by year" "--by region"; do
    # shellcheck disable=SC2086
    if run "$tmp/x.csv" compare --format csv $opts "$DE" && run "$tmp/y.csv" compare --format csv $opts; then
        keycol=code
        case $opts in --by\ year) keycol=year ;; --by\ region) keycol=region ;; esac
        actual_csv "$tmp/x.csv" $keycol value >"$tmp/e"
        actual_csv "$tmp/y.csv" $keycol value >"$tmp/a"
        same "embedded = data_explorer.csv: compare ${opts:-(defaults)}" "$tmp/e" "$tmp/a"
    fi
done

# total_allocations.csv: the column sums of data_explorer.csv.
echo "# total_allocations.csv"
awk "$CSVLIB"'
{
    n = csvsplit($0, f)
    if (FNR == 1) { header(f, n, c); m = need(c, "military"); next }
    s += f[m] * 1e9
}
END { printf "all\t%.17g\n", s }' "$TA" >"$tmp/a" || exit 99
same "total_allocations.csv military (awk sum) = data_explorer.csv military" "$tmp/e-all-mil" "$tmp/a"
if run "$tmp/o.json" compare --type military --format json "$TA"; then
    printf 'all\t%s\n' "$(json_total "$tmp/o.json")" >"$tmp/a"
    same "aidstat total of total_allocations.csv military = data_explorer.csv military" "$tmp/e-all-mil" "$tmp/a"
fi
if run "$tmp/o.csv" compare --by year --type military --format csv "$TA"; then
    actual_csv "$tmp/o.csv" year value >"$tmp/a"
    same "aidstat per-year military of total_allocations.csv = data_explorer.csv" "$tmp/e-year" "$tmp/a"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
