#!/usr/bin/env python3
"""Every door onto a selection says the same thing (issue 10, item 7).

For each selection of the matrix below, the same question goes through
  - compare --format json   (full precision: the reference)
  - the C API               (tests/unit/select-door, full precision)
  - compare (the text table)
  - chart bar --alt         (the chart's description)
  - a report: an inline {{ sum }} figure and a table block (pdftotext)
and the value (to each door's printed precision), unit, title, period,
source and notes must agree. Prints TAP lines; exits 1 when a check fails.

Environment: AIDSTAT, SELECTDOOR, SHARED (datasets; SIPRI and workbook
selections are skipped when absent), TESTDATA (tests/data: a small SIPRI
register, so that SIPRI's wording is checked without SHARED too).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

AIDSTAT = os.environ["AIDSTAT"]
DOOR = os.environ["SELECTDOOR"]
SHARED = os.environ.get("SHARED", "")

SIPRI = os.path.join(SHARED, "sipri-at-trade-register", "trade-register.csv")
BOOK = os.path.join(SHARED, "kiel-ust-r7-xlsx", "Ukraine_Support_Tracker.xlsx")
TESTDATA = os.environ.get("TESTDATA") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SMALL = os.path.join(TESTDATA, "sipri-register.csv")

# (data, by, top, per, selection text)
MATRIX = [
    (None, "donor", 5, None, ""),
    (None, "donor", 5, None, "type=military"),
    (None, "donor", 5, None, "type=financial"),
    (None, "donor", 5, None, "type=humanitarian"),
    (None, "donor", 4, None, "type=military,financial"),
    (None, "donor", 5, None, "measure=commitment"),
    (None, "donor", 6, None, "measure=commitment,region=europe"),
    (None, "donor", 8, None, "region=europe"),
    (None, "donor", 8, None, "region=europe,type=military"),
    (None, "donor", 5, None, "region=europe,type=military,from=2025"),
    (None, "type", 0, None, "donor=DEU"),
    (None, "donor", 0, None, "donor=USA,measure=commitment"),
    (None, "donor", 0, None, "donor=DEU,FRA,GBR"),
    (None, "donor", 5, None, "from=2024"),
    (None, "donor", 5, None, "from=2023,to=2024-06"),
    (None, "donor", 5, None, "to=2022-12"),
    (None, "donor", 10, None, "to=2022-12,type=military"),
    (None, "donor", 10, "gdp", ""),
    (None, "donor", 10, "gdp", "type=military"),
    (None, "donor", 5, "gdp", "region=europe"),
    (None, "donor", 3, "gdp", "measure=commitment"),
    (None, "region", 0, None, ""),
    (None, "region", 0, None, "type=military"),
    (None, "type", 0, None, ""),
    (None, "type", 0, None, "region=europe"),
    (None, "donor", 3, None, "measure=commitment,from=2024"),
    (None, "donor", 15, None, ""),
    (None, "donor", 5, None, "from=2025,type=financial"),
    (SIPRI, "donor", 3, None, "recipient=Ukraine,from=2022"),
    (SIPRI, "donor", 5, None, "recipient=Ukraine"),
    (SIPRI, "donor", 5, None, "from=2020,to=2021"),
    (SMALL, "donor", 2, None, "recipient=Ukraine"),
    (SMALL, "donor", 0, None, "recipient=Ukraine,Poland,from=2022"),
    (BOOK, "donor", 3, None, "type=military"),
    (BOOK, "donor", 5, None, ""),
    (BOOK, "type", 0, None, "donor=USA"),
]

OPTS = {"type": "--type", "measure": "--measure", "donor": "--donor",
        "recipient": "--recipient", "region": "--region", "from": "--from",
        "to": "--to"}

SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3,
         "thousand": 1e3, "": 1.0}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]

npass = nfail = 0


def result(ok, desc, detail=""):
    global npass, nfail
    n = npass + nfail + 1
    if ok:
        npass += 1
        print(f"ok {n} - {desc}")
    else:
        nfail += 1
        print(f"not ok {n} - {desc}")
        if detail:
            for line in str(detail).splitlines():
                print(f"#   {line}")


def split_selection(text):
    """'type=military,financial,donor=DEU' -> [(key, 'v1,v2'), ...]"""
    items = []
    for part in [p for p in text.split(",") if p]:
        if "=" in part:
            k, v = part.split("=", 1)
            items.append([k, v])
        else:
            items[-1][1] += "," + part
    return items


def cli_args(data, by, top, per, sel):
    args = ["--by", by]
    if top:
        args += ["--top", str(top)]
    if per:
        args += ["--per", per]
    for k, v in split_selection(sel):
        args += [OPTS[k], v]
    if data:
        args.append(data)
    return args


def run(argv):
    p = subprocess.run(argv, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def period_words(a, b):
    def one(s):
        if "-" not in s:
            return s
        y, m = s.split("-")
        return f"{MONTHS[int(m) - 1]} {y}"
    return f"{one(a)} – {one(b)}"


NOTE_TEXT, NOT_SHOWN, SHARES_OVERLAP, COLUMNS_OVERLAP, OUTSIDE_GROUPS, RANKED_BY, NO_RATIO = range(7)


def note_found(note, door_notes):
    """Whether a door carries the library's note, in its own words: a
    statement word for word; a structured note by its parameters."""
    c, t = note["code"], note["text"]
    nums = lambda s: [int(x) for x in re.findall(r"\d+", s.replace(",", ""))]
    for d in door_notes:
        if c == NOTE_TEXT and d.rstrip(".") == t.rstrip("."):
            return True
        if c == NOT_SHOWN and note["p1"] in nums(d) and \
                (note["p0"] in nums(d) or note["p0"] + note["p1"] in nums(d)):
            return True
        if c in (SHARES_OVERLAP, COLUMNS_OVERLAP) and re.search(r"overlap|several groups|share donors", d):
            return True
        if c == OUTSIDE_GROUPS and str(note["p0"]) in d and "none of" in d:
            return True
        if c in (RANKED_BY, NO_RATIO) and note["subject"] in d:
            return True
    return False


def notes_problems(where, api_notes, door_notes):
    problems = [f"{where}: no note for {n['text']!r} in {door_notes}" for n in api_notes
                if not note_found(n, door_notes)]
    if len(door_notes) != len(api_notes):
        problems.append(f"{where}: {len(door_notes)} notes, the library has {len(api_notes)}: {door_notes}")
    return problems


def printed_match(exact, printed, scale):
    """Whether `printed` (a string like '1,234.56') is `exact`/scale
    rounded to the digits it shows."""
    s = printed.replace(",", "")
    decimals = len(s.split(".")[1]) if "." in s else 0
    shown = float(s)
    half = 0.5 * 10 ** (-decimals)
    return abs(exact / scale - shown) <= half * 1.0001 + 1e-9 * abs(shown)


def significant_match(exact, printed, scale):
    """For figures rounded to significant digits ('€115 bn', '2.95 %'):
    the printed digits are the exact value's, to the last one shown."""
    s = printed.replace(",", "")
    shown = float(s)
    if "." in s:
        ulp = 10 ** (-len(s.split(".")[1]))
    else:
        digits = len(s.lstrip("-").lstrip("0")) or 1
        trailing = len(s) - len(s.rstrip("0")) if shown != 0 else 0
        ulp = 10 ** trailing if digits > 3 else 1
    return abs(exact / scale - shown) <= 0.5 * ulp * 1.0001 + 1e-9 * abs(shown)


