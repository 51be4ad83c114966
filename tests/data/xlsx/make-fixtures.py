#!/usr/bin/env python3
"""Write the small XLSX fixtures in this folder (run from anywhere:
python3 tests/data/xlsx/make-fixtures.py). Only the standard library: the
parts are written by hand so each quirk is exactly where the tests expect
it. Timestamps are fixed, so the output is the same on every run."""
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_zip(name, parts):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in parts:
            info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


def workbook(sheets, targets=None, sst=True, date1904=False):
    """sheets: list of names; targets: relationship targets (default
    worksheets/sheetN.xml)."""
    targets = targets or ["worksheets/sheet%d.xml" % (i + 1) for i in range(len(sheets))]
    wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s>' % NS
    wb += '<workbookPr%s/><sheets>' % (' date1904="1"' if date1904 else "")
    for i, n in enumerate(sheets):
        wb += '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (esc(n), i + 1, i + 1)
    wb += "</sheets></workbook>"
    rels = '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, t in enumerate(targets):
        rels += '<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>' % (i + 1, REL, t)
    if sst:
        rels += '<Relationship Id="rId99" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % REL
    rels += "</Relationships>"
    root = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % REL)
    ct = ('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="xml" ContentType="application/xml"/></Types>')
    return [("[Content_Types].xml", ct), ("_rels/.rels", root), ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels)]


class Sheet:
    """Rows of cells for a sheet; strings go to a shared table unless
    inline is asked."""

    def __init__(self, sst):
        self.sst = sst
        self.rows = []

    def row(self, r, cells):
        self.rows.append((r, cells))

    def xml(self, pad=""):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>' % NS]
        for r, cells in self.rows:
            out.append('<row r="%d">' % r)
            col = 0
            for c in cells:
                if c is None:
                    col += 1
                    continue
                ref = colname(col) + str(r)
                out.append(cell(ref, c, self.sst))
                col += 1
            out.append("</row>")
        out.append(pad)
        out.append("</sheetData></worksheet>")
        return "".join(out)


def colname(c):
    s = ""
    c += 1
    while c:
        c, k = divmod(c - 1, 26)
        s = chr(65 + k) + s
    return s


def cell(ref, v, sst):
    if isinstance(v, bool):
        return '<c r="%s" t="b"><v>%d</v></c>' % (ref, int(v))
    if isinstance(v, (int, float)):
        return '<c r="%s"><v>%r</v></c>' % (ref, v)
    if isinstance(v, tuple):  # raw XML for the cell's content and type
        t, inner = v
        return '<c r="%s"%s>%s</c>' % (ref, ' t="%s"' % t if t else "", inner)
    if v not in sst:
        sst.append(v)
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst.index(v))


def sst_xml(strings, extra=""):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sst %s count="%d" uniqueCount="%d">' % (NS, len(strings), len(strings))]
    for s in strings:
        out.append('<si><t xml:space="preserve">%s</t></si>' % esc(s))
    out.append(extra)
    out.append("</sst>")
    return "".join(out)


def basic():
    """Sheets "Data" and "Second sheet" (targets through odd relationship
    paths), every cell type, a ragged row, empty cells, a gap in the row
    numbers, a date serial, cells without r=."""
    sst = []
    d = Sheet(sst)
    d.row(1, ["name", "value", "flag", "when", "note"])
    d.row(2, ["Türkiye", 1.5, True, 44621, ("inlineStr", "<is><t>inline text</t></is>")])
    d.row(3, ["Česko", ("e", "<v>#N/A</v>"), False, None, ("str", "<f>A1</f><v>formula text</v>")])
    d.row(5, ["ragged", 23456872.863749079])  # row 4 is absent; trailing cells omitted
    d.row(6, [None, None, "third", None, None])  # only column C
    data_xml = d.xml()
    # the second sheet: a rich-text shared string (two runs and a phonetic
    # guide that is not text), a row whose cells carry no r= (each follows
    # the last), and an empty row element
    sst.append("x")
    rich = ('<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r>'
            '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>')
    sheet2 = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s><sheetData>'
              '<row r="1"><c r="A1" t="s"><v>%d</v></c></row>'
              '<row><c t="s"><v>%d</v></c><c><v>7</v></c><c r="D2"><v>8</v></c></row>'
              '<row r="10"/>'
              '</sheetData></worksheet>') % (NS, sst.index("x"), len(sst))
    parts = workbook(["Data", "Second sheet"],
                     ["worksheets/data.xml", "/xl/sheets/../worksheets/other.xml"])
    parts += [("xl/worksheets/data.xml", data_xml), ("xl/worksheets/other.xml", sheet2),
              ("xl/sharedStrings.xml", sst_xml(sst, rich))]
    return parts


