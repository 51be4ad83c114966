#!/bin/sh
# Replays the seed corpus and every saved crash (tests/fuzz/regress/NAME/)
# through each fuzz harness, built without libFuzzer: an input that once
# crashed, hung or leaked must now load or fail cleanly.
set -u
top=$(cd "$(dirname "$AIDSTAT")/.." && pwd)
status=0
for name in csv report regions rates reftable events xlsx image cells; do
    dirs=$SRCDIR/tests/fuzz/corpus/$name
    [ -d "$SRCDIR/tests/fuzz/regress/$name" ] && dirs="$dirs $SRCDIR/tests/fuzz/regress/$name"
    if out=$("$top/tests/fuzz/replay-$name" $dirs 2>&1); then
        echo "replay-$name: $out"
    else
        echo "replay-$name: FAILED"
        echo "$out"
        status=1
    fi
done
exit $status
