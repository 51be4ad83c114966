#!/bin/sh
# Trend figures: every number that `aidstat trend --format csv` prints
# for the Kiel Ukraine Support Tracker (Release 29) equals an independent
# computation made here in awk straight from the source CSV, never from
# aidstat's own output.
#
# Checked, with one group each (no --by):
#   total_allocations.csv, monthly: military+financial+humanitarian;
#   total_allocations.csv --type military, monthly: the military column;
#   data_explorer.csv --type military --interval quarter: military summed
#     over donors per calendar quarter (Jan-Mar, ...); the last quarter,
#     2026 Q2, holds only April and must not be fitted.
# For each, every CSV column: n, first_period, last_period, last_value
# (the last fitted period), slope_per_year and its 95 % interval,
# slope_per_period, se_slope, intercept, se_intercept, r2, p_value,
# resid_sd, growth_pct_per_year and its interval, current_year,
# current_total, baseline_from/to, baseline_mean, change_pct, and the
# text columns (measure, type, unit, interval, price basis, source).
# From the JSON of the same run: t_crit, f_stat, the per-period slope
# interval, the log fit's R², and which periods are complete and fitted.
#
# The computation here: y = the period's flow in euros (the CSV's € bn
# x 1e9), x = the period's index counted from the data's first period
# (0 = 2022-01, or 2022 Q1), so the intercept is the fitted flow of that
# first period. Closed-form OLS on deviations from the means:
#   b = Sxy/Sxx, a = ybar - b xbar, s² = SSE/(n-2), se_b = s/sqrt(Sxx),
#   se_a = s sqrt(1/n + xbar²/Sxx), r2 = Sxy²/(Sxx SST), F = SSR/s²,
#   p = 2 P(T > |b/se_b|) with the Student t CDF of Abramowitz & Stegun
#   26.7.3/26.7.4 (a finite sum for whole degrees of freedom), t_crit its
#   0.975 quantile found by bisection (checked first: 50 df gives
#   2.0085591121007611 within 1e-13, the value mpmath gives to 40 digits);
#   growth = 100 (exp(ppy b') - 1) with b' the slope of ln y on x and
#   ppy periods per year; its interval from b' ± t_crit se_b'.
#   current_year is the last calendar year the data covers fully, the
#   baseline the full years before it; change = current/baseline - 1.
# Values must agree within a relative 1e-9; the p-value within 1e-6
# relative (or 1e-12 absolute when it is tiny).
#
# Environment (set by `make check`): AIDSTAT, SHARED.
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"

KIEL=$SHARED/kiel-ust-web-r29
DE=$KIEL/data_explorer.csv
TA=$KIEL/total_allocations.csv
RI=$KIEL/release_info.csv

if [ ! -d "$KIEL" ]; then
    echo "SKIP: $KIEL is not there"
    exit 77
fi
for f in "$DE" "$TA" "$RI"; do
    [ -r "$f" ] || { echo "ERROR: cannot read $f"; exit 99; }
done
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"


