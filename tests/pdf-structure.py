#!/usr/bin/env python3
"""Walk a PDF's structure tree from qpdf's JSON (qpdf --json=2) and print
what the tagged-PDF test checks, one fact a line:

  lang <value>            the catalog's /Lang
  marked <true|false>     /MarkInfo /Marked
  displaytitle <t|f>      /ViewerPreferences /DisplayDocTitle
  metadata <yes|no>       a /Metadata stream on the catalog
  elem <S> [alt=<text>]   every structure element, depth first

With --content (qpdf run with --json-stream-data=inline), each page's
content stream is read too (a small tokenizer below), one line per fact:

  page <N>                      the page's number, first
  artifact <N> <text>           an /Artifact marked-content sequence of
                                page N, with /Type /Pagination, and the
                                text of its literal strings (text objects
                                joined by " | ")
  tagged-text <N> <text>        the text of page N's MCID sequences
  untagged <N> <count>          text-showing operators outside every
                                marked-content sequence (only when > 0)
  mcid-in-artifact <N> <MCID>   an MCID inside an artifact
  mcid-bad <N> <MCID> <why>     an MCID the parent tree does not map to an
                                element that owns it

Usage: qpdf --json=2 --json-key=qpdf FILE.pdf | pdf-structure.py [--content]"""
import base64
import json
import re
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


# --- content streams -------------------------------------------------------

DELIM = b"()<>[]{}/%"


def tokens(data):
    """(kind, value) pairs: op, name, num, str (bytes), hex, [, ], <<, >>."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0"):
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            depth, i, out = 1, i + 1, bytearray()
            while i < n and depth:
                ch = data[i:i + 1]
                if ch == b"\\":
                    nx = data[i + 1:i + 2]
                    esc = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
                    if nx in esc:
                        out += esc[nx]
                        i += 2
                    elif nx.isdigit():
                        m = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                        out.append(int(m.group(0), 8) & 255)
                        i += 1 + len(m.group(0))
                    elif nx in (b"\r", b"\n"):
                        i += 2
                    else:
                        out += nx
                        i += 2
                    continue
                if ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                    if not depth:
                        i += 1
                        break
                out += ch
                i += 1
            yield "str", bytes(out)
        elif data[i:i + 2] == b"<<":
            yield "<<", None
            i += 2
        elif data[i:i + 2] == b">>":
            yield ">>", None
            i += 2
        elif c == b"<":
            j = data.index(b">", i)
            yield "hex", data[i + 1:j]
            i = j + 1
        elif c in (b"[", b"]"):
            yield c.decode(), None
            i += 1
        else:
            j = i + 1 if c == b"/" else i
            while j < n and data[j:j + 1] not in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0") \
                    and data[j] not in DELIM:
                j += 1
            word = data[i:j].decode("latin-1")
            i = j
            if word.startswith("/"):
                yield "name", word
            elif re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", word):
                yield "num", word
            elif word in ("true", "false", "null"):
                yield "num", word
            else:
                yield "op", word
                if word == "ID":  # inline image data, up to EI
                    m = re.compile(rb"\sEI(?=[\s]|$)").search(data, i)
                    i = m.end() if m else n


def stream_bytes(ref):
    o = objs.get("obj:" + ref, {})
    data = o.get("stream", {}).get("data")
    return base64.b64decode(data) if data else b""


def owns(elem, page_ref, mcid, depth=0):
    """Whether the structure element's /K holds this page's MCID."""
    if depth > 20:
        return False
    k = deref(elem.get("/K"))
    kids = k if isinstance(k, list) else [k]
    for kid in kids:
        kid = deref(kid)  # a child element has /S and is skipped below
        if isinstance(kid, int) and kid == mcid and elem.get("/Pg") == page_ref:
            return True
        if isinstance(kid, dict) and kid.get("/Type") == "/MCR" and kid.get("/MCID") == mcid \
                and kid.get("/Pg", elem.get("/Pg")) == page_ref:
            return True
    return False


def parent_tree_array(key):
    def find(node, depth=0):
        node = deref(node)
        if not isinstance(node, dict) or depth > 20:
            return None
        nums = deref(node.get("/Nums", []))
        for a, b in zip(nums[::2], nums[1::2]):
            if a == key:
                return deref(b)
        for kid in deref(node.get("/Kids", [])):
            r = find(kid, depth + 1)
            if r is not None:
                return r
        return None
    return find(deref(tree.get("/ParentTree")) if tree else None)


def page_list():
    out = []

    def walk_pages(ref, depth=0):
        node = deref(ref)
        if depth > 50 or not isinstance(node, dict):
            return
        if node.get("/Type") == "/Page":
            out.append((ref, node))
        for kid in deref(node.get("/Kids", [])):
            walk_pages(kid, depth + 1)
    walk_pages(root["/Pages"])
    return out


def content(num, ref, page):
    c = deref(page.get("/Contents"))
    refs = [page["/Contents"]] if isinstance(c, dict) else c or []
    data = b"\n".join(stream_bytes(r) for r in refs)
    parents = parent_tree_array(page.get("/StructParents"))
    stack = []  # per open sequence: ("artifact", texts) / ("mcid", texts) / ("other",)
    operands, untagged = [], 0
    tagged = []
    for kind, val in tokens(data):
        if kind != "op":
            operands.append((kind, val))
            continue
        op, args = val, operands
        operands = []
        if op in ("BDC", "BMC"):
            tag = args[0][1] if args and args[0][0] == "name" else None
            mcid = None
            names = [v for k, v in args]
            if "/MCID" in names:
                mcid = int(names[names.index("/MCID") + 1])
            if tag == "/Artifact":
                pagination = "/Type" in names and names[names.index("/Type") + 1] == "/Pagination"
                stack.append(["artifact", [], pagination])
            elif mcid is not None:
                if any(s[0] == "artifact" for s in stack):
                    print("mcid-in-artifact", num, mcid)
                entry = deref(parents[mcid]) if parents and mcid < len(parents) else None
                if not isinstance(entry, dict):
                    print("mcid-bad", num, mcid, "no-parent-tree-entry")
                elif entry.get("/S") == "/Private":
                    print("mcid-bad", num, mcid, "furniture-element")
                elif not owns(entry, ref, mcid):
                    print("mcid-bad", num, mcid, "not-owned-by-" + entry.get("/S", "?")[1:])
                stack.append(["mcid", []])
            else:
                stack.append(["other"])
        elif op == "EMC":
            if not stack:
                print("mcid-bad", num, -1, "unbalanced-EMC")
                continue
            s = stack.pop()
            if s[0] == "artifact":
                text = " | ".join(t for t in s[1] if t.strip())
                if s[2]:
                    print("artifact", num, text)
                else:
                    print("artifact-untyped", num, text)
            elif s[0] == "mcid":
                tagged.append(" | ".join(t for t in s[1] if t.strip()))
        elif op in ("Tj", "TJ", "'", '"'):
            text = "".join(v.decode("latin-1") for k, v in args if k == "str")
            owner = next((s for s in reversed(stack) if s[0] in ("artifact", "mcid")), None)
            if owner is None:
                untagged += 1
            else:
                if not owner[1]:
                    owner[1].append("")
                owner[1][-1] += text
        elif op == "ET":
            for s in stack:
                if s[0] in ("artifact", "mcid"):
                    s[1].append("")
    print("tagged-text", num, " | ".join(t for t in tagged if t))
    if untagged:
        print("untagged", num, untagged)


if "--content" in sys.argv[1:]:
    for i, (ref, page) in enumerate(page_list(), 1):
        print("page", i)
        content(i, ref, page)