def kiel_mini():
    """A Kiel-tracker-like workbook: a ReadMe naming the release, the MAIN
    DATA sheet with one row per quirk, and a Country Summary."""
    sst = []
    readme = Sheet(sst)
    readme.row(2, [None, "Ukraine Support Tracker \u2013 7th release (covering January 24 to October 3, 2022)"])
    main = Sheet(sst)
    dummy = "Total_value_dummy (1 is first row in the package)"
    main.row(1, ["ID", "countries", "Announcement Date", "Type of Aid General", "Total ",
                 "Converted Value in EUR", "Total monetary value delivered in EUR", dummy,
                 "Sub-type of item", "Sub-type of item", " "])
    main.row(2, ["US1", "United States", 44621, "Military", 1000000, 1000000, 400000, 1, "a", "b", "x"])
    main.row(3, ["US1", "United States", 44621, "Military", ".", ".", ".", 0, "c"])  # package item
    main.row(4, ["DE1", "Germany", "until 7/27/2022", "Humanitarian", ".", 2500000, ".", 1])
    main.row(5, ["EE1", "Estonia", 373319, "Military", ".", 300000, 300000, 1])  # 2922-02-09
    main.row(6, ["CA1", "Canada", 44650, "Financial", 3850000, None, None, 1])  # EUR cell empty
    main.row(7, ["PL1", "Poland", "unspecified", "Financial", ".", 500000, ".", 1])
    main.row(8, ["FR1", "France", 44700, "Financial", ".", ".", ".", 1])  # no value
    main.row(9, ["NO1", "Norway", 44710, "Humanitarian", ".", 750000])  # ragged
    main.row(10, ["TR1", "Turkey", "not specified, 03/22", "Military", ".", 1250000.5, ".", 1])
    summary = Sheet(sst)
    summary.row(1, [None, "Country Summary"])
    summary.row(3, [None, "Country", "Financial", "Humanitarian", "Military", "Total"])
    summary.row(4, [None, None, "\u20ac billion", "\u20ac billion", "\u20ac billion", "\u20ac billion"])
    summary.row(5, [None, "United States", 0, 0, 0.001, 0.001])
    parts = workbook(["ReadMe", "Bilateral assistance, MAIN DATA", "Country Summary"])
    parts += [("xl/worksheets/sheet1.xml", readme.xml()), ("xl/worksheets/sheet2.xml", main.xml()),
              ("xl/worksheets/sheet3.xml", summary.xml()), ("xl/sharedStrings.xml", sst_xml(sst))]
    return parts


def eu_key_sheet(sst, title, share_head, amount_head, members, total, share_col=3):
    """An EU/EPF/EIB aid shares sheet as in the release-7 workbook: a
    title, the header on row 6 from column B, the members, a total row,
    then non-members at 0. members: (name, share); total: the aid shared
    out (EUR bn)."""
    sh = Sheet(sst)
    sh.row(2, [None, title])
    pad = [None] * (share_col - 3)
    sh.row(6, [None, "Country", "Contribution in billion EUR"] + pad + [share_head, amount_head])
    r = 7
    for name, share in members:
        sh.row(r, [None, name, share * 100] + pad + [share, share * total])
        r += 1
    sh.row(r, [None, "3 Countries total", 100] + pad + [1, total])
    sh.row(r + 1, [None, "United States", 0] + pad + [0, 0])
    return sh


