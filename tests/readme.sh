#!/bin/sh
# The README's examples are real: every ```console block's "$ aidstat ..."
# commands are run and their output must match the README byte for byte.
#   sh tests/readme.sh            check (run by make check)
#   sh tests/readme.sh --update   rewrite the README's outputs in place
# Commands run from the source root with the built aidstat first on PATH.
set -u
: "${SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${AIDSTAT:=$SRCDIR/src/aidstat}"
readme=$SRCDIR/README.md
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$AIDSTAT" "$bindir/aidstat"
PATH=$bindir:$PATH
export PATH
cd "$SRCDIR" || exit 99
# examples on ../shared/datasets are kept as written when it is not there
noshared=0
[ -d ../shared/datasets ] || noshared=1
awk -v update="${1:-}" -v out="$bindir/new.md" -v noshared="$noshared" '
function run(cmd,   line, text) {
    text = ""
    while ((cmd " 2>&1") | getline line > 0)
        text = text line "\n"
    close(cmd " 2>&1")
    return text
}
/^```console$/ { inblock = 1; print > out; next }
inblock && /^```$/ {
    if (cmd != "" && noshared && cmd ~ /\.\.\/shared\//) { printf "%s", want > out; cmd = "" }
    if (cmd != "") { got = run(cmd); printf "%s", got > out; if (got != want && update != "--update") { bad++; print "README example differs: " cmd > "/dev/stderr"; printf "--- README\n%s--- actual\n%s", want, got > "/dev/stderr" } }
    cmd = ""; want = ""; inblock = 0; print > out; next
}
inblock && /^\$ / {
    if (cmd != "") { got = run(cmd); printf "%s", got > out; if (got != want && update != "--update") { bad++; print "README example differs: " cmd > "/dev/stderr" } }
    cmd = substr($0, 3); want = ""; checked++; print > out; next
}
inblock { want = want $0 "\n"; next }
{ print > out }
END {
    if (update == "--update") exit 0
    printf "%d README examples checked, %d differ\n", checked, bad
    exit bad ? 1 : 0
}' "$readme"
rc=$?
if [ "${1:-}" = "--update" ]; then cp "$bindir/new.md" "$readme"; echo "README outputs updated"; fi
exit $rc
