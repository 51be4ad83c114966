#!/bin/sh
# German notes, selections, pipeline titles and report sources (--lang de):
# the notes the library words with figures in them (donors outside the
# groups, GDP, EU attribution) in German with German money, checked against
# python3's own sums of the embedded CSV; the selection in words; a German
# report without the English sentences these used to leave; the warning for
# a missing catalogue; CSV and JSON byte for byte the English ones.
. "$SRCDIR/tests/testlib.sh"
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
[ -f "$AIDSTAT_LOCALEDIR/de/LC_MESSAGES/aidstat.mo" ] || { echo "SKIP: no German catalogue in $AIDSTAT_LOCALEDIR"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$SRCDIR/datasets/kiel-ust-r29.csv
regions=$SRCDIR/datasets/regions.csv
countries=$SRCDIR/datasets/countries.csv

# the donors outside EU27 and NATO: names, amounts and sum in German (python)
"$AIDSTAT" --lang de compare --by region --region eu27,nato >"$tmp/groups"
python3 - "$data" "$regions" "$countries" >"$tmp/want" <<'PY'
import csv, sys
data, regions, countries = sys.argv[1:4]
members = {r['iso3'] for r in csv.DictReader(open(regions, encoding='utf-8')) if r['region'] in ('eu27', 'nato')}
german = {r['code']: r['german'] for r in csv.DictReader(open(countries, encoding='utf-8'))}
out = {}
for r in csv.DictReader(open(data, encoding='utf-8')):
    if r['measure'] == 'allocation' and r['iso3'] not in members:
        out[r['iso3']] = out.get(r['iso3'], 0.0) + float(r['value'])
def de(x):
    return ('%.2f' % (x / 1e9)).replace('.', ',') + ' Mrd. €'
top = sorted(out, key=lambda k: -abs(out[k]))
shown = ', '.join('%s (%s)' % (german[k], de(out[k])) for k in top[:5])
print('Hinweis: %d Geber gehören keiner der ausgewählten Gruppen an und bleiben unberücksichtigt: %s und %d weitere; '
      'zusammen %s' % (len(out), shown, len(out) - 5, de(sum(out.values()))))
PY
check "groups note in German with German money (python)" grep -qxF "$(cat "$tmp/want")" "$tmp/groups"
check "groups: the selection in words" grep -qxF "Auswahl: Gruppen EU-Mitgliedstaaten (EU27) und NATO-Mitglieder" "$tmp/groups"
check "groups: the overlap note in German" grep -qxF "Hinweis: ein Geber kann mehreren Gruppen angehören: Die Anteile beziehen sich auf die Summe aller ausgewählten Geber und ergeben zusammen nicht 100 %" "$tmp/groups"

# the selection of donors, type, measure and period in words
"$AIDSTAT" --lang de compare --donor Germany,fra --type military,humanitarian --measure allocation --from 2023-06 >"$tmp/sel"
check "selection in German words" grep -qxF "Auswahl: Geber Deutschland und Frankreich; militärische und humanitäre Hilfe; Bereitstellungen; ab Juni 2023" "$tmp/sel"
"$AIDSTAT" compare --donor Germany,fra --type military,humanitarian --measure allocation --from 2023-06 >"$tmp/sel-en"
check "selection in English words" grep -qxF "Selection: donors Germany and France; military and humanitarian aid; allocations; from Jun 2023" "$tmp/sel-en"
"$AIDSTAT" --lang de compare --type military --from 2023 --to 2023 >"$tmp/sel2"
check "selection: one year" grep -qxF "Auswahl: militärische Hilfe; 2023" "$tmp/sel2"

# --per gdp: the GDP year from the data, and the donor without GDP
"$AIDSTAT" --lang de compare --per gdp --top 5 >"$tmp/gdp"
gy=$(python3 - "$data" <<'PY'
import csv, sys
print(sorted({r['gdp_year'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['gdp_year']})[0])
PY
)
check "per gdp: \"BIP: $gy, aus den Daten\" (python)" grep -qxF "Hinweis: BIP: $gy, aus den Daten" "$tmp/gdp"
check "per gdp: the donor without GDP" grep -qxF "Hinweis: kein BIP in den Daten für EU (Kommission und Rat): als k. A. gezeigt und nicht in der Summe enthalten" "$tmp/gdp"
check "per gdp: German unit" grep -qxF "Hilfe: Bereitstellungen nach Geber, % des BIP des Gebers" "$tmp/gdp"
check "per gdp: the rows not shown" grep -qxF "Hinweis: 37 weitere Zeilen nicht gezeigt (--top 5)" "$tmp/gdp"

# the EU attribution caveat: German, with the number of EU records (python)
"$AIDSTAT" --lang de compare --eu-attribution --top 3 >"$tmp/eu"
neu=$(python3 - "$data" <<'PY'
import csv, sys
print(sum(1 for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['iso3'] == 'EU'))
PY
)
check "EU attribution caveat in German ($neu records, python)" grep -qF "Hinweis: einschließlich zugerechneter EU-Hilfe: Die Hilfe der EU-Institutionen ($neu Einträge) wird den 27 Mitgliedstaaten nach den Anteilen des Schlüssels zugerechnet (" "$tmp/eu"

# the pipeline (commitments and allocations of the tracker's data explorer):
# title, headings and notes from the wording module
de_file=${SHARED:-}/kiel-ust-web-r29/data_explorer.csv
if [ -f "$de_file" ]; then
    "$AIDSTAT" --lang de compare --pipeline --by donor --top 3 -q "$de_file" >"$tmp/pipe"
    check "pipeline: German title" grep -qxF "Hilfe: Umsetzung nach Geber, Mrd. €" "$tmp/pipe"
    check "pipeline: German headings" grep -qE "^Geber +Zusagen +Bereitstellungen +Zugesagt, noch nicht bereitgestellt +Bereitgestellt$" "$tmp/pipe"
    check "pipeline: German share note" grep -qxF "Hinweis: Bereitgestellt = Bereitstellungen als Anteil der Zusagen" "$tmp/pipe"
    check "pipeline: no English words left" sh -c '! grep -E "pipeline|Type:|Unit:|Period:|Note:|Source:|Committed|Allocated|pending" "$1"' sh "$tmp/pipe"
    "$AIDSTAT" compare --pipeline --by donor --format csv -q "$de_file" >"$tmp/en"
    "$AIDSTAT" --lang de compare --pipeline --by donor --format csv -q "$de_file" >"$tmp/de"
    check "pipeline CSV: the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
else
    echo "# $de_file missing: the pipeline is not checked"
fi

# load caveats and loader descriptions follow the language of names
if [ -f "${SHARED:-}/sipri-at-trade-register/trade-register.csv" ]; then
    tr=$SHARED/sipri-at-trade-register/trade-register.csv
    "$AIDSTAT" --lang de compare "$tr" --recipient Ukraine --donor "United States" --from 2022 --measure commitment >"$tmp/sipri"
    check "SIPRI caveat in German" grep -qxF "Hinweis: die Trendindikatorwerte (TIV) des SIPRI messen den Umfang der Transfers von Großwaffen, nicht ihren Preis: Sie sind kein Geld" "$tmp/sipri"
    check "SIPRI unsized note in German" grep -qE "^Hinweis: [0-9]+ Bestellungen unbekannter Größe zählen in den Bestellungen als 0 TIV: " "$tmp/sipri"
    "$AIDSTAT" compare "$tr" --recipient Ukraine --donor "United States" --from 2022 --format json >"$tmp/en"
    "$AIDSTAT" --lang de compare "$tr" --recipient Ukraine --donor "United States" --from 2022 --format json >"$tmp/de"
    check "SIPRI JSON (notes and caveats): the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
fi
"$AIDSTAT" --lang de check >"$tmp/check"
check "check: the loader described in German" grep -qF "aidstat-long: Langformat von aidstat (ein Eintrag je Zeile, Werte in Basiseinheiten)" "$tmp/check"

# records dated by a year that reaches across the selection's start
yo=$SRCDIR/tests/data/year-only.csv
"$AIDSTAT" --lang de compare --from 2022-06 "$yo" >"$tmp/yo"
want=$(python3 - "$yo" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['year'] == '2022' and not r['month']]
print('Hinweis: %d Einträge mit einem längeren Zeitraum als dem der Auswahl (der erste: 2022) reichen über ihren '
      'Anfang (Juni 2022) hinaus und bleiben unberücksichtigt, zusammen %g EUR: Ein Eintrag zählt nur, wenn sein '
      'ganzer Zeitraum in dem der Auswahl liegt' % (len(rows), sum(float(r['value']) for r in rows)))
PY
)
check "year-only records across the start: German note (python)" grep -qxF "$want" "$tmp/yo"

# diff: German names, types, measures, statuses and percentages in the table
h27=${SHARED:-}/kiel-ust-web-history/2026-07-27-6c0293d/data_explorer.csv
if [ -f "$h27" ] && [ -f "$de_file" ]; then
    "$AIDSTAT" --lang de diff --type military --top 2 --decimals 6 "$h27" "$de_file" >"$tmp/diff"
    # the format only: the figures themselves are checked in English by tests/diff-figures.sh
    check "diff: a German row (names, words, decimal commas)" grep -qE "^Frankreich +militärisch +Bereitstellungen +[0-9]+,[0-9]{6} +[0-9]+,[0-9]{6} +\+[0-9]+,[0-9]{6} +\+[0-9]+,[0-9] % +revidiert$" "$tmp/diff"
    check "diff: no English words in the table" sh -c '! grep -E "revised|same|allocations|military|All donors|n/a" "$1"' sh "$tmp/diff"
    "$AIDSTAT" diff --type military --format json "$h27" "$de_file" >"$tmp/en"
    "$AIDSTAT" --lang de diff --type military --format json "$h27" "$de_file" >"$tmp/de"
    check "diff JSON: the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
fi

# option help in German
"$AIDSTAT" --lang de compare --help >"$tmp/help"
check "compare --help: option help in German" grep -qF "Nach einem oder zwei Schlüsseln gruppieren" "$tmp/help"
check "compare --help: --csv-formulas in German" grep -qF "Text, der mit = + - @ beginnt, unverändert schreiben" "$tmp/help"

# --lang de without a catalogue: English, with a warning naming where it looked
mkdir "$tmp/empty"
AIDSTAT_LOCALEDIR=$tmp/empty "$AIDSTAT" --lang de compare --top 3 >"$tmp/nocat" 2>"$tmp/nocat.err"
check "no catalogue: exit 0" test $? -eq 0
check "no catalogue: the warning" grep -qxF "aidstat: warning: --lang de: no German catalogue in $tmp/empty (looked for $tmp/empty/de/LC_MESSAGES/aidstat.mo); writing English" "$tmp/nocat.err"
check "no catalogue: English output" grep -qx "Aid allocations by donor, € billion" "$tmp/nocat"
"$AIDSTAT" --lang de compare --top 3 >/dev/null 2>"$tmp/cat.err"
check "with the catalogue: no warning" test ! -s "$tmp/cat.err"

# machine outputs of the new parts: the English bytes
for args in "compare --by region --region eu27,nato --format csv" "compare --by region --region eu27,nato --format json" \
    "compare --per gdp --format json" "compare --eu-attribution --format json" \
    "compare --donor Germany,fra --type military --from 2023-06 --format json"; do
    # shellcheck disable=SC2086
    "$AIDSTAT" $args >"$tmp/en" 2>&1
    # shellcheck disable=SC2086
    "$AIDSTAT" --lang de $args >"$tmp/de" 2>&1
    check "$args: the same bytes under --lang de" cmp -s "$tmp/en" "$tmp/de"
done

# the German default report: sources block and event labels in German,
# none of the English sentences notes and sources used to leave
if command -v pdftotext >/dev/null 2>&1; then
    "$AIDSTAT" --lang de report -q --no-attach -o "$tmp/de.pdf"
    pdftotext "$tmp/de.pdf" "$tmp/de.txt"
    tr '\n' ' ' <"$tmp/de.txt" | sed 's/  */ /g' >"$tmp/de1.txt"
    rows=$(python3 - "$data" <<'PY'
import csv, sys
n = sum(1 for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')))
donors = len({r['iso3'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))})
print('%d Zeilen gelesen, %d verwendet, 0 abgelehnt; Jan. 2022 – Apr. 2026; %d Geber.' % (n, n, donors))
PY
)
    check "report --lang de: sources \"$rows\" (python)" grep -qF "$rows" "$tmp/de1.txt"
    for label in "Russischer Großangriff" "US-Hilfspaket unterzeichnet" "Neue US-Regierung"; do
        check "report --lang de: event \"$label\"" grep -qF "$label" "$tmp/de1.txt"
    done
    check "report --lang de: German groups note" grep -qF "Geber gehören keiner der ausgewählten Gruppen an" "$tmp/de1.txt"
    check "report --lang de: a table's note is a sentence of its own" grep -qF "(04/2026). Einschließlich zugerechneter EU-Hilfe: Die Hilfe der EU-Institutionen" "$tmp/de1.txt"
    for e in "donors are in none" "donor is in none" "rows read" "Selection:" "from the data" "in all" \
        "including attributed" "shown as n/a" "Full-scale invasion" "US supplemental" "New US administration" \
        "Source not stated" "no dates" "not shown" "more;"; do
        check "report --lang de: no English \"$e\"" sh -c '! grep -qF "$1" "$2"' sh "$e" "$tmp/de1.txt"
    done
    # the English report keeps its English events and sources
    "$AIDSTAT" report -q --no-attach -o "$tmp/en.pdf"
    pdftotext "$tmp/en.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$tmp/en.txt"
    check "report (English): English events" grep -qF "Full-scale invasion" "$tmp/en.txt"
    check "report (English): English sources" grep -qF "rows read" "$tmp/en.txt"
else
    echo "# pdftotext missing: the German report's text is not checked"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
