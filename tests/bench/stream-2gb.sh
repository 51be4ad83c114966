#!/bin/sh
# Manual check (not in make check): a 2 GB CSV streamed through standard
# input and through a FIFO must load with bounded memory. Generates about
# ROWS synthetic rows with tests/bench/gen-aid (never stored on disk), pipes
# them into `aidstat compare --by donor -` and `aidstat check FIFO`, and
# prints bytes, wall time and peak RSS of each run.
#   tests/bench/stream-2gb.sh [ROWS]     (default 36000000, about 2.1 GB)
# Environment: AIDSTAT (default src/aidstat), CC (default cc).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
AIDSTAT=${AIDSTAT:-src/aidstat}
rows=${1:-36000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -O2 -o "$tmp/gen-aid" "$here/gen-aid.c"
bytes=$("$tmp/gen-aid" "$rows" | wc -c)
echo "input: $rows rows, $bytes bytes"

"$tmp/gen-aid" "$rows" |
    /usr/bin/time -f "stdin: compare --by donor -: %e s, peak RSS %M KB" \
        "$AIDSTAT" compare --by donor --top 3 - >"$tmp/out"
tail -n 3 "$tmp/out"

mkfifo "$tmp/fifo"
"$tmp/gen-aid" "$rows" >"$tmp/fifo" &
/usr/bin/time -f "fifo: check FIFO: %e s, peak RSS %M KB" "$AIDSTAT" check "$tmp/fifo" >"$tmp/check"
wait
grep 'rows:' "$tmp/check"
