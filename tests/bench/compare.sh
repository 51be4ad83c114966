#!/usr/bin/env bash
# Benchmark `aidstat compare --by donor` against GNU datamash and Miller on
# synthetic aid CSVs, check the per-donor sums agree, and report the targets.
# The files hold a single measure (allocation): aidstat sums one measure,
# datamash/Miller sum every row.
#
#   tests/bench/compare.sh [--peers-only] [ROWS...]     (default: 1000000 10000000)
#
# Env: AIDSTAT   aidstat binary (default ./src/aidstat, relative to project root)
#      BENCH_DIR build dir + generated-file cache (default /tmp/aidstat-bench)
#      RUNS      timed runs per tool, median reported (default 3)
#      SEED      generator seed (default 42)
#      CC        C compiler for gen-aid (default cc)
#
# Exit status: 0 even if a target is missed; 1 if a tool fails to run, aidstat
# is missing (without --peers-only), or the tools disagree on the sums.
set -euo pipefail
export LC_ALL=C   # stable number formatting for EPOCHREALTIME/awk; datamash's sort forces C anyway

usage() { sed -n '2,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "compare.sh: $*" >&2; exit 1; }

peers_only=0
rows_list=()
for a in "$@"; do
    case $a in
        --peers-only) peers_only=1 ;;
        -h|--help) usage; exit 0 ;;
        ''|*[!0-9]*) usage >&2; exit 2 ;;
        *) rows_list+=("$a") ;;
    esac
