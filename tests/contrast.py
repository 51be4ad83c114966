#!/usr/bin/env python3
"""Text contrast in an SVG chart (tests/chart-legible.sh): for each <text>,
the colour under it is the last rectangle filled before the text layer
that holds the text's anchor point (else the first, the page); print one
line per text whose WCAG 2 contrast ratio against that colour is below
4.5:1, and "N texts" at the end. Independent of aidstat: it reads only
the SVG's own shapes and text."""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def rgb_of(style):
    m = re.search(r"fill:rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)", style or "")
    return tuple(float(v) / 100 for v in m.groups()) if m else None


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) / 255 for i in (1, 3, 5))


def lum(c):
    v = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]


def contrast(a, b):
    la, lb = lum(a), lum(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


RECT = re.compile(r"^M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) Z")

rects = []
texts = []
for el in ET.parse(sys.argv[1]).iter():
    if el.tag == NS + "path":
        fill = rgb_of(el.get("style"))
        m = RECT.match(el.get("d", ""))
        if fill and m and "stroke:none" in el.get("style", ""):
            xs = [float(m.group(i)) for i in (1, 3, 5, 7)]
            ys = [float(m.group(i)) for i in (2, 4, 6, 8)]
            rects.append((min(xs), min(ys), max(xs), max(ys), fill))
    elif el.tag == NS + "text":
        texts.append(el)

bad = 0
for t in texts:
    size = float(t.get("font-size"))
    x, y = float(t.get("x")), float(t.get("y")) - size * 0.35
    anchor = t.get("text-anchor", "start")
    x += {"start": size * 0.3, "middle": 0, "end": -size * 0.3}[anchor]
    under = rects[0][4] if rects else (1, 1, 1)
    for r in rects:
        if r[0] <= x <= r[2] and r[1] <= y <= r[3]:
            under = r[4]
    ratio = contrast(hex_rgb(t.get("fill")), under)
    if ratio < 4.5:
        bad += 1
        print("%.2f:1 %s on rgb%s: %s" % (ratio, t.get("fill"), tuple(round(v * 255) for v in under), "".join(t.itertext())))
print("%d texts" % len(texts))
sys.exit(1 if bad else 0)