def parse_money(text):
    """'€115 bn' / 'TIV 5,618 m' / '2.95 %' / '$1.2 bn' -> (number string, scale)"""
    m = re.search(r"(-?[\d,]+(?:\.\d+)?)\s?(bn|m|k)?\b\s?%?", text)
    if not m:
        return None, None
    return m.group(1), SCALE[m.group(2) or ""]


def api_door(data, by, top, per, sel):
    argv = [DOOR, "-b", by]
    if top:
        argv += ["-t", str(top)]
    if per:
        argv += ["-p", per]
    if data:
        argv += ["-d", data]
    argv.append(sel)
    out = {"rows": [], "notes": []}
    for line in run(argv).splitlines():
        f = line.split("\t")
        if f[0] == "row":
            out["rows"].append((f[1], float(f[2])))
        elif f[0] == "total":
            out["total"] = float(f[1])
        elif f[0] == "period":
            out["period"] = {"from": f[1], "to": f[2]}
        elif f[0] == "note":
            out["notes"].append({"code": int(f[1]), "p0": int(f[2]), "p1": int(f[3]),
                                 "subject": f[4], "text": f[5]})
        else:
            out[f[0]] = f[1] if len(f) > 1 else ""
    return out


def neutral_note(note):
    """A note as the library words it, from a door that names options its
    own way: '(--top 4)' on the command line, '(top=4)' in a report."""
    note = re.sub(r"\(--top (\d+)\)", r"(only the first \1)", note)
    note = re.sub(r"\(top=(\d+)\)", r"(only the first \1)", note)
    return note