done
((${#rows_list[@]})) || rows_list=(1000000 10000000)

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$script_dir/../.."

AIDSTAT=${AIDSTAT:-./src/aidstat}
BENCH_DIR=${BENCH_DIR:-/tmp/aidstat-bench}
RUNS=${RUNS:-3}
SEED=${SEED:-42}
CC=${CC:-cc}

if ((!peers_only)) && [[ ! -x $AIDSTAT ]]; then
    die "aidstat binary not found at '$AIDSTAT' (build it with 'make', set AIDSTAT=..., or pass --peers-only)"
fi
# In a build tree src/aidstat is libtool's wrapper script, which costs a
# shell start (~15 ms) an installed aidstat does not have: time the program
# it runs, with the libraries it would find.
if ((!peers_only)) && [[ $(head -c 2 "$AIDSTAT") == '#!' && -x $(dirname "$AIDSTAT")/.libs/$(basename "$AIDSTAT") ]]; then
    libs=$(cd "$(dirname "$AIDSTAT")/.libs" && pwd)
    AIDSTAT=$libs/$(basename "$AIDSTAT")
    export LD_LIBRARY_PATH=$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
fi
for t in datamash mlr python3; do
    command -v "$t" >/dev/null || die "'$t' not found in PATH"
done
# The shell builtin `time` cannot report peak RSS; GNU time can.
[[ -x /usr/bin/time ]] || die "/usr/bin/time missing (apt-get install -y time)"

mkdir -p "$BENCH_DIR"
tmp=$(mktemp -d "$BENCH_DIR/run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

gen=$BENCH_DIR/gen-aid
if [[ ! -x $gen || $script_dir/gen-aid.c -nt $gen ]]; then
    echo "building $gen"
    "$CC" -std=c99 -O2 -o "$gen" "$script_dir/gen-aid.c"
fi

# measure NAME STDIN CMD... -> sets m_wall (median s), m_mb (max peak RSS, MB)
# and cmd[NAME] (the command line, with the data file shown as FILE);
# the last run's stdout is left in $tmp/NAME.out for the sums check.
# Wall time comes from EPOCHREALTIME (GNU time's %e only has 10 ms resolution);
# peak RSS from GNU time, which via wait4 covers child processes too
# (datamash -s pipes through sort(1), and that sort is usually its peak).
measure() {
    local name=$1 in=$2 i t0 t1 rss walls=()
    shift 2
    m_mb=0
    cmd[$name]="$*"
    cmd[$name]=${cmd[$name]//"$file"/FILE}
    [[ $in == /dev/null ]] || cmd[$name]+=" < FILE"
    for ((i = 0; i < RUNS; i++)); do
        t0=${EPOCHREALTIME/./}
        if ! /usr/bin/time -f %M -o "$tmp/rss" "$@" <"$in" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
            echo "error: $name failed: $*" >&2
            sed 's/^/  /' "$tmp/$name.err" "$tmp/rss" >&2
            return 1
        fi
        t1=${EPOCHREALTIME/./}
        walls+=($((t1 - t0)))
        rss=$(tail -n 1 "$tmp/rss")
        m_mb=$(awk -v a="$m_mb" -v b="$rss" 'BEGIN { b /= 1024; printf "%.1f", (b > a ? b : a) }')
    done
    m_wall=$(printf '%s\n' "${walls[@]}" | sort -n |
        awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] / 1e6 }')
}

verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim ? "PASS" : "MISS") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

# check_sums SPEC... ; SPEC is label:file:valuecol, valuecol "-" meaning a
# headerless donor,sum file (datamash).  Columns are found by header name so
# aidstat may order/add columns freely; the first SPEC is the reference.
check_sums() {
    python3 - "$@" <<'EOF'
import csv, sys, unicodedata

def key(name):
    # aidstat names a donor as its country table does ("Turkiye" for the
    # generator's "Türkiye"): compare the names without their accents
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

def load(spec):
    label, path, col = spec.split(":", 2)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if col == "-":
        pairs = [(r[0], r[1]) for r in rows if r]
    else:
        hdr = rows[0]
        if "donor" not in hdr or col not in hdr:
            sys.exit(f"{label}: header {hdr} lacks 'donor' or '{col}'")
        di, vi = hdr.index("donor"), hdr.index(col)
        body = [r for r in rows[1:] if r]
        # aidstat labels what it summed: it must be allocations in euros,
        # i.e. the same rows the peers add up (the file holds nothing else).
        for name, want in (("measure", "allocation"), ("unit", "EUR")):
            if name in hdr:
                seen = {r[hdr.index(name)] for r in body}
                if seen - {want}:
                    sys.exit(f"{label}: {name} column is {sorted(seen)}, expected {want!r}")
        pairs = [(r[di], r[vi]) for r in body]
    sums = {}
    for d, v in pairs:
        d = key(d)
        if d in sums:
            sys.exit(f"{label}: donor {d!r} appears twice")
        sums[d] = float(v)
    return label, sums

ref_label, ref = load(sys.argv[1])
bad = []
for spec in sys.argv[2:]:
    label, got = load(spec)
    for d in sorted(set(ref) | set(got)):
        a, b = ref.get(d), got.get(d)
        if a is None or b is None or abs(a - b) > 1e-9 * max(abs(a), abs(b)):
            bad.append(f"  {d!r}: {ref_label}={a} {label}={b}")
if bad:
    print("sums DISAGREE:")
    print("\n".join(bad))
    sys.exit(1)
print(f"sums agree ({len(ref)} donors, rel. tol 1e-9)")
EOF
}

status=0
for rows in "${rows_list[@]}"; do
    # Bench files omit the quoted-comma donor: datamash -t, splits naively and
    # aborts with "invalid numeric value" on "Korea, Republic of".
    # "v2-alloc": every row is an allocation (gen-aid default since v2); v1
    # files (aid-nc-*) mixed three measures and must not be reused.
    file=$BENCH_DIR/aid-v2-alloc-nc-$rows-s$SEED.csv
    if [[ ! -s $file || $gen -nt $file ]]; then
        t0=${EPOCHREALTIME/./}
        "$gen" --no-comma-names "$rows" "$SEED" >"$file.tmp"
        t1=${EPOCHREALTIME/./}
        mv "$file.tmp" "$file"
        awk -v us=$((t1 - t0)) 'BEGIN { printf "generated in %.2f s\n", us / 1e6 }'
    fi
    size_mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    echo
    echo "== $rows rows: $file ($size_mb MB), median of $RUNS runs =="

    declare -A wall=() mb=() cmd=()
    tools=()
    if ((!peers_only)); then
        # Main row (ratios, targets, sums check): CSV output, full precision.
        measure aidstat /dev/null "$AIDSTAT" compare --by donor --format csv "$file" || exit 1
        wall[aidstat]=$m_wall mb[aidstat]=$m_mb; tools+=(aidstat)
        # Informational: default table output, to show formatting cost is nil.
        measure aidstat-table /dev/null "$AIDSTAT" compare --by donor "$file" || exit 1
        wall[aidstat-table]=$m_wall mb[aidstat-table]=$m_mb; tools+=(aidstat-table)
    fi
    measure datamash "$file" datamash -t, -s -g 1 --header-in sum 8 || exit 1
    wall[datamash]=$m_wall mb[datamash]=$m_mb; tools+=(datamash)
    measure miller /dev/null mlr --icsv --ocsv stats1 -a sum -f value -g donor "$file" || exit 1
    wall[miller]=$m_wall mb[miller]=$m_mb; tools+=(miller)

    printf '%-14s %9s %9s  %s\n' tool "wall s" "peak MB" command
    for t in "${tools[@]}"; do
        printf '%-14s %9s %9s  %s\n' "$t" "${wall[$t]}" "${mb[$t]}" "${cmd[$t]}"
    done

    if ((!peers_only)); then
        r_dm=$(ratio "${wall[aidstat]}" "${wall[datamash]}")
        r_ml=$(ratio "${wall[aidstat]}" "${wall[miller]}")
        # Speed targets are defined at 1M rows; memory must stay bounded, checked from 10M.
        if ((rows >= 1000000)); then
            printf 'aidstat/datamash wall %6sx  target <= 0.5x  %s\n' "$r_dm" "$(verdict "$r_dm" 0.5)"
            printf 'aidstat/miller   wall %6sx  target <= 0.2x  %s\n' "$r_ml" "$(verdict "$r_ml" 0.2)"
        else
            printf 'aidstat/datamash wall %6sx, aidstat/miller wall %sx (speed targets apply from 1M rows)\n' "$r_dm" "$r_ml"
        fi
        if ((rows >= 10000000)); then
            printf 'aidstat peak RSS %7s MB  target <= 32 MB  %s\n' "${mb[aidstat]}" "$(verdict "${mb[aidstat]}" 32)"
        fi
    fi

    specs=("datamash:$tmp/datamash.out:-" "miller:$tmp/miller.out:value_sum")
    ((peers_only)) || specs+=("aidstat:$tmp/aidstat.out:value")
    check_sums "${specs[@]}" || status=1
    unset wall mb cmd
done
exit $status
