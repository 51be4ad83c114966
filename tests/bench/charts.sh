#!/usr/bin/env bash
# Benchmark `aidstat chart` against gnuplot (pdfcairo) and matplotlib, and
# against `aidstat compare` on the same input. Not run by `make check`.
#
#   tests/bench/charts.sh [a] [b] [c]        (default: all three)
#
#   a  a 42-donor ranked bar chart (PDF, 160 x 250 mm) of the embedded data:
#      aidstat chart bar --top 0, vs gnuplot and matplotlib drawing the same
#      bars from totals written once by `aidstat compare --top 0 --format csv`
#      targets: aidstat <= 1x gnuplot, <= 0.1x matplotlib
#   b  a line chart of monthly totals for each of the 42 donors of the 1M-row
#      synthetic file (gen-aid, with the quoted "Korea, Republic of"):
#      aidstat chart line --by donor --top 0, vs aidstat compare --by donor
#      targets: <= 1.3x compare's wall time; PDF < 200 KB
#   c  the ECB daily EUR/USD reference rate (6,747 days) as a line chart:
#      gnuplot and matplotlib draw it; aidstat has no daily interval (see the
#      README), so what it can do with the same data is measured instead
#
# Env: AIDSTAT    aidstat binary (default ./src/aidstat, relative to the project root)
#      SHARED     the shared datasets (default ../shared/datasets)
#      BENCH_DIR  generated-file cache (default /tmp/aidstat-bench)
#      RUNS       timed runs per command (default 20), WARMUP (default 3)
#      PYTHON     a python3 with matplotlib (default /usr/bin/python3, Debian's)
#      CC         C compiler for gen-aid (default cc)
#      KEEP=1     keep the charts drawn (and the scripts), to look at them
#
# Needs hyperfine, gnuplot (gnuplot-nox), python3-matplotlib, pdfinfo
# (poppler-utils). Exit status: 0 even when a target is missed; 1 when a
# tool fails or is missing.
set -euo pipefail
export LC_ALL=C.UTF-8

usage() { sed -n '2,30s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "charts.sh: $*" >&2; exit 1; }

parts=()
for a in "$@"; do
    case $a in
        a|b|c) parts+=("$a") ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