def value_column(header):
    """The value column's header ('€ bn', 'TIV m', '% of GDP') of a table."""
    cols = [c for c in re.split(r"\s{2,}", header.strip()) if c != "Rank"]
    return cols[1] if len(cols) > 1 else ""


def text_door(lines):
    """The compare table: title, unit scale, rows, total, period, source, notes."""
    out = {"rows": [], "notes": []}
    out["title"] = lines[0]
    header = lines[2]
    # the value column's header: '€ bn', 'TIV m', '% of GDP', '€ m' ...
    m = re.search(r"(?:€|\$|£|TIV|[A-Z]{3})\s(bn|m|k)\b", header)
    out["scale"] = SCALE[m.group(1)] if m else 1.0
    out["column"] = value_column(header)
    rule = [i for i, l in enumerate(lines) if l.startswith("───")]
    for l in lines[rule[0] + 1:rule[1]]:
        m = re.match(r"\s*(?:\d+\s\s)?\s*(.+?)\s{2,}(-?[\d,]+(?:\.\d+)?)(?:\s|$)", l)
        if m:
            out["rows"].append((m.group(1).strip(), m.group(2)))
    for l in lines[rule[1] + 1:]:
        m = re.match(r"\s+(.+?)\s{2,}(-?[\d,]+(?:\.\d+)?)(?:\s|$)", l)
        if m and "total" not in out:
            out["total"] = m.group(2)
        if l.startswith("Period: "):
            out["period"] = l[len("Period: "):]
        elif l.startswith("Source: "):
            out["source"] = l[len("Source: "):]
        elif l.startswith("Unit: "):
            out["unit"] = l[len("Unit: "):]
        elif l.startswith("Note: "):
            out["notes"].append(neutral_note(l[len("Note: "):]))
    return out


def alt_door(text):
    text = text.strip()
    m = re.match(r"bar chart: (.*?)\. (.*)$", text, re.S)
    out = {"title": m.group(1), "rows": [], "notes": []}
    rest = m.group(2)
    parts = re.split(r"\. (?=[A-Z€])", rest)
    out["subtitle"] = parts[0]
    for p in parts[1:]:
        if p.startswith("Source: "):
            out["source"] = p[len("Source: "):]
        elif p.startswith("Note: "):
            out["notes"].append(neutral_note(p[len("Note: "):]))
        else:
            label, _, value = p.rpartition(": ")
            out["rows"].append((label, value))
    return out


