#!/bin/sh
# Charts a desk would publish (issue 14, item 5), read from the charts' SVG
# (real <text>, tests/svg-text.sh) by tests/contrast.py and python3:
# - every text has a contrast of at least 4.5:1 against what is under it
#   (the page, or a coloured segment), in every kind, with a palette holding
#   the Okabe-Ito yellow, in the print theme and in 100 % stacks;
# - a line-end label pushed away from its line's end is joined to it by a
#   leader line, and a label at its line's end has none;
# - a long title wraps whole at 80 mm with no warning; one too long for
#   four lines is cut with a warning;
# - two or three bars are no thicker than about twice their label's size,
#   and sit in the middle of the plot.
# Environment (set by `make check`): AIDSTAT, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (no python3 or pdftotext), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
for t in python3 pdftotext; do
    command -v $t >/dev/null || { echo "SKIP: $t not installed"; exit 77; }
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
contrast() { python3 "$SRCDIR/tests/contrast.py" "$@"; }

# ---- contrast
yellow='#F0E442,#56B4E9,#E69F00,#CC79A7,#009E73,#D55E00'
for kind in bar stacked grouped column line area dumbbell scatter; do
    for opts in "" "--theme print" "--colors $yellow"; do
        set -- $opts
        by=
        case $kind in
        line) by="--by region --top 6" ;;
        area | column) by="--by donor --top 6" ;;
        esac
        "$AIDSTAT" chart $kind $by "$@" -o "$tmp/c.svg" 2>/dev/null || { fail "$kind $opts: written"; continue; }
        if contrast "$tmp/c.svg" >"$tmp/c.out"; then
            pass "$kind ${opts:-(default)}: every text at least 4.5:1 ($(tail -n 1 "$tmp/c.out"))"
        else
            fail "$kind ${opts:-(default)}: every text at least 4.5:1"
            sed 's/^/    /' "$tmp/c.out" | head -5
        fi
    done
done
for opts in "" "--colors $yellow" "--theme print"; do
    "$AIDSTAT" chart stacked --percent $opts -o "$tmp/p.svg" 2>/dev/null || exit 99
    check "stacked --percent ${opts:-(default)}: shares on the segments at least 4.5:1" \
        sh -c 'python3 "$1" "$2" >"$2.out" || { cat "$2.out"; false; }' sh "$SRCDIR/tests/contrast.py" "$tmp/p.svg"
done

# ---- leader lines: in a line chart the label of each line is at its
# line's end (the path's last point) or joined to it by a thin path
# (stroke-width 0.6) from there to the label
leaders() {
    python3 - "$1" <<'PY'
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
paths = [p for p in root.iter(NS + "path")]
def pts(d):
    return [(float(a), float(b)) for a, b in re.findall(r"([-\d.]+) ([-\d.]+)", d)]
lines = [pts(p.get("d")) for p in paths if "stroke-width:1.6;" in p.get("style", "")]
leads = [pts(p.get("d")) for p in paths if "stroke-width:0.6;" in p.get("style", "")]
ends = [l[-1] for l in lines]
right = max(e[0] for e in ends)
texts = [t for t in root.iter(NS + "text") if float(t.get("x")) > right]
bad = 0
for t in texts:
    size = float(t.get("font-size"))
    tx, ty = float(t.get("x")), float(t.get("y")) - size * 0.35
    near = [e for e in ends if abs(e[1] - ty) <= size * 0.6]
    lead = [l for l in leads if abs(l[-1][1] - ty) <= size * 0.6 and 0 < tx - l[-1][0] <= size
            and any(abs(l[0][1] - e[1]) < 0.01 and abs(l[0][0] - e[0]) < 2 for e in ends)]
    if not near and not lead:
        bad += 1
        print("label %r: %.1f from its nearest line end, no leader" % (t.text, min(abs(e[1] - ty) for e in ends)))
print("%d labels, %d leaders" % (len(texts), len(leads)))
sys.exit(1 if bad or len(texts) != len(lines) else 0)
PY
}
"$AIDSTAT" chart line --by donor --top 6 -o "$tmp/l.svg" 2>/dev/null || exit 99
check "line, six donors: each label at its line's end or led to it" leaders "$tmp/l.svg"
check "line, six donors: crowded labels get leader lines" grep -q 'stroke-width:0.6;' "$tmp/l.svg"
"$AIDSTAT" chart line --by region --region europe,usa -o "$tmp/l2.svg" 2>/dev/null || exit 99
check "line, two regions apart: each label at its line's end" leaders "$tmp/l2.svg"

# ---- titles wrap
long="Military aid to Ukraine since the full-scale invasion, by donor country and instrument"
"$AIDSTAT" chart bar --width 80mm --title "$long" -o "$tmp/t.pdf" 2>"$tmp/t.err" || exit 99
pdftotext -raw "$tmp/t.pdf" - | head -n 4 | tr '\n' ' ' >"$tmp/t.txt"
check "80 mm: the long title is printed whole" sh -c 'tr -d "\n" <"$1" | grep -qF -- "$2"' sh "$tmp/t.txt" "$(echo "$long" | sed 's/full-scale/full- scale/')"
check "80 mm: the title is not cut" sh -c "! grep -q '…' '$tmp/t.txt'"
check "80 mm: no warning about the title" sh -c "! grep -q 'title' '$tmp/t.err'"
"$AIDSTAT" chart bar --width 80mm --title "$long, $long, $long" -o "$tmp/t2.pdf" 2>"$tmp/t2.err" || exit 99
check "a title too long for four lines: warned" \
    grep -qx 'aidstat: warning: the title is shortened to fit in 4 lines: widen the chart or shorten the title' "$tmp/t2.err"

# ---- bar thickness: bars no thicker than 2.5 times their labels' size,
# and the group centred between the subtitle and the axis labels
thick() {
    python3 - "$1" <<'PY'
import re, sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
bars = []
for p in root.iter(NS + "path"):
    m = re.match(r"M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) L", p.get("d", ""))
    if m and "stroke:none" in p.get("style", "") and float(m.group(1)) > 1:
        bars.append(abs(float(m.group(6)) - float(m.group(2))))
sizes = sorted(float(t.get("font-size")) for t in root.iter(NS + "text"))
label = sizes[len(sizes) // 2]
print("bars %s, label size %.2f" % (["%.1f" % b for b in bars], label))
sys.exit(0 if bars and max(bars) <= 2.5 * label else 1)
PY
}
for kind in bar stacked; do
    "$AIDSTAT" chart $kind --top 2 -o "$tmp/b.svg" 2>/dev/null || exit 99
    check "$kind --top 2: bars at most 2.5 times the label size" thick "$tmp/b.svg"
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
