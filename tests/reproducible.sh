#!/bin/sh
# Reproducible output (issue 14, item 1): with SOURCE_DATE_EPOCH or --date,
# two runs a second apart give byte-identical files (cmp) for the report
# and for every chart kind in every format; the date lands in the PDF's
# CreationDate/ModDate, PostScript's %%CreationDate and the report's
# printed date; a bad SOURCE_DATE_EPOCH or --date is refused.
#
# Exit: 0 pass, 1 fail, 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# 1700000000 is 2023-11-14 22:13:20 UTC (date -u -d @1700000000)
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
"$AIDSTAT" report -q -o "$tmp/r1.pdf" || exit 99
sleep 1
"$AIDSTAT" report -q -o "$tmp/r2.pdf" || exit 99
check "report: same bytes twice" cmp -s "$tmp/r1.pdf" "$tmp/r2.pdf"
check "report: CreationDate from SOURCE_DATE_EPOCH" \
    sh -c "pdfinfo -isodates '$tmp/r1.pdf' | grep -q '^CreationDate: *2023-11-14T22:13:20'"
check "report: ModDate from SOURCE_DATE_EPOCH" \
    sh -c "pdfinfo -isodates '$tmp/r1.pdf' | grep -q '^ModDate: *2023-11-14T22:13:20'"
check "report: printed date from SOURCE_DATE_EPOCH" \
    sh -c "pdftotext -l 1 '$tmp/r1.pdf' - | grep -q '14 November 2023'"

# every kind and format twice, a second apart
mkdir "$tmp/a" "$tmp/b" || exit 99
for run in a b; do
    for kind in bar stacked grouped column line area dumbbell scatter; do
        for fmt in pdf svg png ps eps; do
            "$AIDSTAT" chart "$kind" -o "$tmp/$run/$kind.$fmt" >/dev/null 2>&1
        done
    done
    [ $run = a ] && sleep 1
done
for kind in bar stacked grouped column line area dumbbell scatter; do
    for fmt in pdf svg png ps eps; do
        if [ ! -s "$tmp/a/$kind.$fmt" ]; then
            fail "chart $kind .$fmt: written"
        else
            check "chart $kind .$fmt: same bytes twice" cmp -s "$tmp/a/$kind.$fmt" "$tmp/b/$kind.$fmt"
        fi
    done
done
check "PostScript: %%CreationDate from SOURCE_DATE_EPOCH" \
    grep -q '^%%CreationDate: Tue Nov 14 22:13:20 2023$' "$tmp/a/bar.eps"

# --date wins over SOURCE_DATE_EPOCH, for the printed date too
"$AIDSTAT" report -q --date 2026-04-30 -o "$tmp/r3.pdf" || exit 99
check "report --date: CreationDate" \
    sh -c "pdfinfo -isodates '$tmp/r3.pdf' | grep -q '^CreationDate: *2026-04-30T00:00:00'"
check "report --date: printed date" sh -c "pdftotext -l 1 '$tmp/r3.pdf' - | grep -q '30 April 2026'"

# a date written in the front matter as YYYY-MM-DD is the PDF's date
printf -- '---\ntitle: T\ndate: 2025-01-31\n---\n\nText.\n' >"$tmp/s.md"
"$AIDSTAT" report -q -o "$tmp/r4.pdf" "$tmp/s.md" || exit 99
check "front matter date: CreationDate" \
    sh -c "pdfinfo -isodates '$tmp/r4.pdf' | grep -q '^CreationDate: *2025-01-31T00:00:00'"

# refused
out=$(SOURCE_DATE_EPOCH=soon "$AIDSTAT" chart bar -o "$tmp/x.pdf" 2>&1)
check "bad SOURCE_DATE_EPOCH refused" test "$?" = 1 -a \
    "$out" = 'aidstat: SOURCE_DATE_EPOCH "soon": not a whole number of seconds since 1970'
out=$("$AIDSTAT" report --date 2026-02-30 -o "$tmp/x.pdf" 2>&1)
check "bad --date refused" test "$?" = 1 -a "$out" = 'aidstat: --date "2026-02-30": a date YYYY-MM-DD from 1970 on'
check "nothing written when refused" test ! -e "$tmp/x.pdf"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
