#!/usr/bin/env bash
# Benchmark `aidstat report` (the default report: built-in spec, embedded
# data, about ten A4 pages with 9 charts, 6 tables and some 150 live
# figures) against a matplotlib script that draws the same 9 charts from
# the same numbers into one multi-page PDF (PdfPages). Not run by `make
# check`.
#
#   tests/bench/report.sh
#
# The numbers of the 9 charts are exported once, untimed, with
# `aidstat compare/trend --format csv` (and reports/events.csv); the
# matplotlib script only reads those small CSVs and draws, while aidstat
# loads and aggregates the 2,808 embedded records, computes every figure
# and table and lays out text as well. The brief (reports/europe-vs-us.md,
# 2 pages, 2 charts) is timed too, for information, and the default report
# as one HTML page.
#
# Targets: the default report in under 0.5 s as PDF and under 0.3 s as HTML
# (median wall time).
#
# Env: AIDSTAT    aidstat binary (default ./src/aidstat, relative to the project root)
#      BENCH_DIR  scratch folder (default /tmp/aidstat-bench)
#      RUNS       timed runs per command (default 20), WARMUP (default 3)
#      PYTHON     a python3 with matplotlib (default /usr/bin/python3, Debian's)
#      KEEP=1     keep the PDFs, CSVs and script, to look at them
#
# Needs hyperfine, python3-matplotlib, pdfinfo (poppler-utils). Exit
# status: 0 even when the target is missed; 1 when a tool fails or is
# missing.
set -euo pipefail
export LC_ALL=C.UTF-8

usage() { sed -n '2,28s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "report.sh: $*" >&2; exit 1; }
case ${1:-} in -h|--help) usage; exit 0 ;; "") ;; *) usage >&2; exit 2 ;; esac

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$script_dir/../.."

AIDSTAT=${AIDSTAT:-./src/aidstat}
BENCH_DIR=${BENCH_DIR:-/tmp/aidstat-bench}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
PYTHON=${PYTHON:-/usr/bin/python3}

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
for t in hyperfine pdfinfo; do
    command -v "$t" >/dev/null || die "'$t' not found (apt-get install hyperfine poppler-utils)"
done
"$PYTHON" -c 'import matplotlib, numpy' 2>/dev/null ||
    die "$PYTHON cannot import matplotlib (apt-get install python3-matplotlib; set PYTHON=...)"

mkdir -p "$BENCH_DIR"
tmp=$(mktemp -d "$BENCH_DIR/report.XXXXXX")
if [[ ${KEEP:-} == 1 ]]; then
    echo "keeping the PDFs, CSVs and script in $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

# ------------------------------------------------ the charts' numbers, once
# One CSV per chart of reports/ukraine-support.md, with the options of its
# chart block.
A=$AIDSTAT
$A trend --series --by region --region europe,usa --type military --cumulative --format csv >"$tmp/1-cumulative.csv"
$A trend --series --by region --region europe,usa --type military --interval quarter --format csv >"$tmp/2-quarterly.csv"
$A compare --top 15 --format csv >"$tmp/3-donors.csv"
$A compare --by donor,type --top 12 --format csv >"$tmp/4-donor-type.csv"
$A compare --per gdp --top 15 --format csv >"$tmp/5-gdp.csv"
$A compare --per gdp --top 25 --format csv >"$tmp/6-scatter.csv"
$A trend --series --format csv >"$tmp/7-monthly.csv"
$A compare --by donor,measure --top 12 --format csv >"$tmp/8-dumbbell.csv"
$A compare --type military --from 2025 --top 10 --format csv >"$tmp/9-military-2025.csv"
cp reports/events.csv "$tmp/events.csv"

cat >"$tmp/charts.py" <<'EOF'
"""The 9 charts of aidstat's default report, one per page of a PdfPages,
from the numbers aidstat exported (csv/), drawn as a data desk would:
title, subtitle with measure and unit, light grid, value or direct labels,
source footer."""
import csv
import sys

import matplotlib
matplotlib.use("pdf")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

d, out = sys.argv[1], sys.argv[2]
SOURCE = "Source: Kiel Institute, Ukraine Support Tracker, Release 29 (04/2026)"
BLUE, ORANGE, GREEN = "#0072B2", "#E69F00", "#009E73"
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8, "pdf.fonttype": 42})