def eu_key_book(sheets, main_rows=None):
    """A Kiel-like workbook with the MAIN DATA sheet and the given key
    sheets: [(sheet name, Sheet builder taking sst)]."""
    sst = []
    readme = Sheet(sst)
    readme.row(2, [None, "Ukraine Support Tracker \u2013 7th release (covering January 24 to October 3, 2022)"])
    main = Sheet(sst)
    dummy = "Total_value_dummy (1 is first row in the package)"
    main.row(1, ["ID", "countries", "Announcement Date", "Type of Aid General", "Converted Value in EUR",
                 "Total monetary value delivered in EUR", dummy])
    for i, row in enumerate(main_rows or EU_MAIN):
        main.row(i + 2, row)
    built = [(name, f(sst)) for name, f in sheets]
    names = ["ReadMe", "Bilateral assistance, MAIN DATA"] + [n for n, _ in built]
    parts = workbook(names)
    parts += [("xl/worksheets/sheet1.xml", readme.xml()), ("xl/worksheets/sheet2.xml", main.xml())]
    for i, (_, sh) in enumerate(built):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 3), sh.xml()))
    parts.append(("xl/sharedStrings.xml", sst_xml(sst)))
    return parts


# Bilateral aid of three EU members and the US, and the three EU bodies'
# aid (EUR): EU 1,000,000 (financial 600,000 in March, humanitarian
# 400,000 in May), EPF 200,000 (military), EIB 100,000 (financial).
EU_MAIN = [
    ["DE1", "Germany", 44621, "Military", 1000000, 500000, 1],
    ["FR1", "France", 44652, "Financial", 2000000, ".", 1],
    ["EE1", "Estonia", 44682, "Humanitarian", 300000, ".", 1],
    ["US1", "United States", 44621, "Military", 5000000, 1000000, 1],
    ["EU1", "EU (Commission and Council)", 44621, "Financial", 600000, ".", 1],
    ["EU2", "EU (Commission and Council)", 44682, "Humanitarian", 400000, ".", 1],
    ["EPF1", "European Peace Facility", 44652, "Military", 200000, ".", 1],
    ["EIB1", "European Investment Bank", 44713, "Financial", 100000, ".", 1],
]
EU_MEMBERS = [("Germany", 0.5), ("France", 0.3), ("Estonia", 0.2)]
EPF_MEMBERS = [("Germany", 0.4), ("France", 0.4), ("Estonia", 0.2)]
EIB_MEMBERS = [("Germany", 0.25), ("France", 0.25), ("Estonia", 0.5)]


def eu_sheets(epf=EPF_MEMBERS, eib=EIB_MEMBERS, with_eib=True):
    out = [("EU aid shares", lambda sst: eu_key_sheet(sst, "EU Budget Contributions", "Country Share on total EU Budget",
                                                      "Share of EU Aid in billion EUR", EU_MEMBERS, 0.001)),
           ("EPF aid shares", lambda sst: eu_key_sheet(sst, "Breakdown of the EPF contributions", "Share of GNI",
                                                       "Share of EPF Aid (billion EUR)", epf, 0.0002, share_col=5))]
    if with_eib:
        out.append(("EIB aid shares", lambda sst: eu_key_sheet(sst, "Breakdown of the EIB's capital",
                                                               "Country Capital Share",
                                                               "Share of EIB Aid in billion EUR", eib, 0.0001)))
    return out


def milex_sheet(sst, title, header_row, lead, rows):
    """A SIPRI country sheet: title and legend lines, the header on
    header_row (lead: the columns before the years), one blank row, then
    rows of [name, notes..., values...]."""
    sh = Sheet(sst)
    sh.row(1, [title + "      \u00a9 SIPRI 2024"])
    sh.row(2, ["Figures are in US $m."])
    sh.row(4, ['". ." = data unavailable. "xxx" = country did not exist or was not independent.'])
    sh.row(header_row, lead + [2021, 2022, 2023, 2024])
    for i, cells in enumerate(rows):
        sh.row(header_row + 2 + i, cells)
    return sh


