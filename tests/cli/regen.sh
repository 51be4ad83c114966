#!/bin/sh
# Rewrite the expected output of golden tests from what aidstat prints now:
#   tests/cli/regen.sh tests/cli/NAME.cmd...
# Only after reading the diff of each: a golden file states what is right.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
shared="$top/../shared/datasets"
for t in "$@"; do
    n=${t%.cmd}
    n=$top/tests/cli/$(basename "$n")
    args=$(grep -v '^#' "$n.cmd")
    (cd "$top/tests/data" && LANGUAGE= AIDSTAT_LOCALEDIR=$top/locale && export LANGUAGE AIDSTAT_LOCALEDIR &&
        SHARED=$shared TESTDATA=$top/tests/data LC_ALL=C.UTF-8 \
        eval "\"$top/src/aidstat\" $args" >"$n.out.new" 2>"$n.err.new"; echo $? >"$n.code.new")
    sed "s|$shared|\$SHARED|g" "$n.out.new" >"$n.out"
    sed "s|$shared|\$SHARED|g" "$n.err.new" >"$n.err"
    c=$(cat "$n.code.new")
    if [ "$c" = 0 ]; then rm -f "$n.code"; else echo "$c" >"$n.code"; fi
    [ -s "$n.out" ] || rm -f "$n.out"
    [ -s "$n.err" ] || rm -f "$n.err"
    rm -f "$n.out.new" "$n.err.new" "$n.code.new"
done
