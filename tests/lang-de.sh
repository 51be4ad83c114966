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

# the German default report (report --lang de): German headings, German
# months, German figures, PDF /Lang de, and none of the English prose left
if command -v pdftotext >/dev/null 2>&1; then
    "$AIDSTAT" --lang de report -q --no-attach -o "$tmp/de.pdf"
    check "report --lang de: exit 0" test -s "$tmp/de.pdf"
    pdftotext "$tmp/de.pdf" "$tmp/de.txt"
    tr '\n' ' ' <"$tmp/de.txt" | sed 's/  */ /g' >"$tmp/de1.txt"
    for h in "Zusammenfassung" "Europa und die Vereinigten Staaten bei der militärischen Hilfe" "Die größten Geber" \
        "Hilfe im Verhältnis zum BIP" "Monatliche Bereitstellungen und ihr Trend" "Zusagen und Bereitstellungen" \
        "Konzentration der Geber" "Quellen und Methode" "Inhalt" "Abbildung 1:" "Tabelle 1:" "Seite 1 von"; do
        check "report --lang de: \"$h\"" grep -qF "$h" "$tmp/de1.txt"
    done
    check "report --lang de: a German date (7. Dezember 2026 form)" grep -qE "[0-9]+\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20[0-9][0-9]" "$tmp/de1.txt"
    check "report --lang de: German months (Jan. 2022 – Apr. 2026)" grep -qF "Jan. 2022 – Apr. 2026" "$tmp/de1.txt"
    check "report --lang de: German donor names" grep -qF "Vereinigte Staaten, EU (Kommission und Rat) und Deutschland" "$tmp/de1.txt"
    total=$(python3 - "$data" <<'PY'
import csv, sys
t = sum(float(r['value']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['measure'] == 'allocation')
print('insgesamt %s Mrd. € bereit' % ('%.0f' % (t / 1e9)))
PY
)
    check "report --lang de: \"$total\" (python)" grep -qF "$total" "$tmp/de1.txt"
    check "report --lang de: PDF /Lang (de)" sh -c 'qpdf --qdf --object-streams=disable "$1" - 2>/dev/null | grep -aq "/Lang (de)"' sh "$tmp/de.pdf"
    # every prose paragraph of the English spec: its first five words must not be in the German report
    python3 - "$SRCDIR/reports/ukraine-support.md" >"$tmp/english" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read().split('\n---\n', 1)[1]
text = re.sub(r'```.*?```', '', text, flags=re.S)
for para in re.split(r'\n\s*\n', text):
    para = ' '.join(para.split())
    if not para or para[0] in '#{`' or para.startswith('**'):
        continue
    words = re.sub(r'\{\{[^}]*\}\}', ' ', para).split()[:5]
    if len(words) == 5:
        print(' '.join(words))
for h in re.findall(r'^# (.*)$', open(sys.argv[1], encoding='utf-8').read(), flags=re.M):
    print(h)
PY
    check "report --lang de: English paragraphs found in the spec" test "$(wc -l <"$tmp/english")" -gt 20
    while IFS= read -r e; do
        check "report --lang de: no English \"$e\"" sh -c '! grep -qF "$1" "$2"' sh "$e" "$tmp/de1.txt"
    done <"$tmp/english"
    # a spec of one's own in German: lang: de gives German names and figures
    printf -- '---\ntitle: Test\nlang: de\n---\n\nDer größte Geber ist {{ top }} mit {{ sum donor=USA | eur_bn }}.\n' >"$tmp/own.md"
    "$AIDSTAT" report -q --no-attach "$tmp/own.md" -o "$tmp/own.pdf"
    pdftotext "$tmp/own.pdf" - | tr '\n' ' ' >"$tmp/own.txt"
    check "lang: de in a spec: German name and figure" grep -qF "Der größte Geber ist Vereinigte Staaten mit 115 Mrd. €." "$tmp/own.txt"
    # the English default report stays English
    "$AIDSTAT" report -q --no-attach -o "$tmp/en.pdf"
    pdftotext "$tmp/en.pdf" - | tr '\n' ' ' >"$tmp/en.txt"
    check "report (English): English heading and figure" sh -c 'grep -qF "The largest donors" "$1" && grep -qF "allocated €358 bn" "$1"' sh "$tmp/en.txt"
else
    echo "# pdftotext missing: the German report's text is not checked"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
