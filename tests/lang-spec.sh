#!/bin/sh
# A report spec's own language (lang: de) in an English environment
# (LANGUAGE unset, LC_ALL=C.UTF-8), without --lang: the report is as German
# as `aidstat --lang de report` (headings, labels, types, months, page
# footer, sources, figures, PDF language), while messages stay English.
# The spec's lang: decides the report, --lang the messages: --lang en on a
# German spec and --lang de on an English one change only the messages, and
# say so on stderr (exact warnings). Also: month ticks of a chart's time
# axis in German.
. "$SRCDIR/tests/testlib.sh"
LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
unset LANG LC_MESSAGES
[ -f "$AIDSTAT_LOCALEDIR/de/LC_MESSAGES/aidstat.mo" ] || { echo "SKIP: no German catalogue in $AIDSTAT_LOCALEDIR"; exit 77; }
command -v pdftotext >/dev/null 2>&1 || { echo "SKIP: pdftotext missing"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$SRCDIR/datasets/kiel-ust-r29.csv
de_spec=$SRCDIR/reports/ukraine-support.de.md
check "the German spec says lang: de" grep -qx "lang: de" "$de_spec"

# the German default report's spec without --lang, against report --lang de
"$AIDSTAT" report --no-attach "$de_spec" -o "$tmp/spec.pdf" >"$tmp/spec.out" 2>"$tmp/spec.err"
check "lang: de without --lang: exit 0" test -s "$tmp/spec.pdf"
check "lang: de without --lang: the English message, nothing else" \
    test "$(cat "$tmp/spec.err")" = "aidstat: wrote $tmp/spec.pdf"
"$AIDSTAT" --lang de report -q --no-attach -o "$tmp/de.pdf"
pdftotext "$tmp/spec.pdf" "$tmp/spec.txt"
pdftotext "$tmp/de.pdf" "$tmp/de.txt"
check "lang: de without --lang: the same text as report --lang de" cmp -s "$tmp/spec.txt" "$tmp/de.txt"
tr '\n' ' ' <"$tmp/spec.txt" >"$tmp/spec1.txt"
for w in "Seite 1 von" "Inhalt" "Abbildung 1:" "Tabelle 1:" "Militärisch" "Finanziell" "Humanitär" \
    "Zeilen gelesen" "Jan. 2022 – Apr. 2026" "Vereinigte Staaten" "Einschließlich zugerechneter EU-Hilfe" \
    "Bestände" "Beschaffung" "Ohne Angabe"; do
    check "lang: de without --lang: \"$w\"" grep -qF "$w" "$tmp/spec1.txt"
done
for e in "Page 1 of" "Contents" "Figure 1:" "Table 1:" "Military" "Financial" "Humanitarian" "rows read" \
    "Jan 2022" "Including attributed EU aid" "United States" "Stockpile" "Procurement" "Unspecified"; do
    check "lang: de without --lang: no English \"$e\"" sh -c '! grep -qF "$1" "$2"' sh "$e" "$tmp/spec1.txt"
done
check "lang: de without --lang: PDF /Lang (de)" \
    sh -c 'qpdf --qdf --object-streams=disable "$1" - 2>/dev/null | grep -aq "/Lang (de)"' sh "$tmp/spec.pdf"

# a spec of one's own: its table by type in German, figures against python
printf -- '---\ntitle: Test\nlang: de\n---\n\n```table\nby: type\n```\n' >"$tmp/own.md"
"$AIDSTAT" report -q --no-attach "$tmp/own.md" -o "$tmp/own.pdf"
pdftotext -layout "$tmp/own.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/own.txt"
python3 - "$data" >"$tmp/want" <<'PY'
import csv, sys
tot = {}
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if r['measure'] == 'allocation':
        tot[r['type']] = tot.get(r['type'], 0.0) + float(r['value'])
def de(x, d=2):
    i, f = ('%.*f' % (d, x)).split('.')
    return '{:,}'.format(int(i)).replace(',', '.') + ',' + f
all_ = sum(tot.values())
print('Tabelle 1: Hilfe: Bereitstellungen nach Art')
print('Art Mrd. € Anteil')
for t, w in (('military', 'Militärisch'), ('financial', 'Finanziell'), ('humanitarian', 'Humanitär')):
    print('%s %s %s %%' % (w, de(tot[t] / 1e9), de(100 * tot[t] / all_, 1)))
print('Gesamt %s 100,0 %%' % de(all_ / 1e9))
print('Seite 1 von 1')
PY
while IFS= read -r want; do
    check "own spec (lang: de): \"$want\" (python)" grep -qxF "$want" "$tmp/own.txt"
done <"$tmp/want"

# --lang en on a German spec: the report stays German (its prose is), the
# messages are English, and stderr says why
"$AIDSTAT" --lang en report --no-attach "$tmp/own.md" -o "$tmp/own-en.pdf" 2>"$tmp/own-en.err"
pdftotext -layout "$tmp/own-en.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/own-en.txt"
check "--lang en, lang: de: the same German report" cmp -s "$tmp/own.txt" "$tmp/own-en.txt"
printf '%s\n' "aidstat: warning: $tmp/own.md is written in German (lang: de): its tables, charts and figures are German too; --lang sets the language of messages only" \
    "aidstat: wrote $tmp/own-en.pdf" >"$tmp/want-en.err"
check "--lang en, lang: de: the warning, then English messages" cmp -s "$tmp/want-en.err" "$tmp/own-en.err"
check "--lang en, lang: de: PDF /Lang (de)" \
    sh -c 'qpdf --qdf --object-streams=disable "$1" - 2>/dev/null | grep -aq "/Lang (de)"' sh "$tmp/own-en.pdf"

# --lang de on an English spec (no lang:): the report stays English, the
# messages are German
printf -- '---\ntitle: Test\n---\n\n```table\nby: type\n```\n' >"$tmp/en.md"
"$AIDSTAT" --lang de report --no-attach "$tmp/en.md" -o "$tmp/en.pdf" 2>"$tmp/en.err"
pdftotext -layout "$tmp/en.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/en.txt"
check "--lang de, English spec: English table" sh -c 'grep -qx "Table 1: Aid allocations by type" "$1" && grep -q "^Military [0-9]" "$1" && grep -qx "Page 1 of 1" "$1"' sh "$tmp/en.txt"
printf '%s\n' "aidstat: Warnung: $tmp/en.md ist auf Englisch geschrieben (lang: en, die Voreinstellung): Tabellen, Diagramme und Zahlen sind ebenfalls englisch; --lang bestimmt nur die Sprache der Meldungen" \
    "aidstat: $tmp/en.pdf geschrieben" >"$tmp/want-de.err"
check "--lang de, English spec: the German warning and message" cmp -s "$tmp/want-de.err" "$tmp/en.err"

# a German environment without --lang: no warning (nothing was asked)
LANGUAGE=de "$AIDSTAT" report --no-attach "$tmp/own.md" -o "$tmp/own-env.pdf" 2>"$tmp/own-env.err"
check "LANGUAGE=de, lang: de: only the German message" test "$(cat "$tmp/own-env.err")" = "aidstat: $tmp/own-env.pdf geschrieben"
# -q: no warning either
"$AIDSTAT" --lang en report -q --no-attach "$tmp/own.md" -o "$tmp/own-q.pdf" 2>"$tmp/own-q.err"
check "--lang en -q, lang: de: no warning" test ! -s "$tmp/own-q.err"

# a time axis in months: German month abbreviations under --lang de
"$AIDSTAT" --lang de chart line --interval month --from 2022-03 --to 2022-10 -o "$tmp/months.pdf" \
    "$TESTDATA/clean.csv"
pdftotext -layout "$tmp/months.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/months.txt"
check "chart --lang de: German month ticks" grep -qx "März 2022 Apr. Mai Juni Juli Aug. Sept. Okt." "$tmp/months.txt"
"$AIDSTAT" chart line --interval month --from 2022-03 --to 2022-10 -o "$tmp/months-en.pdf" "$TESTDATA/clean.csv"
pdftotext -layout "$tmp/months-en.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/months-en.txt"
check "chart (English): English month ticks" grep -qx "Mar 2022 Apr May Jun Jul Aug Sep Oct" "$tmp/months-en.txt"

# a report's diff block under lang: de: German headings, names, note and
# chart title; the data beside the spec (copied with it)
cp "$TESTDATA/diff-old.csv" "$TESTDATA/diff-new.csv" "$tmp/"
printf -- '---\nlang: de\ndata: diff-new.csv\n---\n\n```diff\nold: diff-old.csv\n```\n\n```diff\nold: diff-old.csv\nshow: chart\n```\n' >"$tmp/diff.md"
"$AIDSTAT" report -q --no-attach "$tmp/diff.md" -o "$tmp/diff.pdf"
pdftotext -layout "$tmp/diff.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/diff.txt"
tr '\n' ' ' <"$tmp/diff.txt" | sed 's/  */ /g' >"$tmp/diff1.txt"
for want in "Geber Vorher Neu Veränderung Veränderung in % Neue Monate" "Hinzugekommene Geber: Spanien." \
    "Weggefallene Geber: Italien." "Größte Korrekturen: Hilfe: Bereitstellungen nach Geber" "Alle Geber"; do
    check "diff block (lang: de): \"$want\"" grep -qF "$want" "$tmp/diff1.txt"
done
check "diff block (lang: de): the note in German" grep -q "^Bereitstellungen, Mio. € (nominal); Revisionen über Jan. 2023 – Feb. 2023" "$tmp/diff.txt"
for e in "Donor" "Previous" "Donors added" "Largest revisions" "All donors" "revisions over"; do
    check "diff block (lang: de): no English \"$e\"" sh -c '! grep -qF "$1" "$2"' sh "$e" "$tmp/diff.txt"
done

# a German spec whose data come through a pipe: read once, in German, figures against python
printf -- '---\ntitle: Pipe\nlang: de\n---\n\n```table\nby: donor\n```\n' >"$tmp/pipe.md"
"$AIDSTAT" report -q --no-attach --data - "$tmp/pipe.md" -o "$tmp/pipe.pdf" <"$TESTDATA/quarter-dates.csv"
check "lang: de, data from a pipe: exit 0" test $? -eq 0
pdftotext -layout "$tmp/pipe.pdf" - | sed 's/  */ /g; s/^ //' >"$tmp/pipe.txt"
python3 - "$TESTDATA/quarter-dates.csv" >"$tmp/pipe.want" <<'PY'
import csv, sys
t = {}
for r in csv.DictReader(open(sys.argv[1], newline='')):
    t[r['donor']] = t.get(r['donor'], 0.0) + float(r['value'])
de = {'Germany': 'Deutschland', 'France': 'Frankreich'}
print('Tabelle 1: Militärische Hilfe: Bereitstellungen nach Geber')
for d, v in sorted(t.items(), key=lambda kv: -kv[1]):
    print('%s %s %s %%' % (de[d], ('%.2f' % v).replace('.', ','), ('%.1f' % (100 * v / sum(t.values()))).replace('.', ',')))
print('Gesamt %s 100,0 %%' % ('%.2f' % sum(t.values())).replace('.', ','))
PY
while IFS= read -r want; do
    check "lang: de, data from a pipe: \"$want\" (python)" grep -qxF "$want" "$tmp/pipe.txt"
done <"$tmp/pipe.want"

# no German catalogue: the spec's report is written, with a warning naming where it looked
mkdir "$tmp/nocat"
AIDSTAT_LOCALEDIR=$tmp/nocat "$AIDSTAT" report --no-attach "$tmp/own.md" -o "$tmp/nocat.pdf" 2>"$tmp/nocat.err"
check "lang: de, no catalogue: exit 0" test $? -eq 0
printf '%s\n' "aidstat: warning: $tmp/own.md says lang: de, but there is no German catalogue in $tmp/nocat (looked for $tmp/nocat/de/LC_MESSAGES/aidstat.mo): its tables and charts are labelled in English" \
    "aidstat: wrote $tmp/nocat.pdf" >"$tmp/want-nocat.err"
check "lang: de, no catalogue: the warning, exactly" cmp -s "$tmp/want-nocat.err" "$tmp/nocat.err"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
