#!/bin/sh
# Visual regressions (issue 14): each chart kind, from the embedded data,
# drawn at 40 dpi and compared with its reference image in tests/ref/
# (tests/ref/charts.txt lists them; tests/ref/regen.sh redraws them after a
# deliberate change). The comparison (tests/unit/imgtool diff) blurs both
# images 3x3 and counts pixels where a channel differs by more than 20 %:
# glyph edges rasterised differently on another machine stay below that
# (librsvg's drawing of the same chart, another text rasteriser with hinted
# metrics, differs in at most 20 of 39,564 pixels), while a bar, a label or
# a line that moved changes thousands. A chart fails above 0.3 % of its
# pixels; its new drawing is kept in ref-images-failed/ in the build tree.
# Environment (set by `make check`): AIDSTAT, IMGTOOL, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip (DejaVu Sans missing), 99 hard error.
set -u
: "${AIDSTAT:?AIDSTAT is not set}" "${IMGTOOL:?IMGTOOL is not set}"
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# the references are drawn in DejaVu Sans (fonts-dejavu-core)
"$AIDSTAT" chart bar --font "DejaVu Sans" -o "$tmp/f.png" 2>"$tmp/f.err" || exit 99
if grep -q 'not installed' "$tmp/f.err"; then
    echo "SKIP: DejaVu Sans is not installed"
    exit 77
fi
failed=ref-images-failed
rm -rf "$failed"
grep -v '^#' "$SRCDIR/tests/ref/charts.txt" >"$tmp/list"
while read -r kind opts; do
    [ -n "$kind" ] || continue
    ref=$SRCDIR/tests/ref/$kind.png
    # shellcheck disable=SC2086 # options are words
    "$AIDSTAT" chart "$kind" $opts --dpi 40 -o "$tmp/$kind.png" 2>/dev/null || { fail "$kind: drawn"; continue; }
    out=$("$IMGTOOL" diff "$ref" "$tmp/$kind.png" 0.2) || exit 99
    set -- $out
    if [ $(($1 * 1000)) -le $(($3 * 3)) ]; then
        pass "$kind $opts: like tests/ref/$kind.png ($1 of $3 pixels differ)"
    else
        fail "$kind $opts: like tests/ref/$kind.png ($1 of $3 pixels differ, at most 0.3 %)"
        mkdir -p "$failed" && cp "$tmp/$kind.png" "$failed/$kind.png"
        echo "    the new drawing: $failed/$kind.png; tests/ref/regen.sh redraws the references"
    fi
done <"$tmp/list"
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