def rows(name):
    with open(f"{d}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def frame(title, subtitle, height_mm=85):
    fig, ax = plt.subplots(figsize=(170 / 25.4, height_mm / 25.4))
    fig.suptitle(title, x=0.02, ha="left", fontweight="bold", fontsize=10)
    ax.set_title(subtitle, loc="left", fontsize=7, color="#666666")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.text(0.02, 0.01, SOURCE, fontsize=6, color="#666666")
    return fig, ax


def finish(pdf, fig):
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    pdf.savefig(fig)
    plt.close(fig)


def events(ax):
    for r in rows("events.csv"):
        y, m, day = (int(x) for x in r["date"].split("-"))
        x = (y - 2022) * 12 + (m - 1) + (day - 1) / 31
        ax.axvline(x, color="#999999", linestyle="--", linewidth=0.7)
        ax.text(x, ax.get_ylim()[1], " " + r["label"], fontsize=6, va="top", color="#666666")


def year_ticks(ax, periods):
    idx = [i for i, p in enumerate(periods) if p.endswith("-01") or p.endswith("Q1")]
    ax.set_xticks(idx, [periods[i][:4] for i in idx])


def hbars(pdf, name, title, subtitle, key="value", scale=1e9, fmt="€{:.1f} bn", height=90):
    rs = rows(name)
    fig, ax = frame(title, subtitle, height)
    v = [float(r[key]) / scale for r in rs]
    y = range(len(rs))
    ax.barh(y, v, color=BLUE, height=0.7)
    ax.set_yticks(y, [r["donor"] for r in rs])
    ax.invert_yaxis()
    for yi, x in zip(y, v):
        ax.text(x, yi, " " + fmt.format(x), va="center", fontsize=6)
    ax.xaxis.grid(True, color="#DDDDDD")
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    finish(pdf, fig)


with PdfPages(out) as pdf:
    # 1: cumulative military aid, Europe and the US, with events
    rs = rows("1-cumulative.csv")
    per = [r["period"] for r in rs]
    fig, ax = frame("Cumulative military aid allocations by region",
                    "Military aid allocations, € billion, cumulative, nominal")
    for col, c in (("Europe", BLUE), ("United States", ORANGE)):
        v = [float(r[col]) / 1e9 for r in rs]
        ax.plot(v, color=c, linewidth=1.5)
        ax.text(len(v) - 1, v[-1], " " + col, color=c, fontsize=7, va="center")
    ax.yaxis.grid(True, color="#DDDDDD")
    year_ticks(ax, per)
    events(ax)
    finish(pdf, fig)

    # 2: quarterly military aid, stacked columns (complete quarters)
    rs = rows("2-quarterly.csv")[:-1]
    fig, ax = frame("Military aid allocations by region",
                    "Military aid allocations, € billion per quarter, nominal", 75)
    x = np.arange(len(rs))
    eu = np.array([float(r["Europe"]) for r in rs]) / 1e9
    us = np.array([float(r["United States"]) for r in rs]) / 1e9
    ax.bar(x, eu, color=BLUE, label="Europe")
    ax.bar(x, us, bottom=eu, color=ORANGE, label="United States")
    ax.set_xticks(x, [r["period"].replace(" ", "\n") for r in rs], fontsize=6)
    ax.yaxis.grid(True, color="#DDDDDD")
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", frameon=False, ncol=2)
    finish(pdf, fig)

    # 3: the 15 largest donors
    hbars(pdf, "3-donors.csv", "Aid allocations by donor", "Aid allocations, € billion, nominal")

    # 4: donors by type, stacked
    rs = rows("4-donor-type.csv")
    fig, ax = frame("Aid allocations by donor and type", "Aid allocations, € billion, nominal", 90)
    y = np.arange(len(rs))
    left = np.zeros(len(rs))
    for t, c in (("Military", BLUE), ("Financial", ORANGE), ("Humanitarian", GREEN)):
        v = np.array([float(r[t]) for r in rs]) / 1e9
        ax.barh(y, v, left=left, color=c, height=0.7, label=t)
        left += v
    for yi, x in zip(y, left):
        ax.text(x, yi, f" €{x:.1f} bn", va="center", fontsize=6)
    ax.set_yticks(y, [r["donor"] for r in rs])
    ax.invert_yaxis()
    ax.legend(loc="lower right", frameon=False)
    ax.xaxis.grid(True, color="#DDDDDD")
    ax.set_axisbelow(True)
    finish(pdf, fig)

    # 5: relative to GDP
    hbars(pdf, "5-gdp.csv", "Aid allocations relative to GDP", "Aid allocations, % of donor GDP, nominal",
          scale=1, fmt="{:.2f} %")

    # 6: scatter, amount against % of GDP, log-log, labelled
    rs = rows("6-scatter.csv")
    fig, ax = frame("Aid allocations by donor: amount and share of GDP", "Aid allocations, € billion, nominal", 95)
    xs = [float(r["value_EUR"]) / 1e9 for r in rs]
    ys = [float(r["value"]) for r in rs]
    ax.scatter(xs, ys, color=BLUE, s=12)
    for r, x, yv in zip(rs, xs, ys):
        ax.annotate(r["donor"], (x, yv), fontsize=6, xytext=(3, 2), textcoords="offset points")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Aid, € billion")
    ax.set_ylabel("% of donor GDP")
    ax.grid(True, color="#DDDDDD")
    finish(pdf, fig)

    # 7: monthly allocations with the least-squares trend and its 95 % band
    rs = rows("7-monthly.csv")
    per = [r["period"] for r in rs]
    v = np.array([float(r["Total"]) for r in rs]) / 1e9
    t = np.arange(len(v))
    X = np.vstack([np.ones_like(t), t]).T
    beta, res, _, _ = np.linalg.lstsq(X, v, rcond=None)
    fit = X @ beta
    s2 = float(res[0]) / (len(v) - 2)
    se = np.sqrt(s2 * np.einsum("ij,jk,ik->i", X, np.linalg.inv(X.T @ X), X))
    fig, ax = frame("Aid allocations", "Aid allocations, € billion per month, nominal", 80)
    ax.plot(t, v, color=BLUE, linewidth=1.2)
    ax.plot(t, fit, color="#333333", linestyle="--", linewidth=1)
    ax.fill_between(t, fit - 2.01 * se, fit + 2.01 * se, color="#999999", alpha=0.25, linewidth=0)
    ax.yaxis.grid(True, color="#DDDDDD")
    year_ticks(ax, per)
    events(ax)
    finish(pdf, fig)

    # 8: dumbbell, commitments and allocations, sorted by the gap
    rs = [r for r in rows("8-dumbbell.csv") if r["rank"]]
    rs.sort(key=lambda r: -float(r["To be allocated"]))
    fig, ax = frame("Commitments and allocations by donor", "Aid, € billion, nominal", 90)
    y = np.arange(len(rs))
    c = np.array([float(r["Commitments"]) for r in rs]) / 1e9
    a = np.array([float(r["Allocations"]) for r in rs]) / 1e9
    ax.hlines(y, np.minimum(a, c), np.maximum(a, c), color="#BBBBBB", linewidth=2)
    ax.scatter(c, y, color=BLUE, zorder=3, label="Commitments")
    ax.scatter(a, y, color=ORANGE, zorder=3, label="Allocations")
    for yi, x in zip(y, np.maximum(a, c)):
        ax.text(x, yi, f"  €{x:.1f} bn", va="center", fontsize=6)
    ax.set_yticks(y, [r["donor"] for r in rs])
    ax.invert_yaxis()
    ax.legend(loc="lower right", frameon=False)
    ax.xaxis.grid(True, color="#DDDDDD")
    finish(pdf, fig)

    # 9: military aid since January 2025, the 10 largest donors
    hbars(pdf, "9-military-2025.csv", "Military aid allocations by donor",
          "Military aid allocations, € billion, nominal, Jan 2025 – Apr 2026", height=80)
EOF

# ------------------------------------------------------------- timing
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
row() { printf '%-18s %9s %15s %6s %7s  %s\n' "$@"; }

echo "$("$AIDSTAT" --version 2>/dev/null | head -n 1 || true);" \
    "matplotlib $("$PYTHON" -c 'import matplotlib; print(matplotlib.__version__)');" \
    "$(hyperfine --version); $(nproc) CPUs; median of $RUNS runs after $WARMUP warmups"

bench report "$AIDSTAT" report -o "$tmp/report.pdf"
bench html "$AIDSTAT" report -o "$tmp/report.html"
bench brief "$AIDSTAT" report reports/europe-vs-us.md -o "$tmp/brief.pdf"
bench matplotlib "$PYTHON" "$tmp/charts.py" "$tmp" "$tmp/matplotlib.pdf"

row tool "median ms" "mean ± sd ms" pages "PDF KB" command
for n in report brief matplotlib; do
    f=$tmp/$n.pdf
    [[ -s $f ]] || die "$n wrote no PDF"
    row "$n" "${med[$n]}" "${mean[$n]} ± ${sd[$n]}" "$(pages "$f")" "$(kb "$f")" "${cmd[$n]}"
done
[[ $(pages "$tmp/matplotlib.pdf") == 9 ]] || die "matplotlib did not write 9 pages"
r=$(ratio "${med[report]}" "${med[matplotlib]}")
s=$(awk -v m="${med[report]}" 'BEGIN { printf "%.3f", m / 1000 }')
echo
printf 'aidstat report / matplotlib (9 charts)  %sx\n' "$r"
printf 'aidstat report                          %s s  target < 0.5 s   %s\n' "$s" "$(verdict "$s" 0.5)"
h=$(awk -v m="${med[html]}" 'BEGIN { printf "%.3f", m / 1000 }')
[[ -s $tmp/report.html ]] || die "the HTML report was not written"
printf 'aidstat report as HTML                  %s s  target < 0.3 s   %s  (%s KB)\n' "$h" "$(verdict "$h" 0.3)" \
    "$(kb "$tmp/report.html")"
echo "(matplotlib draws the 9 charts only, from numbers aidstat exported; aidstat computes them and lays out the whole report)"
