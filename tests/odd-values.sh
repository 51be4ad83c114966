#!/bin/sh
# Odd values never become plausible numbers (issue 11, item 5). Inputs are
# generated here (NULs and zero-width characters do not live well in the
# tree); every figure is computed again in python3 from the same input,
# never pasted from aidstat's output; every message is asserted exactly.
# Environment (set by `make check`): AIDSTAT, TESTDATA, SHARED (optional).
set -u
: "${AIDSTAT:?}" "${TESTDATA:?}"
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

printf 'donor,year,value\nGermany,2022,1e308\nFrance,2022,1e308\nFrance,2022,1e308\nFrance,2023,1\nFrance,2024,1\n' >over3.csv
run trend --by donor --interval year over3.csv
expect "a series whose sum overflows is an error naming the group and period" 4 \
'aidstat: the sum for "France" in 2022 is too large to compute (it overflows a double, beyond 1.8e308): check the values'"'"' unit'

# ---- NUL and control characters reject the row; invisible characters leave names
printf 'donor,year,value,note\n"1\0 0000",2022,1,\nGermany,2022,"1\0 0000",\n"Germany\0 (East)",2022,5,\nGer\342\200\213many,2022,7,\n\357\273\277France,2022,3,"a\nb"\n"Ita\001ly",2022,4,\nGermany,2023,2,"x\0y"\n' >ctl.csv
run check ctl.csv
sed -n '/rejected rows by reason/,$p;/zero-width/p' out >out2 && mv out2 out
expect "NUL and control characters reject rows with their reason; invisibles are counted" 0 \
'  note:     2 zero-width characters or byte-order marks removed from names (the first on line 5)
  rejected rows by reason:
    NUL character inside the field (column "donor"): 2 rows, lines 2, 4; first: "1\0 0000"
    NUL character inside the field (column "value"): 1 row, line 3; first: "1\0 0000"
    control character U+0001 inside the field (column "donor"): 1 row, line 8; first: "Ita\x01ly"'
run compare ctl.csv --format csv
got=$(grep -v "^aidstat:" out | cut -d, -f2,4 | tail -n +2)
want=$(python3 - <<'PY'
import csv, collections
tot = collections.OrderedDict()
with open("ctl.csv", newline="", encoding="utf-8") as fp:
    rows = list(csv.reader(fp))
for r in rows[1:]:
    if any(ord(ch) < 0x20 or ord(ch) == 0x7f for ch in r[0] + r[1] + r[2]):
        continue
    name = "".join(ch for ch in r[0] if ch not in "\u200b\u200c\u200d\u2060\ufeff")
    tot[name] = tot.get(name, 0) + float(r[2])
for k, v in sorted(tot.items(), key=lambda kv: -kv[1]):
    print("%s,%g" % (k, v))
PY
)
if [ "$got" = "$want" ]; then ok "the rows left give the python totals ($(echo $want))"
else no "totals after rejections: got [$got], want [$want]"; fi

# a SIPRI TIV table's loader reads its own rows: a NUL there stops the load
python3 -c "
s = open('$TESTDATA/sipri-tiv.csv').read().split('\n')
s[10] = 'Korea\x00 South,10,20,30,,61'
open('tivnul.csv', 'w').write('\n'.join(s))"
run compare tivnul.csv
expect "a NUL in a SIPRI TIV row stops the load" 2 'aidstat: tivnul.csv:11:1: NUL character inside the field "Korea\0 South"'

# ---- thousands separators in ';' files, decided by column
printf 'donor;year;military;financial\nGermany;2022;1.500;2,5\nFrance;2022;2.250;3\nItaly;2023;1.250,5;4\nAustria;2023;12.345.678;0,25\n' >semi.csv
run compare semi.csv --by donor --format csv
got=$(grep -v '^aidstat:' out | cut -d, -f2,4 | tail -n +2 | sort)
want=$(python3 - <<'PY'
import csv, re
rows = list(csv.reader(open("semi.csv", encoding="utf-8"), delimiter=";"))
head, body = rows[0], rows[1:]
def comma_column(vals):
    # the column's own proof: a comma after a dot, two dots, or a comma not followed by 3 digits
    return any(re.search(r"\..*,", v) or v.count(".") > 1 or re.search(r",(\d{1,2}|\d{4,})$", v) for v in vals)
tot = {}
for j in (2, 3):
    vals = [r[j] for r in body]
    comma = comma_column(vals)
    for r in body:
        v = r[j].replace(".", "").replace(",", ".") if comma else r[j].replace(",", "")
        tot[r[0]] = tot.get(r[0], 0) + float(v)
for k in sorted(tot):
    print("%s,%s" % (k, repr(tot[k]).rstrip("0").rstrip(".") if "e" not in repr(tot[k]) else repr(tot[k])))
PY
)
if [ "$(cat code)" = 0 ] && [ "$got" = "$want" ]; then ok "a ';' file's 1.500 is 1500 when its column shows the decimal comma"
else no "';' thousands: got [$got], want [$want]"; fi