((${#parts[@]})) || parts=(a b c)

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$script_dir/../.."

AIDSTAT=${AIDSTAT:-./src/aidstat}
SHARED=${SHARED:-../shared/datasets}
BENCH_DIR=${BENCH_DIR:-/tmp/aidstat-bench}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
CC=${CC:-cc}

[[ -x $AIDSTAT ]] || die "aidstat binary not found at '$AIDSTAT' (build it with 'make' or set AIDSTAT=...)"
# Before `make install`, src/aidstat is libtool's wrapper script, whose
# shell adds about 10 ms to every run: time the real binary instead.
real=$(dirname "$AIDSTAT")/.libs/$(basename "$AIDSTAT")
if [[ $(head -c 2 "$AIDSTAT") == '#!' && -x $real ]]; then
    LD_LIBRARY_PATH=$(cd "$(dirname "$real")" && pwd)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
    echo "timing $real, not libtool's wrapper script $AIDSTAT"
    AIDSTAT=$real
fi
for t in hyperfine gnuplot pdfinfo; do
    command -v "$t" >/dev/null || die "'$t' not found (apt-get install hyperfine gnuplot-nox poppler-utils)"
done
"$PYTHON" -c 'import matplotlib' 2>/dev/null ||
    die "$PYTHON cannot import matplotlib (apt-get install python3-matplotlib; set PYTHON=...)"

mkdir -p "$BENCH_DIR"
tmp=$(mktemp -d "$BENCH_DIR/charts.XXXXXX")
if [[ ${KEEP:-} == 1 ]]; then
    echo "keeping the charts and scripts in $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

# bench NAME CMD...: time CMD with hyperfine (no shell in between); sets
# med[NAME] and sd[NAME] in milliseconds, cmd[NAME].
declare -A med=() mean=() sd=() cmd=()
bench() {
    local name=$1
    shift
    cmd[$name]="$*"
    hyperfine -N -w "$WARMUP" -r "$RUNS" --style none --export-json "$tmp/$name.json" "$*" \
        >"$tmp/$name.hf" 2>&1 || { cat "$tmp/$name.hf" >&2; die "$name failed: $*"; }
    read -r "med[$name]" "mean[$name]" "sd[$name]" < <("$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f %.1f" % (r["median"] * 1e3, r["mean"] * 1e3, r["stddev"] * 1e3))' "$tmp/$name.json")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim ? "PASS" : "MISS") }'; }
kb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1024 }'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
row() { printf '%-22s %9s %15s %8s  %s\n' "$@"; }
header() { row tool "median ms" "mean ± sd ms" "PDF KB" command; }
show() { row "$1" "${med[$1]}" "${mean[$1]} ± ${sd[$1]}" "$(kb "$2")" "${cmd[$1]}"; }

echo "$("$AIDSTAT" --version 2>/dev/null | head -n 1 || true); $(gnuplot --version);" \
    "matplotlib $("$PYTHON" -c 'import matplotlib; print(matplotlib.__version__)');" \
    "$(hyperfine --version); $(nproc) CPUs; median of $RUNS runs after $WARMUP warmups"

# ----------------------------------------------------------------- (a)
bar_a() {
    echo
    echo "== (a) 42-donor ranked bar chart, PDF 160 x 250 mm, embedded data =="
    "$AIDSTAT" compare --top 0 --format csv >"$tmp/totals.csv"
    local n
    n=$(($(wc -l <"$tmp/totals.csv") - 1))
    echo "totals: $n donors, written once by: $AIDSTAT compare --top 0 --format csv"
    ((n == 42)) || echo "warning: expected 42 donors, got $n"

    cat >"$tmp/bar.gp" <<'EOF'
# ranked bars from aidstat's totals (columns found by header name)
set terminal pdfcairo size 16cm,25cm font "DejaVu Sans,8"
set output ARG2
set datafile separator ","
set datafile columnheaders
set title "{/:Bold Aid allocations by donor}\n{/*0.8 Aid allocations, € billion, nominal}"
set xrange [0:*]
set yrange [-42.6:0.6]
set grid xtics lc rgb "#DDDDDD"
set border 1
set xtics nomirror
set ytics nomirror scale 0
set style fill solid noborder
unset key
set label 1 "Source: Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)" at screen 0.02, screen 0.01 font ",6"
plot ARG1 using (column("value")/2e9):(-$0):(column("value")/2e9):(0.4):ytic(stringcolumn("donor")) \
         with boxxy lc rgb "#0072B2", \
     ARG1 using (column("value")/1e9):(-$0):(sprintf(" €%.1f bn", column("value")/1e9)) \
         with labels left font ",6"
EOF
    cat >"$tmp/bar.py" <<'EOF'
"""Ranked bars from aidstat's totals, as a data desk would draw them."""
import csv
import sys

import matplotlib
matplotlib.use("pdf")
import matplotlib.pyplot as plt  # noqa: E402

src, out = sys.argv[1], sys.argv[2]
with open(src, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
names = [r["donor"] for r in rows]
values = [float(r["value"]) / 1e9 for r in rows]
fig, ax = plt.subplots(figsize=(160 / 25.4, 250 / 25.4))
y = list(range(len(rows)))
ax.barh(y, values, height=0.8, color="#0072B2")
ax.set_yticks(y, names, fontsize=7)
ax.invert_yaxis()
for yi, v in zip(y, values):
    ax.text(v, yi, f" €{v:.1f} bn", va="center", fontsize=6)
ax.set_xlim(0, None)
ax.xaxis.grid(True, color="#DDDDDD")
ax.set_axisbelow(True)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
ax.tick_params(axis="y", length=0)
fig.suptitle("Aid allocations by donor", x=0.02, ha="left", fontweight="bold")
ax.set_title("Aid allocations, € billion, nominal", loc="left", fontsize=8, color="#666666")
fig.text(0.02, 0.01, "Source: Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)", fontsize=6)
fig.tight_layout(rect=(0, 0.02, 1, 1))
fig.savefig(out)
EOF
    bench aidstat "$AIDSTAT" chart bar --top 0 --height 250mm -o "$tmp/a-aidstat.pdf"
    bench gnuplot gnuplot -c "$tmp/bar.gp" "$tmp/totals.csv" "$tmp/a-gnuplot.pdf"
    bench matplotlib "$PYTHON" "$tmp/bar.py" "$tmp/totals.csv" "$tmp/a-matplotlib.pdf"
    header
    show aidstat "$tmp/a-aidstat.pdf"
    show gnuplot "$tmp/a-gnuplot.pdf"
    show matplotlib "$tmp/a-matplotlib.pdf"
    local f
    for f in aidstat gnuplot matplotlib; do
        [[ $(pages "$tmp/a-$f.pdf") == 1 ]] || die "$f did not write a 1-page PDF"
    done
    local r1 r2
    r1=$(ratio "${med[aidstat]}" "${med[gnuplot]}")
    r2=$(ratio "${med[aidstat]}" "${med[matplotlib]}")
    printf 'aidstat/gnuplot    %7sx  target <= 1     %s\n' "$r1" "$(verdict "$r1" 1)"
    printf 'aidstat/matplotlib %7sx  target <= 0.1   %s\n' "$r2" "$(verdict "$r2" 0.1)"
    echo "(gnuplot and matplotlib read the 42 totals; aidstat loads and sums the 2,808 embedded rows itself)"
}

# ----------------------------------------------------------------- (b)
line_b() {
    echo
    echo "== (b) line chart: monthly totals of each of 42 donors, 1M synthetic rows =="
    local gen=$BENCH_DIR/gen-aid file=$BENCH_DIR/aid-v2-alloc-1000000-s42.csv
    if [[ ! -x $gen || $script_dir/gen-aid.c -nt $gen ]]; then
        echo "building $gen"
        "$CC" -std=c99 -O2 -o "$gen" "$script_dir/gen-aid.c"
    fi
    if [[ ! -s $file || $gen -nt $file ]]; then
        "$gen" 1000000 42 >"$file.tmp"
        mv "$file.tmp" "$file"
    fi
    local n
    n=$(("$("$AIDSTAT" compare --by donor --top 0 --format csv "$file" | wc -l)" - 1))
    echo "file: $file ($(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $n donors)"
    ((n == 42)) || echo "warning: expected 42 donors, got $n"
    bench chart-line "$AIDSTAT" chart line --by donor --top 0 "$file" -o "$tmp/b-line.pdf"
    bench compare "$AIDSTAT" compare --by donor "$file"
    header
    show chart-line "$tmp/b-line.pdf"
    row compare "${med[compare]}" "${mean[compare]} ± ${sd[compare]}" - "${cmd[compare]}"
    local r size
    r=$(ratio "${med[chart-line]}" "${med[compare]}")
    size=$(kb "$tmp/b-line.pdf")
    printf 'chart line/compare %7sx  target <= 1.3   %s\n' "$r" "$(verdict "$r" 1.3)"
    printf 'PDF size           %7s KB target < 200 KB %s\n' "$size" \
        "$(awk -v s="$size" 'BEGIN { print (s < 200 ? "PASS" : "MISS") }')"
    "$AIDSTAT" chart line --by donor --top 0 "$file" -o "$tmp/b-line.pdf" 2>&1 | sed 's/^/  /'
}

# ----------------------------------------------------------------- (c)
ecb_c() {
    echo
    echo "== (c) ECB daily EUR/USD reference rate as a line chart, PDF 160 x 100 mm =="
    local ecb=$SHARED/ecb-eurofxref/eurofxref-hist.csv
    [[ -r $ecb ]] || die "$ecb not found (set SHARED=...)"
    local days
    days=$(awk -F, 'NR > 1 && $2 != "N/A" && $2 != "" { n++ } END { print n }' "$ecb")
    echo "file: $ecb ($days days with a USD rate)"
    cat >"$tmp/ecb.gp" <<'EOF'
set terminal pdfcairo size 16cm,10cm font "DejaVu Sans,8"
set output ARG2
set datafile separator ","
set datafile missing "N/A"
set datafile columnheaders
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y"
set title "{/:Bold US dollars per euro}\n{/*0.8 ECB euro reference rate, daily}"
set grid ytics lc rgb "#DDDDDD"
set border 1
unset key
plot ARG1 using 1:(column("USD")) with lines lw 0.6 lc rgb "#0072B2"
EOF
    cat >"$tmp/ecb.py" <<'EOF'
"""The ECB's daily EUR/USD reference rate as a line."""
import csv
import datetime
import sys

import matplotlib
matplotlib.use("pdf")
import matplotlib.pyplot as plt  # noqa: E402

src, out = sys.argv[1], sys.argv[2]
days, usd = [], []
with open(src, newline="", encoding="ascii") as f:
    for r in csv.DictReader(f):
        if r["USD"] not in ("", "N/A"):
            days.append(datetime.date.fromisoformat(r["Date"]))
            usd.append(float(r["USD"]))
fig, ax = plt.subplots(figsize=(160 / 25.4, 100 / 25.4))
ax.plot(days, usd, lw=0.6, color="#0072B2")
ax.yaxis.grid(True, color="#DDDDDD")
for side in ("top", "right"):
    ax.spines[side].set_visible(False)
fig.suptitle("US dollars per euro", x=0.02, ha="left", fontweight="bold")
ax.set_title("ECB euro reference rate, daily", loc="left", fontsize=8, color="#666666")
fig.tight_layout()
fig.savefig(out)
EOF
    bench gnuplot-daily gnuplot -c "$tmp/ecb.gp" "$ecb" "$tmp/c-gnuplot.pdf"
    bench matplotlib-daily "$PYTHON" "$tmp/ecb.py" "$ecb" "$tmp/c-matplotlib.pdf"
    # every daily observation, drawn at the device's resolution
    bench aidstat-daily "$AIDSTAT" chart line --rates "$ecb" --rate USD -o "$tmp/c-aidstat.pdf"
    header
    show gnuplot-daily "$tmp/c-gnuplot.pdf"
    show matplotlib-daily "$tmp/c-matplotlib.pdf"
    show aidstat-daily "$tmp/c-aidstat.pdf"
    local size
    size=$(( $(wc -c <"$tmp/c-aidstat.pdf") / 1024 ))
    printf 'aidstat wall %s ms, target < 50 ms; PDF %s KB, target < 100 KB\n' "${med[aidstat-daily]}" "$size"
}

for p in "${parts[@]}"; do
    case $p in
        a) bar_a ;;
        b) line_b ;;
        c) ecb_c ;;
    esac
done
