#!/bin/sh
# Group figures: what `aidstat compare` prints for Kiel's donor groups over
# the release-7 workbook equals Kiel's own sheet "Aggregates - Country
# Groups" in the same workbook, read here with python3's zipfile and XML
# modules (not aidstat's XLSX reader). Every value within a relative 1e-9.
#
# Checked: every group row of the sheet that is bilateral (EU members and
# institutions, EU members, EU institutions, Anglosaxon countries, Other
# donor countries) by type and in total, through --by region,type as CSV;
# the two selections issue 11 quotes (--region eu27,eu-institutions
# --measure commitment: 29.157; --region eu-institutions --type military:
# 2.5) through JSON; and the note naming the donors outside the groups,
# whose amount is the workbook's all-donor total less the group's (the
# Country Summary's Total row plus the EPF and EIB rows it leaves out).
# The sheet's "Non bilateral donors" come from another sheet aidstat does
# not read (see tests/unit/test-kiel-groups.c).
#
# Environment (set by `make check`): AIDSTAT, SHARED.
# Exit: 0 pass, 1 fail, 77 skip (no ../shared/datasets), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
: "${SHARED:?SHARED is not set}"
BOOK=$SHARED/kiel-ust-r7-xlsx/Ukraine_Support_Tracker.xlsx
if [ ! -f "$BOOK" ]; then
    echo "skipped: $BOOK not found"
    exit 77
fi
command -v python3 >/dev/null || { echo "skipped: no python3"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

"$AIDSTAT" compare -q "$BOOK" --by region,type --format csv \
    --region eu-members-institutions,eu27,eu-institutions,anglosaxon,other-donor-countries >"$tmp/groups.csv" || exit 99
"$AIDSTAT" compare -q "$BOOK" --region eu27,eu-institutions --measure commitment --format json >"$tmp/eu.json" || exit 99
"$AIDSTAT" compare -q "$BOOK" --region eu-institutions --type military --format json >"$tmp/epf.json" || exit 99
"$AIDSTAT" compare -q "$BOOK" --region eu27,eu-institutions --measure commitment >"$tmp/eu.txt" || exit 99

python3 - "$BOOK" "$tmp" <<'EOF'
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET

book, tmp = sys.argv[1], sys.argv[2]
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(book)
strings = [''.join(t.text or '' for t in si.iter(M + 't'))
           for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}

def sheet(name):
    for s in ET.fromstring(z.read('xl/workbook.xml')).iter(M + 'sheet'):
        if s.get('name') == name:
            target = rels[s.get(R + 'id')]
            root = ET.fromstring(z.read('xl/' + target.split('xl/')[-1]))
            rows = []
            for row in root.iter(M + 'row'):
                cells = {}
                for c in row.iter(M + 'c'):
                    v = c.find(M + 'v')
                    if v is None:
                        continue
                    col = re.match(r'[A-Z]+', c.get('r')).group(0)
                    cells[col] = strings[int(v.text)] if c.get('t') == 's' else v.text
                rows.append(cells)
            return rows
    raise SystemExit('no sheet ' + name)

npass = nfail = 0
def check(desc, ok):
    global npass, nfail
    if ok:
        npass += 1
        print('ok - ' + desc)
    else:
        nfail += 1
        print('not ok - ' + desc)

def near(a, b):
    return abs(a - b) <= 1e-9 * max(abs(b), 1e-9)

groups = {}  # Kiel's name -> (financial, humanitarian, military, total), € bn
for r in sheet('Aggregates - Country Groups'):
    name = r.get('B', '').strip()
    if name and 'F' in r:
        try:
            groups[name] = tuple(float(r[c]) for c in 'CDEF')
        except (KeyError, ValueError):
            pass
ours = {'EU members and institutions': 'EU members and institutions',
        'EU members': 'EU member states (EU27)', 'EU institutions': 'EU institutions',
        'Anglosaxon countries': 'Anglosaxon countries', 'Other donor countries': 'Other donor countries'}
got = {}
with open(tmp + '/groups.csv', newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        got[row['region']] = tuple(float(row[k] or 0) / 1e9 for k in ('Financial', 'Humanitarian', 'Military', 'value'))
for kiel, name in ours.items():
    want = groups.get(kiel)
    check('the sheet has the group ' + kiel, want is not None)
    check('aidstat has the group ' + name, name in got)
    if want is None or name not in got:
        continue
    for k, what in enumerate(('financial', 'humanitarian', 'military', 'total')):
        check('%s, %s: aidstat %.12g, sheet %.12g' % (kiel, what, got[name][k], want[k]), near(got[name][k], want[k]))
check('the sheet has exactly these bilateral groups and "Non bilateral donors"',
      {'EU members and institutions', 'EU members', 'EU institutions', 'Anglosaxon countries',
       'Other donor countries', 'Non bilateral donors'} <= set(groups))

eu = json.load(open(tmp + '/eu.json', encoding='utf-8'))['total'] / 1e9
check('eu27,eu-institutions commitments %.6f = sheet %.6f' % (eu, groups['EU members and institutions'][3]),
      near(eu, groups['EU members and institutions'][3]))
epf = json.load(open(tmp + '/epf.json', encoding='utf-8'))['total'] / 1e9
check('eu-institutions military %.6f = sheet %.6f' % (epf, groups['EU institutions'][2]),
      near(epf, groups['EU institutions'][2]))

# the donors left out: the workbook's all-donor commitments less the group's
summary = sheet('Country Summary')
total = next(float(r['G']) for r in summary if r.get('B') == 'Total')
outside = total + groups['European Peace Facility'][3] + groups['European Investment Bank'][3] \
    - groups['EU members and institutions'][3]
note = [l for l in open(tmp + '/eu.txt', encoding='utf-8') if 'none of the selected groups' in l]
m = re.search(r'€([0-9.]+) bn in all', note[0]) if note else None
check('the note on the donors outside says €%.2f bn in all (%s)' % (outside, m.group(1) if m else 'no note'),
      m is not None and m.group(1) == '%.2f' % outside)
m = re.match(r'Note: (\d+) donors', note[0]) if note else None
# 41 donors in the Country Summary, 27 EU members and the EU itself among them
check('13 donors outside', m is not None and int(m.group(1)) == 41 - 28)
print('%d passed, %d failed' % (npass, nfail))
sys.exit(1 if nfail else 0)
EOF