# the decision waits at most 1000 rows: a proof after that comes too late
{ echo 'donor;year;value'; i=0; while [ $i -lt 1001 ]; do echo "Germany;2022;1.500"; i=$((i + 1)); done
  echo 'France;2022;1.250,5'; } >late.csv
run compare late.csv
expect "an undecided column waits at most 1000 rows" 2 \
'aidstat: late.csv:2:3: column "value" does not show its decimal mark: "1.500" is a thousand times more with a decimal comma than with a decimal point, and no value in the 1000 rows from there settles it (as "1.250,5" or "2,5" would); state the decimal mark with --decimal-comma or --decimal-point'
{ echo 'donor;year;value'; i=0; while [ $i -lt 999 ]; do echo "Germany;2022;1.500"; i=$((i + 1)); done
  echo 'France;2022;1.250,5'; } >soon.csv
run compare soon.csv --format csv
got=$(grep -v '^aidstat:' out | cut -d, -f2,4 | tail -n +2 | sort)
want=$(python3 -c 'print("France,1250.5"); print("Germany,%d" % (999 * 1500))')
if [ "$(cat code)" = 0 ] && [ "$got" = "$want" ]; then ok "a proof within 1000 rows decides the rows before it"
else no "proof within the look-ahead: got [$got], want [$want]"; fi

# ---- a record coarser than the period: kept only when wholly inside, and said so
cp "$TESTDATA/year-only.csv" .
for sel in "--from 2022-06" "--to 2022-05"; do
    run compare $sel year-only.csv
    got=$(grep '^Note: .* reach' out)
    want=$(python3 - "$sel" <<'PY'
import csv, sys
opt, val = sys.argv[1].split()
y, m = map(int, val.split("-"))
key = y * 100 + m
n, s, first = 0, 0.0, None
for r in csv.DictReader(open("year-only.csv")):
    yr = int(r["year"]); mo = int(r["month"]) if r["month"] else 0
    lo = yr * 100 + (mo or 1); hi = yr * 100 + (mo or 12)
    inside = lo >= key if opt == "--from" else hi <= key
    overlap = hi >= key if opt == "--from" else lo <= key
    if overlap and not inside:
        n += 1; s += float(r["value"]); first = first or r["year"]
mon = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"][m - 1]
edge = "start" if opt == "--from" else "end"
print("Note: %d record%s dated by a longer period than the selection's (the first: %s) reach%s across its %s (%s %d) and %s left out, together %g EUR: a record counts only when its whole period lies inside the selection's"
      % (n, "" if n == 1 else "s", first, "es" if n == 1 else "", edge, mon, y, "is" if n == 1 else "are", s))
PY
)
    if [ "$got" = "$want" ]; then ok "compare $sel: the year-only records left out are counted and summed"
    else no "compare $sel: got [$got], want [$want]"; fi
done

# ---- forecasts of amounts stop at zero
cp "$TESTDATA/trend-falling.csv" .
run trend --by donor --interval year --forecast 2 trend-falling.csv
got=$(grep '^United States  2024' out | sed 's/  */ /g')
neg=$(python3 - <<'PY'
import csv
xs, ys = [], []
for r in csv.DictReader(open("trend-falling.csv")):
    if r["donor"] == "United States":
        xs.append(int(r["year"])); ys.append(float(r["value"]))
n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print("negative" if my + b * (2024 - mx) < 0 else "positive")
PY
)
if [ "$neg" = negative ] && [ "$got" = "United States 2024 0.00 0.00 $(echo "$got" | cut -d' ' -f6)" ] &&
    grep -q '^Note: forecasts and their intervals are bounded at zero, as aid amounts are not negative; the straight line falls below zero for United States from 2024$' out
then ok "a falling line's forecast stops at zero (python's OLS goes below), with a note"
else no "forecast bound: line [$got], OLS $neg"; fi

# ---- a yearly average rate from part of a year is refused, naming its months
FED=${SHARED:-}/fed-exchange-rates/monthly.csv
if [ -r "$FED" ]; then
    printf 'donor,year,value\nGermany,2026,1000000\n' >y2026.csv
    run compare --currency USD --yearly-rates --rates "$FED" y2026.csv
    want=$(python3 - "$FED" <<'PY'
import csv, sys
ms = sorted(int(r["Date"][5:7]) for r in csv.DictReader(open(sys.argv[1])) if r["Country"] == "Euro" and r["Date"].startswith("2026-"))
mon = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]
print("aidstat: y2026.csv:2: the EUR to USD rate for 2026 would be an average of %s 2026 to %s 2026 only (%d months in monthly.csv), not of the year" % (mon[ms[0]-1], mon[ms[-1]-1], len(ms)))
PY
)
    expect "a yearly rate from part of the year is refused with its months" 4 "$want"
fi

echo "1..$n"
[ $bad -eq 0 ]
