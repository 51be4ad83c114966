#!/usr/bin/env python3
"""Walk a PDF's structure tree from qpdf's JSON (qpdf --json=2) and print
what the tagged-PDF test checks, one fact a line:

  lang <value>            the catalog's /Lang
  marked <true|false>     /MarkInfo /Marked
  displaytitle <t|f>      /ViewerPreferences /DisplayDocTitle
  metadata <yes|no>       a /Metadata stream on the catalog
  elem <S> [alt=<text>]   every structure element, depth first

Usage: qpdf --json=2 --json-key=qpdf FILE.pdf | pdf-structure.py"""
import json
import sys

objs = json.load(sys.stdin)["qpdf"][1]


def deref(v):
    if isinstance(v, str) and v.endswith(" R"):
        o = objs.get("obj:" + v, {})
        return o.get("value", o.get("stream", {}).get("dict"))
    return v


def text(v):
    v = deref(v)
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("utf-16" if v[2:6].lower() == "feff" else "latin-1")
    return v


root = next(o["value"] for o in objs.values()
            if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Catalog")
print("lang", text(root.get("/Lang")))
print("marked", str(deref(root.get("/MarkInfo", {})).get("/Marked", False)).lower())
print("displaytitle", str(deref(root.get("/ViewerPreferences", {})).get("/DisplayDocTitle", False)).lower())
print("metadata", "yes" if "/Metadata" in root else "no")


def walk(e, depth=0):
    if depth > 100:
        return
    e = deref(e)
    if isinstance(e, list):
        for k in e:
            walk(k, depth + 1)
        return
    if not isinstance(e, dict) or "/S" not in e:
        return
    line = "elem " + e["/S"][1:]
    if "/Alt" in e:
        line += " alt=" + text(e["/Alt"]).replace("\n", " ")
    print(line)
    walk(e.get("/K"), depth + 1)


tree = deref(root.get("/StructTreeRoot"))
if tree:
    walk(tree.get("/K"))
