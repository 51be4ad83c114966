#!/bin/sh
# Period words in a report's prose equal the period of the chart beside
# them (issue 14, item 4): `{{ first/latest ... interval=I }}` and a chart
# of the same selection at interval I both read the complete periods of
# one series from src/stats (aidstat_series_complete_period).
#
# tests/data/periods-report.md over tests/data/periods.csv, whose first
# month (Jan 2023) has financial aid only and whose last month (Aug 2023)
# ends a quarter early, is rendered and read back with pdftotext. The
# expected periods are worked out here with awk from the CSV, never from
# aidstat's output:
#  - a chart over time begins with the period of the selection's first
#    record and ends with the data's last, cut to whole periods of the data
#    (stats/series.c): quarters Jan 2023 - Jun 2023, months Feb 2023 -
#    Aug 2023; each chart's subtitle and the prose line beside it name that
#    period;
#  - without interval=, first and latest name the selection's own records
#    (military: Feb 2023 - Aug 2023).
#
# Environment (set by `make check`): AIDSTAT, TESTDATA, SRCDIR.
# Needs pdftotext (poppler-utils), awk.
# Exit: 0 pass, 1 fail, 77 skip (pdftotext missing), 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${TESTDATA:?TESTDATA is not set}"
: "${SRCDIR:?SRCDIR is not set}"

command -v pdftotext >/dev/null 2>&1 || { echo "SKIP: pdftotext is not installed"; exit 77; }
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }
. "$SRCDIR/tests/testlib.sh"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
LC_ALL=C.UTF-8
export LC_ALL

"$AIDSTAT" report -q "$TESTDATA/periods-report.md" -o "$tmp/p.pdf" || { echo "ERROR: report failed"; exit 99; }
pdftotext -layout "$tmp/p.pdf" "$tmp/p.txt" || exit 99

# The oracle: months as year*12+month-1 over the allocation records (all,
# and military), whole quarters within the months of all records.
set -- $(awk -F, '
function name(k,   m) { m = k % 12; return substr("JanFebMarAprMayJunJulAugSepOctNovDec", m * 3 + 1, 3) " " int(k / 12) }
NR > 1 && $6 == "allocation" {
    k = $3 * 12 + $4 - 1
    if (lo == "" || k < lo) lo = k
    if (hi == "" || k > hi) hi = k
    if ($5 == "military") { if (mlo == "" || k < mlo) mlo = k; if (mhi == "" || k > mhi) mhi = k }
}
END {
    q0 = lo; while (q0 % 3) q0++            # first month of the first whole quarter
    qs = mlo - mlo % 3                      # or the start of the quarter of the first military record, if later
    if (qs > q0) q0 = qs
    q1 = hi; while ((q1 + 1) % 3) q1--      # last month of the last whole quarter
    printf "%s|%s|%s|%s|%s|%s\n", name(q0), name(q1), name(mlo > lo ? mlo : lo), name(hi), name(mlo), name(mhi)
}' "$TESTDATA/periods.csv" | tr ' ' '_' | tr '|' ' ')
q0=$(echo "$1" | tr _ ' '); q1=$(echo "$2" | tr _ ' ')
m0=$(echo "$3" | tr _ ' '); m1=$(echo "$4" | tr _ ' ')
r0=$(echo "$5" | tr _ ' '); r1=$(echo "$6" | tr _ ' ')

has() { grep -qF -- "$1" "$tmp/p.txt"; }
check "prose beside the quarterly chart: from $q0 to $q1" has "QUARTERS: from $q0 to $q1."
check "the quarterly chart's subtitle: $q0 – $q1" has "per quarter, nominal, $q0 – $q1"
check "prose beside the monthly chart: from $m0 to $m1" has "MONTHS: from $m0 to $m1."
check "the monthly chart's subtitle: $m0 – $m1" has "per month, nominal, $m0 – $m1"
check "without interval=, the records' own months: $r0 to $r1" has "RECORDS: from $r0 to $r1."
check "the oracle is not trivial (the quarters end before the records)" test "$q1" != "$r1"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