# Statistics in awk, written from the textbook formulas.
STATLIB='
function abs(x) { return x < 0 ? -x : x }
# P(|T| < t) for Student t with nu (whole) degrees of freedom:
# Abramowitz & Stegun 26.7.3 (odd nu) and 26.7.4 (even nu).
function t_central(t, nu,    th, s, c, c2, sum, term, k) {
    t = abs(t)
    th = atan2(t, sqrt(nu)); s = sin(th); c = cos(th); c2 = c * c
    if (nu % 2 == 0) {
        sum = 1; term = 1
        for (k = 2; k <= nu - 2; k += 2) { term *= c2 * (k - 1) / k; sum += term }
        return s * sum
    }
    if (nu == 1) return 2 * th / PI
    sum = 1; term = 1
    for (k = 3; k <= nu - 2; k += 2) { term *= c2 * (k - 1) / k; sum += term }
    return 2 / PI * (th + s * c * sum)
}
# two-sided p-value of t
function t_p2(t, nu) { return 1 - t_central(t, nu) }
# the 0.975 quantile: P(|T| < q) = 0.95, by bisection to the last bit
function t_q975(nu,    lo, hi, mid, i) {
    lo = 0; hi = 1000
    for (i = 0; i < 400; i++) {
        mid = (lo + hi) / 2
        if (mid == lo || mid == hi) break
        if (t_central(mid, nu) < 0.95) lo = mid; else hi = mid
    }
    return (lo + hi) / 2
}
# exp(x) - 1 without cancelling the digits of a small x
function expm1(x,    k, term, sum) {
    if (abs(x) > 1e-3) return exp(x) - 1
    sum = 0; term = 1
    for (k = 1; k < 20; k++) { term *= x / k; sum += term }
    return sum
}
# OLS of Y[1..n] on X[1..n]; results in R[...]
function ols(X, Y, n, R,    i, xb, yb, sxx, sxy, sst, sse, e, df, s2) {
    xb = 0; yb = 0
    for (i = 1; i <= n; i++) { xb += X[i]; yb += Y[i] }
    xb /= n; yb /= n
    sxx = 0; sxy = 0; sst = 0
    for (i = 1; i <= n; i++) {
        sxx += (X[i] - xb) ^ 2
        sxy += (X[i] - xb) * (Y[i] - yb)
        sst += (Y[i] - yb) ^ 2
    }
    R["slope"] = sxy / sxx
    R["intercept"] = yb - R["slope"] * xb
    sse = 0
    for (i = 1; i <= n; i++) { e = Y[i] - R["intercept"] - R["slope"] * X[i]; sse += e * e }
    df = n - 2
    s2 = sse / df
    R["resid_sd"] = sqrt(s2)
    R["se_slope"] = sqrt(s2 / sxx)
    R["se_intercept"] = sqrt(s2 * (1 / n + xb * xb / sxx))
    R["r2"] = sxy * sxy / (sxx * sst)
    R["f_stat"] = (sxy * sxy / sxx) / s2
    R["t_crit"] = t_q975(df)
    R["p_value"] = t_p2(R["slope"] / R["se_slope"], df)
    R["slope_lo"] = R["slope"] - R["t_crit"] * R["se_slope"]
    R["slope_hi"] = R["slope"] + R["t_crit"] * R["se_slope"]
}
BEGIN { PI = atan2(0, -1) }
'

# expect FILE COLUMNS INTERVAL > file
# The expected CSV and JSON figures for the sum of COLUMNS (space-
# separated, € bn) of FILE per period of INTERVAL months (1, 3 or 12).
# Prints "kind<TAB>key<TAB>value", kind: num, p (the p-value) or str.
expect() {
    awk -v cols="$2" -v iv="$3" "$CSVLIB$STATLIB"'
    function label(p) {
        if (iv == 12) return sprintf("%d", p)
        if (iv == 3) return sprintf("%d Q%d", int(p / 4), p % 4 + 1)
        return sprintf("%d-%02d", int(p / 12), p % 12 + 1)
    }
    function num(k, v) { printf "num\t%s\t%.17g\n", k, v }
    function str(k, v) { printf "str\t%s\t%s\n", k, v }
    {
        n = csvsplit($0, f)
        if (FNR == 1) {
            header(f, n, c)
            cy = need(c, "year"); cm = need(c, "month")
            nc = split(cols, cn, " ")
            for (j = 1; j <= nc; j++) cx[j] = need(c, cn[j])
            next
        }
        mk = f[cy] * 12 + f[cm] - 1
        if (lo == "" || mk < lo) lo = mk
        if (hi == "" || mk > hi) hi = mk
        for (j = 1; j <= nc; j++) month[mk] += f[cx[j]] * 1e9
    }
    END {
        if (bad) exit 99
        ppy = 12 / iv
        p0 = int(lo / iv); p1 = int(hi / iv)
        for (p = p0; p <= p1; p++) {
            val[p] = 0
            for (mk = p * iv; mk < (p + 1) * iv; mk++) val[p] += month[mk]
            complete[p] = (p * iv >= lo && (p + 1) * iv - 1 <= hi)
        }
        a = p0; b = p1
        while (a <= b && !complete[a]) a++
        while (b >= a && !complete[b]) b--
        n = 0
        for (p = a; p <= b; p++) { n++; X[n] = p - p0; Y[n] = val[p]; LY[n] = log(val[p]) }
        ols(X, Y, n, R)
        ols(X, LY, n, G)

        num("n", n)
        str("first_period", label(a))
        str("last_period", label(b))
        num("last_value", Y[n])
        num("slope_per_year", R["slope"] * ppy)
        num("slope_per_year_lo", R["slope_lo"] * ppy)
        num("slope_per_year_hi", R["slope_hi"] * ppy)
        num("slope_per_period", R["slope"])
        num("se_slope", R["se_slope"])
        num("intercept", R["intercept"])
        num("se_intercept", R["se_intercept"])
        num("r2", R["r2"])
        printf "p\tp_value\t%.17g\n", R["p_value"]
        num("resid_sd", R["resid_sd"])
        num("growth_pct_per_year", 100 * expm1(G["slope"] * ppy))
        num("growth_lo", 100 * expm1(G["slope_lo"] * ppy))
        num("growth_hi", 100 * expm1(G["slope_hi"] * ppy))

        # calendar years the data covers from January to December
        y0 = int(lo / 12); y1 = int(hi / 12); cur = 0
        for (y = y0; y <= y1; y++) {
            full[y] = (y * 12 >= lo && y * 12 + 11 <= hi)
            tot[y] = 0
            for (mk = y * 12; mk < y * 12 + 12; mk++) tot[y] += month[mk]
            if (full[y]) cur = y
        }
        bf = 0; bt = 0; bs = 0; bk = 0
        for (y = y0; y < cur; y++) if (full[y]) { if (!bf) bf = y; bt = y; bs += tot[y]; bk++ }
        num("current_year", cur)
        num("current_total", tot[cur])
        num("baseline_from", bf)
        num("baseline_to", bt)
        num("baseline_mean", bs / bk)
        num("change_pct", (tot[cur] / (bs / bk) - 1) * 100)

        # from the JSON
        num("json:t_crit", R["t_crit"])
        num("json:f_stat", R["f_stat"])
        num("json:slope_lo", R["slope_lo"])
        num("json:slope_hi", R["slope_hi"])
        num("json:growth_r2", G["r2"])
        num("json:fitted_first", a - p0)
        num("json:fitted_count", n)
        s = ""
        for (p = p0; p <= p1; p++) s = s (p > p0 ? "," : "") (complete[p] ? "true" : "false")
        str("json:complete", s)
        num("json:periods", p1 - p0 + 1)
    }' "$1"
}

