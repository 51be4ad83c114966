#!/bin/sh
# Redraw the reference images after a deliberate visual change: look at
# each new tests/ref/KIND.png (and at the chart at a readable size) before
# committing them. Usage, from the build tree: tests/ref/regen.sh [AIDSTAT]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
aidstat=${1:-${AIDSTAT:-./src/aidstat}}
grep -v '^#' "$here/charts.txt" | while read -r kind opts; do
    [ -n "$kind" ] || continue
    # shellcheck disable=SC2086 # options are words
    "$aidstat" chart "$kind" $opts --dpi 40 -o "$here/$kind.png" 2>/dev/null
    echo "tests/ref/$kind.png"
done
