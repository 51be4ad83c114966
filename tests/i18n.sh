#!/bin/sh
# German through GNU gettext (--lang de, LANGUAGE): messages, labels,
# German country and region names, months and number formats for people;
# CSV and JSON byte for byte the same in any language. Figures come from
# python3 reading the embedded CSV, not from aidstat.
. "$SRCDIR/tests/testlib.sh"
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
[ -f "$AIDSTAT_LOCALEDIR/de/LC_MESSAGES/aidstat.mo" ] || { echo "SKIP: no German catalogue in $AIDSTAT_LOCALEDIR"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$SRCDIR/datasets/kiel-ust-r29.csv

# the same selection through the machine formats: identical in German
for args in "compare --format csv" "compare --format json --top 5" "compare --by type --format csv" \
    "compare --by region --format tsv" "compare --by donor --by measure --format csv --top 3" \
    "trend --by type --format csv" "trend --format json"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $args >"$tmp/en" 2>&1
    # shellcheck disable=SC2086
    "$AIDSTAT" --lang de $args >"$tmp/de" 2>&1
    check "$args: the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
    check "$args: numbers keep the decimal point" sh -c '! grep -q "[0-9],[0-9][0-9]*[0-9]\b.*,.*," "$1" || grep -q "\"" "$1"' sh "$tmp/de"
done

# machine formats of what is worded for people in German: a basis with
# exchange rates, a series of all records (Total), a source not stated for
# some records, a SIPRI selection, per-milex notes, data without dates,
# diff notes; stdout only (warnings are messages)
for args in "compare --currency USD --rates $SHARED/fed-exchange-rates/monthly.csv --format json $TESTDATA/compare-stats.csv" \
    "trend --interval year --format json $TESTDATA/trend-years.csv" \
    "trend --interval year --series --format csv $TESTDATA/trend-years.csv" \
    "compare --format json $TESTDATA/clean.csv $TESTDATA/kiel-explorer.csv" \
    "compare --format json $TESTDATA/sipri-register.csv --donor Germany --by year" \
    "compare --format json $TESTDATA/readme-example.csv --per milex --milex $TESTDATA/xlsx/milex-mini.xlsx --rates $SHARED/ecb-eurofxref/eurofxref-hist.csv" \
    "compare --format csv --top 3 $SHARED/kiel-ust-web-r29/weapons.csv" \
    "diff --format json --measure commitment --from 2022 --to 2022 $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx $SHARED/kiel-ust-web-r29/data_explorer.csv" \
    "diff --format csv $TESTDATA/diff-old.csv $TESTDATA/diff-new.csv" \
    "compare --by sourcing --format csv $SHARED/kiel-ust-web-r29/procurement_trends.csv" \
    "compare --by quarter --format csv $TESTDATA/bom.csv" \
    "compare --format json --eu-attribution --by donor,type $TESTDATA/xlsx/eukey-mini.xlsx" \
    "compare --heavy-weapons --format json $SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $args >"$tmp/en" 2>/dev/null
    # shellcheck disable=SC2086
    "$AIDSTAT" --lang de $args >"$tmp/de" 2>/dev/null
    check "${args%% *} ... ${args##*/}: the same bytes under --lang de" sh -c 'test -s "$1" && cmp -s "$1" "$2"' sh "$tmp/en" "$tmp/de"
done

# German names for people: the table's rows
"$AIDSTAT" --lang de compare --top 5 >"$tmp/table"
for s in "Vereinigte Staaten" "Deutschland" "Vereinigtes Königreich" "Kanada" "Übrige (37)" "Gesamt" \
    "Jan. 2022 – Apr. 2026"; do
    check "compare --lang de shows \"$s\"" grep -qF "$s" "$tmp/table"
done
check "compare --lang de: no English donor left" sh -c '! grep -E "United States|Germany|Others" "$1"' sh "$tmp/table"
check "LANGUAGE=de switches too" sh -c 'LANGUAGE=de "$1" compare --top 3 | grep -q "Vereinigte Staaten"' sh "$AIDSTAT"
check "LC_ALL=C ignores LANGUAGE (POSIX)" sh -c 'LC_ALL=C LANGUAGE=de "$1" compare --top 3 | grep -q "United States"' sh "$AIDSTAT"
check "--lang en wins over LANGUAGE=de" sh -c 'LANGUAGE=de "$1" --lang en compare --top 3 | grep -q "United States"' sh "$AIDSTAT"
"$AIDSTAT" --lang de compare --by region >"$tmp/regions"
for s in "NATO-Mitglieder" "Europa" "EU-Mitglieder und -Institutionen"; do
    check "compare --by region --lang de shows \"$s\"" grep -qF "$s" "$tmp/regions"
done
"$AIDSTAT" --lang de trend --by type >"$tmp/trend"
for s in Militärisch Finanziell Humanitär; do
    check "trend --by type --lang de shows $s" grep -q "^$s " "$tmp/trend"
done
"$AIDSTAT" --lang de compare --from 2024-03 --to 2024-03 >"$tmp/march"
check "a month in German: März 2024" grep -q "^Zeitraum: März 2024$" "$tmp/march"

# numbers and money in German: chart --alt against python's sums
"$AIDSTAT" --lang de chart bar --top 5 -o "$tmp/c.svg" --alt >"$tmp/alt" 2>&1
want=$(python3 - "$data" <<'PY'
import csv, sys
tot = {}
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if r['measure'] == 'allocation':
        tot[r['iso3']] = tot.get(r['iso3'], 0.0) + float(r['value'])
def de(x):
    s = '%.1f' % (x / 1e9)
    i, d = s.split('.')
    return '{:,}'.format(int(i)).replace(',', '.') + ',' + d + ' Mrd. €'
print('EU (Kommission und Rat): %s. Deutschland: %s.' % (de(tot['EU']), de(tot['DEU'])))
PY
)
check "chart --alt --lang de: \"$want\"" grep -qF "$want" "$tmp/alt"
check "chart --alt --lang de: German names" grep -qF "Vereinigte Staaten: " "$tmp/alt"

# messages and errors
"$AIDSTAT" --lang de compare --donor Germny >"$tmp/out" 2>"$tmp/err"
code=$?
check "an error in German, exit 1" sh -c '[ "$1" = 1 ] && [ "$(cat "$2")" = "aidstat: --donor „Germny“: diesen Geber gibt es nicht; ist Germany gemeint?" ]' sh "$code" "$tmp/err"
"$AIDSTAT" --lang de diff --format xml "$data" "$data" >/dev/null 2>"$tmp/err"
check "--format error in German" grep -qx 'aidstat: --format „xml“: table, csv, tsv, json oder markdown angeben' "$tmp/err"
"$AIDSTAT" --lang fr compare >/dev/null 2>"$tmp/err"
code=$?
check "--lang fr: refused, exit 1" sh -c '[ "$1" = 1 ] && grep -qx "aidstat: --lang \"fr\": en or de" "$2"' sh "$code" "$tmp/err"
"$AIDSTAT" --lang de bogus >/dev/null 2>"$tmp/err"
check "unknown command in German" grep -qx 'aidstat: unbekannter Befehl „bogus“' "$tmp/err"
"$AIDSTAT" --lang=de --help >"$tmp/help"
check "--lang=de --help: German usage" grep -q "^Aufruf: aidstat" "$tmp/help"

# a spec of one's own stays in its language (English, no lang: key) under
# --lang de; the message that it was written follows --lang (the built-in
# report has a German twin: tests/lang-de.sh)
if command -v pdftotext >/dev/null; then
    "$AIDSTAT" --lang de report "$SRCDIR/reports/ukraine-support.md" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err"
    pdftotext "$tmp/r.pdf" "$tmp/r.txt"
    check "report --lang de: English names in the English report" sh -c 'grep -q "United States" "$1" && ! grep -q "Vereinigte Staaten" "$1"' sh "$tmp/r.txt"
    check "report --lang de: German message" grep -qx "aidstat: $tmp/r.pdf geschrieben" "$tmp/err"
fi

# the tables behind the names
check "every country has a German short name (not \"Korea, Republik\")" python3 -c '
import csv, sys
import re
inverted = re.compile(r", (Republik|Staat|Demokratische|Islamische|Föderierte|Chinesische|Vereinigte|Bolivarische|Plurinationaler|Arabische)")
bad = [r["code"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if not r["german"].strip() or inverted.search(r["german"])]
sys.exit(1 if bad else 0)' "$SRCDIR/datasets/countries.csv"
for name in $(python3 -c '
import csv, sys
seen = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["name"] not in seen: seen.append(r["name"])
print("\n".join(n.replace(" ", "_") for n in seen))' "$SRCDIR/datasets/regions.csv"); do
    n=$(echo "$name" | tr _ ' ')
    check "region \"$n\" is listed for translation" grep -qF "NC_(\"region\", \"$n\")" "$SRCDIR/src/data/region.c"
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