def milex_mini():
    """A SIPRI-milex-like workbook: the Current US$ sheet (header on row 6,
    two region labels, "...", ". ." and "xxx" cells, an empty cell, a
    number in E-notation, a footnote marker), Constant (2023) US$ with
    SIPRI's unnamed extra column, Share of GDP with its header on row 7,
    and a local-currency sheet that is not read."""
    sst = []
    cur = milex_sheet(sst, "Military expenditure by country, in millions of US$ at current prices", 6,
                      ["Country", "Notes"], [
                          ["Europe"],
                          ["Western Europe"],
                          ["Denmark", "", 4000.5, 5475.015487991187, "...", 9958.8997786911168],
                          ["Germany", None, 56000, "...", 67285.198637862413, 88458.476389510863],
                          ["T\u00fcrkiye", "\u2021\u00a716", 20000, 10000, ". .", 25000],
                          ["USSR", "", "xxx", "xxx", "xxx", "xxx"],
                          ["Asia & Oceania"],
                          ["Korea, South", "58", None, ("", "<v>4.6365420707415724E4</v>"), 47801.863, 47571.318],
                      ])
    const = milex_sheet(sst, "Military expenditure by country, in constant (2023) US$ m.", 6,
                        ["Country", "", "Notes"], [
                            ["Europe"],
                            ["Denmark", None, "", 4500, 5801.1689463020293, 8132.6065552138207, 9781.6488310131135],
                        ])
    share = milex_sheet(sst, "Military expenditure by country as percentage of gross domestic product", 7,
                        ["Country", "Notes"], [
                            ["Denmark", "", 0.013, ("", "<v>1.3615645742108468E-2</v>"), 0.02, 2.4161745416059133E-2],
                        ])
    local = milex_sheet(sst, "Military expenditure by country, in local currency", 7,
                        ["Country", "Currency", "Notes"], [["Denmark", "DKK", "", 1, 2, 3, 4]])
    names = ["Current US$", "Constant (2023) US$", "Share of GDP", "Local currency calendar years"]
    parts = workbook(names)
    for i, sh in enumerate([cur, const, share, local]):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), sh.xml()))
    parts.append(("xl/sharedStrings.xml", sst_xml(sst)))
    return parts


def milex_broken(rows):
    """A one-sheet workbook called "Current US$" with the given rows."""
    sst = []
    sh = Sheet(sst)
    for r, cells in rows:
        sh.row(r, cells)
    return workbook(["Current US$"]) + [("xl/worksheets/sheet1.xml", sh.xml()),
                                        ("xl/sharedStrings.xml", sst_xml(sst))]


def patch_size(path, name, size):
    """Overwrite the uncompressed size of entry name in its local header
    and in the central directory."""
    with open(path, "rb") as f:
        z = bytearray(f.read())
    for sig, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        i = z.find(sig)
        while i >= 0:
            n = struct.unpack_from("<H", z, i + name_len_at)[0]
            if z[i + name_at:i + name_at + n] == name:
                struct.pack_into("<I", z, i + size_at, size)
            i = z.find(sig, i + 4)
    with open(path, "wb") as f:
        f.write(z)