def report_door(i, case, tmp):
    """A report with an inline figure and a table block for the selection:
    {"inline": str, "table": [(label, shown)], "foot": str}."""
    data, by, top, per, sel = case
    spec = ["---", "title: Consistency"]
    if data:
        spec.append(f"data: {data}")
    spec += ["---", ""]
    filt = " ".join(f"{k}={v}" for k, v in split_selection(sel))
    spec.append("Inline: none." if per else f"Inline: {{{{ sum {filt} | money }}}}.")
    spec += ["", "```table", f"by: {by}"]
    if top:
        spec.append(f"top: {top}")
    if per:
        spec.append(f"per: {per}")
    for k, v in split_selection(sel):
        spec.append(f"{k}: {v}")
    spec += ["caption: The selection", "```", ""]
    path = os.path.join(tmp, f"spec{i:02d}.md")
    with open(path, "w") as f:
        f.write("\n".join(spec))
    pdf = os.path.join(tmp, f"r{i:02d}.pdf")
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    p = subprocess.run([AIDSTAT, "report", "-q", path, "-o", pdf], capture_output=True,
                       text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"report: {p.stderr.strip()}")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout
    lines = [l for l in text.splitlines() if not re.match(r"\s*Page \d+ of \d+", l)]
    r = {"table": [], "foot": ""}
    for l in lines:
        m = re.match(r"Inline: (.*)\.$", l.strip())
        if m:
            r["inline"] = m.group(1)
    start = [n for n, l in enumerate(lines) if l.strip() == "Table 1: The selection"]
    if start:
        r["column"] = value_column(lines[start[0] + 1])
        n = start[0] + 2
        while n < len(lines) and lines[n].strip():
            l = lines[n]
            m = re.match(r"\s*(.+?)\s+(-?[\d,]+(?:\.\d+)?)(?:\s+-?[\d.]+\s?%)*\s*$", l)
            if m and not re.match(r"[A-Z][a-z]+, ", l):
                r["table"].append((m.group(1).strip(), m.group(2)))
                n += 1
                continue
            break
        foot = []
        while n < len(lines) and lines[n].strip():
            foot.append(lines[n].strip())
            n += 1
        r["foot"] = " ".join(foot)
    return r


