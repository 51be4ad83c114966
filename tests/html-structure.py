#!/usr/bin/env python3
"""Checks an HTML report with python's own HTML parser (html.parser):

  html-structure.py PAGE.html [PDF-TEXT.txt]

- <html lang>, a Content-Security-Policy that forbids scripts, one <h1>,
  headings that never skip a level;
- no <script>, no <iframe>/<object>/<embed>, no event-handler attribute,
  nothing loaded from elsewhere (src only data:, no <link>), links only
  http(s), mailto or within the page;
- every table: a caption, header cells <th scope="col">, row headers
  <th scope="row">;
- every chart figure: a figcaption, one inline <svg> with role="img" whose
  aria-describedby names a description present in the page, ids unique;
- with the PDF's text (pdftotext): every paragraph, list item, table cell
  and headline figure of the page appears in the PDF with the same words
  and figures.
Prints TAP lines; exit 1 when a check fails.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "meta", "link", "input", "source", "area", "base", "col", "embed",
        "wbr", "path", "rect", "use", "circle", "line", "polyline", "polygon", "ellipse", "stop",
        "image"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.elements = []  # (tag, attrs, path)
        self.ids = {}
        self.texts = []     # (kind, text) of prose elements outside figures' SVG
        self.cur = None
        self.buf = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a, tuple(self.stack)))
        if "id" in a:
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
        if tag == "br" and self.cur:
            self.buf.append(" ")
        if tag not in VOID:
            self.stack.append(tag)
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "caption") and "svg" not in self.stack \
                and "details" not in self.stack:
            self.cur = (tag, len(self.stack))
            self.buf = []

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.cur:
            self.buf.append(" ")
        a = dict(attrs)
        self.elements.append((tag, a, tuple(self.stack)))
        if "id" in a:
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1

    def handle_endtag(self, tag):
        if self.cur and tag == self.cur[0] and len(self.stack) == self.cur[1]:
            self.texts.append((tag, " ".join("".join(self.buf).split())))
            self.cur = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.cur:
            self.buf.append(data)


npass = nfail = 0


def check(ok, desc, detail=""):
    global npass, nfail
    if ok:
        npass += 1
        print(f"ok {npass + nfail} - {desc}")
    else:
        nfail += 1
        print(f"not ok {npass + nfail} - {desc}")
        for line in str(detail).splitlines()[:12]:
            print(f"#   {line}")


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    p = Page()
    p.feed(page)
    els = p.elements
    tags = [t for t, _, _ in els]

    html = [a for t, a, _ in els if t == "html"]
    check(html and html[0].get("lang") in ("en", "de"), "<html lang> is en or de", html)
    csp = [a.get("content", "") for t, a, _ in els
           if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    check(csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0],
          "a Content-Security-Policy that allows no script", csp)
    check(tags.count("h1") <= 1, "at most one h1", tags.count("h1"))
    levels = [int(t[1]) for t in tags if re.fullmatch(r"h[1-6]", t)]
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    check(not jumps, "headings never skip a level", jumps)

    bad = [t for t in tags if t in ("script", "iframe", "object", "embed", "link", "base", "form")]
    check(not bad, "no script, frame, object, link or form element", bad)
    handlers = [(t, k) for t, a, _ in els for k in a if k.lower().startswith("on")]
    check(not handlers, "no event-handler attribute", handlers)
    srcs = [a["src"][:40] for t, a, _ in els if "src" in a and not a["src"].startswith("data:")]
    check(not srcs, "every src is a data: URI", srcs)
    hrefs = [a["href"] for t, a, _ in els if t == "a" and "href" in a]
    csvlinks = [a["href"] for t, a, _ in els if t == "a" and "download" in a and "href" in a and
                a["href"].startswith("data:text/csv;")]
    badlinks = [h[:60] for h in hrefs if not re.match(r"(https?:|mailto:|#)", h) and h not in csvlinks]
    check(not badlinks, "links are http(s), mailto, within the page, or a CSV download", badlinks)
    internal = [h[1:] for h in hrefs if h.startswith("#")]
    missing = [h for h in internal if h not in p.ids]
    check(not missing, "every link within the page has its target", missing)
    dup = [i for i, n in p.ids.items() if n > 1]
    check(not dup, "ids are unique (each chart's SVG ids have their own prefix)", dup[:10])

    # tables
    tables = tags.count("table")
    captions = sum(1 for t, _, path in els if t == "caption" and path and path[-1] == "table")
    check(captions == tables, f"{tables} tables, each with a caption", (tables, captions))
    ths = [a for t, a, path in els if t == "th"]
    col = [a for a in ths if a.get("scope") == "col"]
    noscope = [a for a in ths if a.get("scope") not in ("col", "row")]
    check(not noscope and (col or not tables), f"header cells: {len(col)} th scope=col, every th has a scope",
          noscope[:3])
    in_head = [a for t, a, path in els if t == "th" and "thead" in path and a.get("scope") != "col"]
    check(not in_head, "th in thead are column headers", in_head[:3])

    # charts
    figs = [a for t, a, _ in els if t == "figure" and "chart" in a.get("class", "")]
    svgs = [(a, path) for t, a, path in els if t == "svg"]
    check(len(svgs) == len(figs), f"{len(figs)} chart figures, one inline SVG each",
          (len(figs), len(svgs)))
    nodesc = [a.get("aria-describedby") for a, _ in svgs
              if a.get("role") != "img" or a.get("aria-describedby") not in p.ids]
    check(not nodesc, "every chart SVG is role=img with a description in the page", nodesc)
    figcaps = sum(1 for t, _, path in els if t == "figcaption" and "figure" in path)
    check(figcaps >= len(figs), "every figure has a figcaption", figcaps)
    downloads = [a for t, a, path in els if t == "a" and "download" in a]
    nfig = sum(1 for t, a, _ in els if t == "figure" and ("chart" in a.get("class", "") or "table" in a.get("class", "")))
    nocsv = [a["download"] for a in downloads if not a.get("href", "").startswith("data:text/csv;charset=utf-8;base64,")
             or not a["download"].endswith(".csv")]
    check(len(downloads) == nfig and not nocsv,
          f"every chart and table has its numbers as a CSV download ({len(downloads)} of {nfig})", nocsv)
    sized = [a for a, _ in svgs if "width" in a or "viewbox" not in {k.lower() for k in a}]
    check(not sized, "chart SVGs scale with the page (viewBox, no fixed width)", sized[:2])

    if len(sys.argv) > 2:
        pdf = open(sys.argv[2], encoding="utf-8").read()
        # running heads and page numbers are not content
        pdf = "\n".join(l for l in pdf.splitlines() if not re.fullmatch(r"\s*(Page \d+ of \d+|\d+)\s*", l))
        flat = " ".join(pdf.replace("\u00ad", "").split())
        flat_nohyph = flat.replace("- ", "-")
        missing = []
        figures = 0
        for kind, text in p.texts:
            if not text or text in ("Contents", "The numbers (CSV)"):
                continue
            if re.search(r"\d", text):
                figures += 1
            # pdftotext joins a word hyphenated at a line end ("log-" "linear")
            if text not in flat and text not in flat_nohyph and \
                    text.replace("-", "") not in flat.replace("-", ""):
                # a table cell or a paragraph broken across pages: its words in order
                words = text.split()
                pat = r"\s+(?:\S+\s+){0,40}?".join(re.escape(w) for w in words)
                if not re.search(pat, flat):
                    missing.append(f"{kind}: {text}")
        check(not missing, f"{len(p.texts)} texts of the page ({figures} with figures) are in the PDF",
              "\n".join(missing))

    print(f"{npass} passed, {nfail} failed")
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