def main():
    parts = basic()
    write_zip("basic.xlsx", parts)
    with open(os.path.join(HERE, "basic.xlsx"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(HERE, "notzip.xlsx"), "w") as f:
        f.write("name,value\nthis is a CSV file with an .xlsx name,1\n")

    # a sheet that expands about a thousand times: 3 MB of spaces
    sst = []
    s = Sheet(sst)
    s.row(1, ["name", "value"])
    bomb = workbook(["Data"]) + [("xl/worksheets/sheet1.xml", s.xml(" " * (3 << 20))),
                                 ("xl/sharedStrings.xml", sst_xml(sst))]
    write_zip("bomb.xlsx", bomb)

    # the same, but the zip headers lie: they declare 100 bytes
    path = write_zip("bomb-lying.xlsx", bomb)
    patch_size(path, b"xl/worksheets/sheet1.xml", 100)

    # an entry whose headers declare 600 MB uncompressed
    path = write_zip("bigsize.xlsx", basic())
    patch_size(path, b"xl/worksheets/data.xml", 600 << 20)

    # sheets that are broken in one way each
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    broken = {
        "badxml.xlsx": head + '<worksheet %s><sheetData><row r="1"><c r="A1"><v>1</v></c></row>\n'
                       '<row r="2"><c r="A2"><v>2</v></row></sheetData></worksheet>' % NS,
        "dtd.xlsx": head + '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>\n'
                    '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c>'
                    '</row></sheetData></worksheet>' % NS,
        "badref.xlsx": head + '<worksheet %s><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
                       '<row r="2"><c r="2B"><v>2</v></c></row></sheetData></worksheet>' % NS,
        "badsst.xlsx": head + '<worksheet %s><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                       '<c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>' % NS,
        "order.xlsx": head + '<worksheet %s><sheetData><row r="3"><c r="A3"><v>1</v></c></row>'
                      '<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>' % NS,
    }
    for name, xml in broken.items():
        write_zip(name, workbook(["Data"]) + [("xl/worksheets/sheet1.xml", xml),
                                              ("xl/sharedStrings.xml", sst_xml(["a", "b"]))])

    # three sheet entries naming one part, which has no <dimension>: its
    # rows are counted once, not once an entry
    sst = []
    s = Sheet(sst)
    s.row(1, ["donor", "year", "type", "value"])
    s.row(2, ["Germany", 2022, "military", 1])
    s.row(4, ["France", 2023, "military", 2])
    write_zip("shared-part.xlsx",
              workbook(["A", "B", "C"], ["worksheets/sheet1.xml"] * 3)
              + [("xl/worksheets/sheet1.xml", s.xml()), ("xl/sharedStrings.xml", sst_xml(sst))])
    # one sheet entry more than the limit (AID_XLSX_MAX_SHEETS, 4096)
    write_zip("many-sheets.xlsx",
              workbook(["S%d" % i for i in range(4097)], ["worksheets/sheet1.xml"] * 4097)
              + [("xl/worksheets/sheet1.xml", s.xml()), ("xl/sharedStrings.xml", sst_xml(sst))])

    write_zip("kiel-mini.xlsx", kiel_mini())
    # the same bytes under a CSV name: found by its first bytes
    write_zip("kiel-mini.csv", kiel_mini())

    # a zip that is no workbook
    write_zip("noworkbook.xlsx", [("hello.txt", "hello\n")])

    # EU attribution keys (the release-7 workbook's three share sheets)
    write_zip("eukey-mini.xlsx", eu_key_book(eu_sheets()))
    # the EPF shares sum to 0.9
    write_zip("eukey-badsum.xlsx", eu_key_book(eu_sheets(epf=[("Germany", 0.4), ("France", 0.3), ("Estonia", 0.2)])))
    # no "EIB aid shares" sheet
    write_zip("eukey-nosheet.xlsx", eu_key_book(eu_sheets(with_eib=False)))
    # the EIB sheet leaves out Estonia
    write_zip("eukey-missing.xlsx", eu_key_book(eu_sheets(eib=[("Germany", 0.5), ("France", 0.5)])))

    write_zip("milex-mini.xlsx", milex_mini())
    # the sheet's name is right but no row starts with "Country"
    write_zip("milex-noheader.xlsx", milex_broken([(1, ["Military expenditure"]),
                                                   (6, ["Land", "Notes", 2023]), (8, ["Denmark", "", 1])]))
    # a value that is not a number, in D9
    write_zip("milex-badcell.xlsx", milex_broken([(6, ["Country", "Notes", 2022, 2023]),
                                                  (8, ["Europe"]), (9, ["Denmark", "", 1.5, "1,2.5"])]))


if __name__ == "__main__":
    main()