# actual CSV JSON > file: "key<TAB>value" from aidstat's trend CSV (its
# one data row) and from the JSON of the same selection.
actual() {
    awk "$CSVLIB"'
    FNR == NR {
        n = csvsplit($0, f)
        if (FNR == 1) { for (i = 1; i <= n; i++) h[i] = f[i]; nh = n; next }
        rows++
        if (n != nh) printf "fields\t%d of %d\n", n, nh
        for (i = 1; i <= n; i++) printf "%s\t%s\n", h[i], f[i]
        next
    }
    # the JSON: one "key": value object per line for the trend and growth
    /"trend": \{/ { obj = "trend" }
    /"growth": \{/ { obj = "growth" }
    /"fitted": \{/ {
        s = $0
        sub(/.*"first": */, "", s); sub(/[,}].*/, "", s); printf "json:fitted_first\t%s\n", s
        s = $0
        sub(/.*"count": */, "", s); sub(/[,}].*/, "", s); printf "json:fitted_count\t%s\n", s
    }
    /"complete": \[/ {
        s = $0
        sub(/.*"complete": \[/, "", s); sub(/\].*/, "", s); gsub(/ /, "", s)
        printf "json:complete\t%s\n", s
    }
    /"periods": \[/ {
        s = $0
        sub(/.*"periods": \[/, "", s); sub(/\].*/, "", s)
        printf "json:periods\t%d\n", gsub(/"[^"]*"/, "", s)
    }
    obj != "" {
        s = $0
        if (obj == "trend") sub(/.*"trend": \{/, "", s); else sub(/.*"growth": \{/, "", s)
        sub(/\}.*/, "", s)
        m = split(s, kv, ", ")
        for (i = 1; i <= m; i++) {
            split(kv[i], p, ": ")
            k = p[1]; gsub(/"/, "", k)
            if (obj == "growth") k = "growth_" k
            printf "json:%s\t%s\n", k, p[2]
        }
        obj = ""
    }
    END { printf "rows\t%d\n", rows }' "$1" "$2"
}

# same WHAT EXPECTED ACTUAL: every expected key must be in the actual
# output, numbers within relative 1e-9 (p-values 1e-6, or 1e-12 absolute),
# text equal. Prints each mismatch.
same() {
    if awk -F '\t' -v what="$1" '
    function abs(x) { return x < 0 ? -x : x }
    FNR == NR { kind[$2] = $1; e[$2] = $3; order[++ne] = $2; next }
    { a[$1] = $2; seen[$1]++ }
    END {
        for (i = 1; i <= ne; i++) {
            k = order[i]
            if (!(k in a)) { printf "  %s: %s expected %s, actual: missing\n", what, k, e[k]; bad++; continue }
            if (seen[k] > 1) { printf "  %s: %s appears %d times\n", what, k, seen[k]; bad++ }
            if (kind[k] == "str") {
                if (a[k] != e[k]) { printf "  %s: %s expected \"%s\", actual \"%s\"\n", what, k, e[k], a[k]; bad++ }
                continue
            }
            if (a[k] !~ /^-?[0-9]/) { printf "  %s: %s expected %s, actual \"%s\"\n", what, k, e[k], a[k]; bad++; continue }
            x = e[k] + 0; y = a[k] + 0; d = abs(y - x)
            ok = (kind[k] == "p") ? (d <= 1e-6 * abs(x) || (abs(x) < 1e-6 && d <= 1e-12)) \
                                  : (d <= 1e-9 * abs(x))
            if (!ok) {
                printf "  %s: %s expected %.17g, actual %.17g (relative difference %.3g)\n",
                    what, k, x, y, (x == 0 ? d : d / abs(x)); bad++
            }
        }
        if (a["rows"] != 1) { printf "  %s: %s data rows in the CSV, expected 1\n", what, a["rows"]; bad++ }
        if ("fields" in a) { printf "  %s: a CSV row has %s fields\n", what, a["fields"]; bad++ }
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

# ------------------------------------------------------------ checks
# The t quantile this script computes, against the known value.
if awk "$STATLIB"'BEGIN { q = t_q975(50); want = 2.0085591121007611
                          exit !(abs(q - want) <= 1e-13 * want) }'; then
    pass "Student t 0.975 quantile, 50 df, by bisection = 2.0085591121007611"
else
    fail "Student t 0.975 quantile, 50 df: bisection does not give 2.0085591121007611"
fi
# and at 15 and 2 df (mpmath to 30 digits: 2.13144954555977568...,
# 4.30265272974946385...; tables: 2.131, 4.303)
if awk "$STATLIB"'BEGIN { exit !(abs(t_q975(15) - 2.1314495455597757) < 1e-13 && abs(t_q975(2) - 4.3026527297494639) < 1e-13) }'; then
    pass "Student t 0.975 quantiles, 15 and 2 df"
else
    fail "Student t 0.975 quantiles, 15 and 2 df"
fi

# The release the source column must name.
release=$(awk "$CSVLIB"'NR == 2 { csvsplit($0, f); print f[4] }' "$RI")

# check WHAT FILE COLUMNS INTERVAL-MONTHS TYPE INTERVAL-NAME AIDSTAT-ARGS...
check() {
    what=$1 file=$2 cols=$3 months=$4 type=$5 ivname=$6
    shift 6
    expect "$file" "$cols" "$months" >"$tmp/e" || { fail "$what: expectation failed"; return; }
    {
        printf 'str\tgroup\tTotal\n'
        printf 'str\tmeasure\tallocation\n'
        printf 'str\ttype\t%s\n' "$type"
        printf 'str\tunit\tEUR\n'
        printf 'str\tinterval\t%s\n' "$ivname"
        printf 'str\tprice_basis\tnominal\n'
        printf 'str\tsource\tKiel Institute, %s\n' "$release"
    } >>"$tmp/e"
    if run "$tmp/o.csv" trend "$file" --format csv "$@" && run "$tmp/o.json" trend "$file" --format json "$@"; then
        actual "$tmp/o.csv" "$tmp/o.json" >"$tmp/a"
        same "$what" "$tmp/e" "$tmp/a"
    fi
}

check "total_allocations.csv, monthly, all types" "$TA" "military financial humanitarian" 1 "all types" month
check "total_allocations.csv, monthly, military" "$TA" military 1 military month --type military
check "data_explorer.csv, quarterly, military" "$DE" military 3 military quarter --type military --interval quarter

# The quarterly run must say that 2026 Q2 is incomplete and left out.
if run "$tmp/o.txt" trend "$DE" --type military --interval quarter; then
    if grep -q '^Note: the last period, 2026 Q2, is incomplete: the data ends in Apr 2026$' "$tmp/o.txt" &&
        grep -q '^Fitted: 2022 Q1 – 2026 Q1 (17 quarters)$' "$tmp/o.txt"; then
        pass "quarterly: 2026 Q2 noted as incomplete, 2022 Q1 – 2026 Q1 fitted"
    else
        fail "quarterly: the note on 2026 Q2 or the fitted span is missing"
    fi
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