def check_case(i, case, tmp):
    data, by, top, per, sel = case
    name = f"S{i:02d} {os.path.basename(data) if data else 'embedded'} by {by}" + \
        (f" top {top}" if top else "") + (f" per {per}" if per else "") + (f" [{sel}]" if sel else "")
    args = cli_args(*case)
    ref = json.loads(run([AIDSTAT, "compare", "--format", "json"] + args))
    rows = [(r["label"], r["value"]) for r in ref["rows"]]
    api = api_door(*case)
    problems = []

    # the C API: the same result, to the last bit
    if api["rows"] != [(l, float(v)) for l, v in rows]:
        problems.append(f"API rows {api['rows']} != JSON {rows}")
    if api["total"] != float(ref["total"]):
        problems.append(f"API total {api['total']!r} != JSON {ref['total']!r}")
    if api["period"] != ref["period"]:
        problems.append(f"API period {api['period']} != JSON {ref['period']}")
    if api["source"] != ref["source"]:
        problems.append(f"API source {api['source']!r} != JSON {ref['source']!r}")
    problems += notes_problems("JSON", api["notes"], ref["notes"])
    result(not problems, f"{name}: C API = compare --format json", "\n".join(problems))

    # the text table
    problems = []
    text = text_door(run([AIDSTAT, "compare"] + args).splitlines())
    if [l for l, _ in text["rows"]] != [l for l, _ in rows]:
        problems.append(f"labels {[l for l, _ in text['rows']]} != {[l for l, _ in rows]}")
    for (l, shown), (_, exact) in zip(text["rows"], rows):
        if not printed_match(exact, shown, text["scale"]):
            problems.append(f"{l}: table {shown} but value {exact}")
    if not printed_match(ref["total"], text["total"], text["scale"]):
        problems.append(f"total: table {text['total']} but {ref['total']}")
    words = period_words(ref["period"]["from"], ref["period"]["to"])
    if text.get("period") != words:
        problems.append(f"period {text.get('period')!r} != {words!r}")
    if text.get("source") != ref["source"]:
        problems.append(f"source {text.get('source')!r} != {ref['source']!r}")
    problems += notes_problems("table", api["notes"], text["notes"])
    result(not problems, f"{name}: compare table = JSON", "\n".join(problems))

    # the chart's description
    problems = []
    alt = alt_door(run([AIDSTAT, "chart", "bar", "--alt"] + args))
    arows = rows
    # a description lists ten bars and counts the rest ("And 6 more")
    if alt["rows"] and alt["rows"][-1][0] == "" and len(rows) > 10:
        more = alt["rows"].pop()[1]
        if more != f"And {len(rows) - len(alt['rows'])} more":
            problems.append(f"{more!r} but {len(rows) - len(alt['rows'])} bars are not described")
        arows = rows[:len(alt["rows"])]
    if [l for l, _ in alt["rows"]] != [l for l, _ in arows]:
        problems.append(f"labels {[l for l, _ in alt['rows']]} != {[l for l, _ in arows]}")
    for (l, shown), (_, exact) in zip(alt["rows"], arows):
        num, scale = parse_money(shown)
        if num is None or not significant_match(exact, num, scale):
            problems.append(f"{l}: chart {shown!r} but value {exact}")
    title = text["title"].rsplit(", ", 1)[0]
    if alt["title"] != title:
        problems.append(f"title: chart {alt['title']!r}, table {title!r}")
    # the unit as the table's title gives it ("€ billion"), or as its Unit:
    # line states it in full (SIPRI: "SIPRI trend-indicator values (TIV), millions, ...")
    unit = text["title"].rsplit(", ", 1)[1]
    if unit not in alt["subtitle"] and text.get("unit", "\0") not in alt["subtitle"]:
        problems.append(f"unit {unit!r} / {text.get('unit')!r} not in the chart's subtitle {alt['subtitle']!r}")
    if words not in alt["subtitle"]:
        problems.append(f"period {words!r} not in subtitle {alt['subtitle']!r}")
    if alt.get("source") != ref["source"]:
        problems.append(f"source {alt.get('source')!r} != {ref['source']!r}")
    problems += notes_problems("chart", api["notes"], alt["notes"])
    result(not problems, f"{name}: chart --alt = JSON", "\n".join(problems))

    # the report: inline figure and table
    problems = []
    r = report_door(i, case, tmp)
    if not per:
        num, scale = parse_money(r.get("inline", ""))
        if num is None or not significant_match(ref["total"], num, scale):
            problems.append(f"inline {r.get('inline')!r} but total {ref['total']}")
        elif scale != text["scale"]:
            problems.append(f"inline {r.get('inline')!r} in another scale than the table's {text['column']!r}")
        elif "." not in text["total"] and "." in num:
            # SIPRI's TIV millions are whole in every door
            problems.append(f"inline {r.get('inline')!r} has decimals, the table's total {text['total']!r} none")
    if r.get("column") != text["column"]:
        problems.append(f"report table in {r.get('column')!r}, compare table in {text['column']!r}")
    labels = [l for l, _ in r.get("table", [])]
    want = [l for l, _ in rows] + [ref["total_label"]]
    if labels != want:
        problems.append(f"table labels {labels} != {want}")
    for (l, shown), exact in zip(r.get("table", []), [v for _, v in rows] + [ref["total"]]):
        if not printed_match(exact, shown, text["scale"]):
            problems.append(f"{l}: report table {shown} but value {exact}")
    foot = r.get("foot", "")
    if words not in foot:
        problems.append(f"period {words!r} not in the table's foot {foot!r}")
    if ref["source"] not in foot:
        problems.append(f"source not in the table's foot {foot!r}")
    foot_notes = re.split(r"(?<=\.) (?=\S)", foot)
    foot_notes = [n.rstrip(".") for n in foot_notes[1:] if not n.startswith("Source: ")
                  and ref["source"] not in n]
    problems += notes_problems("report table", api["notes"], foot_notes)
    result(not problems, f"{name}: report = JSON", "\n".join(problems))


def main():
    cases = [c for c in MATRIX if c[0] is None or os.path.exists(c[0])]
    if len(cases) < len(MATRIX):
        print(f"# {len(MATRIX) - len(cases)} selections skipped: shared datasets absent")
    with tempfile.TemporaryDirectory() as tmp:
        for i, c in enumerate(cases):
            try:
                check_case(i, c, tmp)
            except Exception as e:  # a door that fails is a failed check
                result(False, f"S{i:02d}: {e}")
    print(f"{npass} passed, {nfail} failed")
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
