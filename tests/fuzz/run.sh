#!/bin/sh
# Runs each harness built by `make fuzz` for a while, one at a time and in
# one process (the machine is shared), on a working corpus seeded from
# tests/fuzz/corpus/NAME. Crashes land in $out/crashes/NAME/.
#   run.sh SRCDIR OUT SECONDS [NAME...]
# Prints each run's last libFuzzer status line ("Done N runs in S second(s)").
set -u
srcdir=$1 out=$2 secs=$3
shift 3
[ $# -gt 0 ] || set -- csv report regions rates reftable events xlsx image cells
status=0
for name in "$@"; do
    bin=$out/fuzz-$name
    [ -x "$bin" ] || { echo "$bin: not built (make fuzz)" >&2; exit 2; }
    work=$out/corpus/$name crashes=$out/crashes/$name
    mkdir -p "$work" "$crashes"
    dict=
    [ -f "$srcdir/tests/fuzz/$name.dict" ] && dict=-dict=$srcdir/tests/fuzz/$name.dict
    log=$out/fuzz-$name.log
    LSAN_OPTIONS=suppressions=$srcdir/tests/lsan.supp:print_suppressions=0 \
    "$bin" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 $dict \
        "$work" "$srcdir/tests/fuzz/corpus/$name" >"$log" 2>&1 || status=1
    echo "fuzz-$name: $(grep -E '^(Done|stat::number_of_executed_units)' "$log" | tr '\n' ' ')"
    ls "$crashes" | sed "s|^|  crash: $crashes/|"
done
exit $status
