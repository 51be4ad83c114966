#!/bin/sh
# German titles, headings, footer lines and numbers of compare, trend and
# chart --alt (--lang de): the words checked exactly, the figures against
# python3's own sums of the embedded CSV written in German by the test;
# CSV and JSON of the same selections byte for byte the English ones.
. "$SRCDIR/tests/testlib.sh"
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
[ -f "$AIDSTAT_LOCALEDIR/de/LC_MESSAGES/aidstat.mo" ] || { echo "SKIP: no German catalogue in $AIDSTAT_LOCALEDIR"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$SRCDIR/datasets/kiel-ust-r29.csv

# compare: the table of military allocations by donor
"$AIDSTAT" --lang de compare --type military --top 5 >"$tmp/cmp"
check "compare: German title" grep -qx "Militärische Hilfe: Bereitstellungen nach Geber, Mrd. €" "$tmp/cmp"
check "compare: German headings" grep -qE "^Rang +Geber +Mrd\. € +Anteil +Kum\.$" "$tmp/cmp"
for line in "Messgröße: Bereitstellungen" "Art: militärisch" "Einheit: Mrd. € (EUR, nominal: jeweilige Preise)" \
    "Zeitraum: Jan. 2022 – Apr. 2026"; do
    check "compare: \"$line\"" grep -qxF "$line" "$tmp/cmp"
done
check "compare: Quelle line" grep -q "^Quelle: Kiel Institute" "$tmp/cmp"
check "compare: no English words left" sh -c '! grep -E "Measure|Type:|Unit|Period|Source|Records|Rank|Share|Total| by |billion|nominal: current" "$1"' sh "$tmp/cmp"
python3 - "$data" >"$tmp/want" <<'PY'
import csv, sys
tot, n = {}, 0
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if r['type'] == 'military' and r['measure'] == 'allocation':
        tot[r['iso3']] = tot.get(r['iso3'], 0.0) + float(r['value'])
        n += 1
def de(x, d=2):
    i, f = ('%.*f' % (d, x)).split('.')
    return '{:,}'.format(int(i)).replace(',', '.') + ',' + f
all_ = sum(tot.values())
print('Deutschland %s %s' % (de(tot['DEU'] / 1e9), de(100 * tot['DEU'] / all_, 1) + ' %'))
print('Gesamt %s' % de(all_ / 1e9))
print('Einträge: %d verwendet' % n)
PY
sed 's/  */ /g; s/^ //' "$tmp/cmp" >"$tmp/cmp1"
while IFS= read -r want; do
    check "compare: \"$want\" (python)" grep -qF "$want" "$tmp/cmp1"
done <"$tmp/want"

# trend: the yearly table by type
"$AIDSTAT" --lang de trend --by type --interval year >"$tmp/trend"
check "trend: German title" grep -qx "Hilfe: Bereitstellungen nach Art (Trend), jährlich, Mrd. €" "$tmp/trend"
check "trend: German headings" grep -qE "^Art +n +Zuletzt \(2025\) +Steigung/J\. +95-%-KI +Wachstum %/J\. +95-%-KI +R² +2025 ggü\. 2022–2024$" "$tmp/trend"
for line in "Art: alle Arten" "Einheit: Mrd. € pro Jahr (EUR, nominal: jeweilige Preise)" \
    "Schätzzeitraum: 2022 – 2025 (4 Jahre)" "Veränderung: Summe 2025 gegenüber dem Durchschnitt 2022–2024" \
    "Hinweis: der letzte Zeitraum, 2026, ist unvollständig: die Daten enden mit Apr. 2026"; do
    check "trend: \"$line\"" grep -qxF "$line" "$tmp/trend"
done
python3 - "$data" >"$tmp/want" <<'PY'
import csv, sys
tot = {}
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if r['measure'] == 'allocation' and r['year'] == '2025':
        tot[r['type']] = tot.get(r['type'], 0.0) + float(r['value'])
for t, name in (('military', 'Militärisch'), ('financial', 'Finanziell'), ('humanitarian', 'Humanitär')):
    print('%s 4 %s' % (name, ('%.2f' % (tot[t] / 1e9)).replace('.', ',')))
PY
sed 's/  */ /g' "$tmp/trend" >"$tmp/trend1"
while IFS= read -r want; do
    check "trend: \"$want\" (python: the 2025 total)" grep -qF "$want " "$tmp/trend1"
done <"$tmp/want"
check "trend: no English words left" sh -c '! grep -E "Trend of|Measure|Unit|Fitted|Slope|Source|Records| to [0-9-]|yearly|billion|incomplete" "$1"' sh "$tmp/trend"

# chart --alt: kind, title, subtitle and money in German
"$AIDSTAT" --lang de chart bar --type military --top 5 --alt >"$tmp/alt"
de_de=$(python3 - "$data" <<'PY'
import csv, sys
t = sum(float(r['value']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))
        if r['type'] == 'military' and r['measure'] == 'allocation' and r['iso3'] == 'DEU')
print(('%.1f' % (t / 1e9)).replace('.', ',') + ' Mrd. €')
PY
)
check "chart --alt: German kind and title" grep -q "^Balkendiagramm: Militärische Hilfe: Bereitstellungen nach Geber\. Militärische Hilfe: Bereitstellungen, Mrd\. €, nominal, Jan\. 2022 – Apr\. 2026\. " "$tmp/alt"
check "chart --alt: Deutschland: $de_de (python)" grep -qF "Deutschland: $de_de." "$tmp/alt"
check "chart --alt: Quelle" grep -qF ". Quelle: Kiel Institute" "$tmp/alt"

# machine outputs of the same selections: the English bytes
for args in "compare --type military --top 5 --format csv" "compare --type military --format json" \
    "trend --by type --interval year --format csv" "trend --by type --interval year --series --format json"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $args >"$tmp/en" 2>&1
    # shellcheck disable=SC2086
    "$AIDSTAT" --lang de $args >"$tmp/de" 2>&1
    check "$args: the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
done
# English tables keep English words and points
"$AIDSTAT" compare --type military --top 5 >"$tmp/en"
check "English compare unchanged in words" grep -qx "Military aid allocations by donor, € billion" "$tmp/en"
check "English compare keeps the decimal point" grep -qE "Germany +24\.21 +14\.0 %" "$tmp/en"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
