#!/usr/bin/env python3
"""Writes datasets/countries.csv: ISO 3166-1 alpha-3 codes and English short
names (from the iso-codes package's data, /usr/share/iso-codes), German names
(from its German translation), and the variants written below by hand: the
spellings used by the Kiel Institute and SIPRI, common English names and
abbreviations. Run from the project root: python3 datasets/countries.py"""
import csv, gettext, json, sys, unicodedata

ISO = '/usr/share/iso-codes/json/'
de = gettext.translation('iso_3166-1', languages=['de'], localedir='/usr/share/locale')

# display name: the Kiel Ukraine Support Tracker website spelling where it
# names the country, else a common English short name
DISPLAY = {
    'TUR': 'Turkiye', 'KOR': 'South Korea', 'PRK': 'North Korea', 'RUS': 'Russia',
    'TWN': 'Taiwan', 'VNM': 'Viet Nam', 'IRN': 'Iran', 'SYR': 'Syria', 'LAO': 'Laos',
    'MDA': 'Moldova', 'TZA': 'Tanzania', 'VEN': 'Venezuela', 'BOL': 'Bolivia',
    'BRN': 'Brunei', 'COD': 'DR Congo', 'COG': 'Congo', 'FSM': 'Micronesia',
    'PSE': 'Palestine', 'VAT': 'Holy See', 'MKD': 'North Macedonia', 'CPV': 'Cabo Verde',
    'SWZ': 'Eswatini', 'CIV': "Côte d'Ivoire", 'NLD': 'Netherlands',
}
# German short name where the iso-codes translation gives a long or inverted
# form ("Korea, Republik"): the name a German newspaper would print (the
# Federal Foreign Office's short forms); the iso-codes name stays a variant
GERMAN = {
    'BOL': 'Bolivien', 'BRN': 'Brunei', 'CPV': 'Cabo Verde', 'CXR': 'Weihnachtsinsel',
    'CYM': 'Kaimaninseln', 'FLK': 'Falklandinseln', 'FRO': 'Färöer', 'FSM': 'Mikronesien',
    'IRN': 'Iran', 'KOR': 'Südkorea', 'PRK': 'Nordkorea', 'LAO': 'Laos', 'MDA': 'Moldau',
    'PSE': 'Palästina', 'RUS': 'Russland', 'SYR': 'Syrien', 'TWN': 'Taiwan', 'TZA': 'Tansania',
    'UMI': 'Kleinere Amerikanische Überseeinseln', 'VAT': 'Heiliger Stuhl', 'VEN': 'Venezuela',
    'ALA': 'Ålandinseln', 'BVT': 'Bouvetinsel', 'CCK': 'Kokosinseln', 'SXM': 'Sint Maarten',
    'MAF': 'Saint-Martin', 'SGS': 'Südgeorgien und die Südlichen Sandwichinseln',
}
# more spellings (English, German colloquial, Kiel workbooks, SIPRI)
VARIANTS = {
    'CZE': ['Czech Republic', 'Tschechische Republik', 'Czech Rep.'],
    'TUR': ['Turkey', 'Türkiye', 'Türkei', 'Republic of Turkey'],
    'KOR': ['Korea', 'Republic of Korea', 'Korea (South)', 'Korea, South', 'Südkorea', 'Korea, Rep.'],
    'PRK': ['Korea (North)', 'Korea, North', 'Nordkorea', 'Korea, Dem. Rep.'],
    'USA': ['United States of America', 'USA', 'US', 'U.S.', 'U.S.A.', 'America',
            'Vereinigte Staaten', 'Vereinigte Staaten von Amerika'],
    'GBR': ['UK', 'U.K.', 'Great Britain', 'Britain', 'Großbritannien', 'Vereinigtes Königreich'],
    'NLD': ['Holland', 'The Netherlands', 'Niederlande'],
    'DEU': ['Deutschland', 'Federal Republic of Germany', 'FRG', 'West Germany'],
    'RUS': ['Russian Federation', 'Russland'],
    'ARE': ['UAE', 'United Arab Emirates', 'Vereinigte Arabische Emirate'],
    'BIH': ['Bosnia-Herzegovina', 'Bosnia'],
    'VCT': ['Saint Vincent', 'St Vincent and the Grenadines'],
    'KNA': ['St Kitts and Nevis'],
    'COD': ['Democratic Republic of the Congo', 'DRC', 'Congo, Dem. Rep.', 'Congo (Kinshasa)', 'Congo, DR'],
    'COG': ['Republic of the Congo', 'Congo, Rep.', 'Congo (Brazzaville)', 'Congo, Republic'],
    'GMB': ['Gambia, The', 'The Gambia'],
    'CIV': ['Ivory Coast', "Cote d'Ivoire"],
    'VNM': ['Vietnam'],
    'ESP': ['España'],
    'MKD': ['Macedonia', 'FYROM', 'Nordmazedonien'],
    'SWZ': ['Swaziland'],
    'CPV': ['Cape Verde'],
    'MMR': ['Burma'],
    'TLS': ['East Timor', 'Timor Leste'],
    'IRL': ['Republic of Ireland'],
    'CHN': ["People's Republic of China", 'PRC'],
    'TWN': ['Republic of China', 'Chinese Taipei'],
    'EGY': ['Egypt, Arab Rep.'],
    'IRN': ['Iran, Islamic Rep.'],
    'YEM': ['Yemen, Rep.'],
    'SVK': ['Slovak Republic'],
    'KGZ': ['Kyrgyz Republic'],
    'LAO': ['Lao PDR'],
}
# former countries (ISO 3166-3) that SIPRI's files name as suppliers
FORMER = [
    ('SUN', 'Soviet Union', 'Sowjetunion', ['USSR', 'Union of Soviet Socialist Republics']),
    ('CSK', 'Czechoslovakia', 'Tschechoslowakei', []),
    ('YUG', 'Yugoslavia', 'Jugoslawien', []),
    ('DDR', 'East Germany', 'DDR', ['East Germany (GDR)', 'German Democratic Republic', 'GDR']),
    ('YMD', 'South Yemen', 'Südjemen', ["People's Democratic Republic of Yemen"]),
]
# not ISO 3166-1: a code in common use, and the EU bodies as donors
EXTRA = [
    ('XKX', 'Kosovo', 'Kosovo', []),
    ('EU', 'EU (Commission and Council)', 'EU (Kommission und Rat)',
     ['European Union', 'European Union**', 'European Commission',
      'EU Commission and Council', 'EU Commission', 'Europäische Union', 'Europäische Kommission']),
    ('EPF', 'European Peace Facility', 'Europäische Friedensfazilität', ['EPF']),
    ('EIB', 'European Investment Bank', 'Europäische Investitionsbank', ['EIB']),
]


def key(s):
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(s.casefold().split())


rows = []
for c in json.load(open(ISO + 'iso_3166-1.json'))['3166-1']:
    code = c['alpha_3']
    name = DISPLAY.get(code, c.get('common_name', c['name']))
    german = GERMAN.get(code, de.gettext(c['name']))
    names = [c['name'], c.get('common_name', ''), c.get('official_name', ''), de.gettext(c['name'])]
    names += [de.gettext(c['official_name'])] if 'official_name' in c else []
    names += VARIANTS.get(code, [])
    rows.append((code, name, german, names))
rows += [(c, n, g, v) for c, n, g, v in FORMER + EXTRA]

seen = {}
out = []
for code, name, german, names in rows:
    keep = []
    for n in [name, german] + names:
        if not n:
            continue
        k = key(n)
        if k in seen and seen[k] != code:
            sys.exit(f'{n}: both {seen[k]} and {code}')
        if k not in seen:
            seen[k] = code
            if n not in (name, german):
                keep.append(n)
    out.append((code, name, german, '|'.join(keep)))
out.sort(key=lambda r: (len(r[0]) != 3, r[0]))
with open('datasets/countries.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['code', 'name', 'german', 'variants'])
    w.writerows(out)
