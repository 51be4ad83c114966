#!/bin/sh
# Output safety (issue 9): where -o points and what standard output is.
#   devices (mknod, as root; skipped otherwise) and FIFOs are written
#     directly and stay what they were;
#   a symbolic link is followed: its destination gets the output, the link
#     stays a link, no temporary file is left in either folder; a dangling
#     link creates its destination;
#   modes: a new file gets 0666 less the umask (077 -> 600, 022 -> 644), an
#     existing file keeps its mode (0600, 0640);
#   a file with two hard links keeps both, each showing the new content,
#     and a failed run leaves it as it was;
#   SIGTERM, SIGHUP and SIGINT during a big write leave no temporary file
#     and the program dies of the signal;
#   write errors on standard output (> /dev/full) are exit 5 with
#     "aidstat: standard output: write error: No space left on device" for
#     check, compare, trend, convert (also with output far larger than
#     stdio's buffer), chart -o - (pdf, svg, png) and --alt;
#   chart -o - --output-type pdf --alt: the PDF alone on stdout, the text on
#     stderr;
#   -o DIR and -o "" for charts and reports: the system's reason, exact;
#   control characters in names drawn as visible escapes in a chart (PDF
#     text, SVG <desc> still well-formed XML).
#
# Environment (set by `make check`): AIDSTAT, SRCDIR.
# Exit: 0 pass, 1 fail, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }
. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM
data=$SRCDIR/tests/data
FULL_MSG='aidstat: standard output: write error: No space left on device'

# run NAME ARGS...: aidstat ARGS; $rc, $tmp/NAME.out, $tmp/NAME.err.
run() {
    name=$1
    shift
    "$AIDSTAT" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
}
expect_rc() {
    if [ "$rc" -eq "$1" ]; then
        pass "$2: exit $rc"
    else
        fail "$2: exit $rc, expected $1 (stderr: $(head -c 300 "$tmp/$name.err"))"
    fi
}
# expect_err TEXT DESCRIPTION: stderr is exactly TEXT.
expect_err() {
    if [ "$(cat "$tmp/$name.err")" = "$1" ]; then
        pass "$2: message"
    else
        fail "$2: stderr \"$(cat "$tmp/$name.err")\", expected \"$1\""
    fi
}
# only DIR NAME...: DIR holds exactly these names (no temporary sibling).
only() {
    _dir=$1
    shift
    got=$(cd "$_dir" && ls -A | sort | tr '\n' ' ')
    want=
    [ $# -gt 0 ] && want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    [ "$got" = "$want" ] && return 0
    echo "  $_dir holds: $got(expected $want)"
    return 1
}
mode_is() { [ "$(stat -c %a "$1")" = "$2" ] || { echo "  $1: mode $(stat -c %a "$1"), expected $2"; return 1; }; }

run ref compare --format csv "$data/clean.csv"
[ "$rc" -eq 0 ] || { echo "ERROR: compare clean.csv: exit $rc"; exit 99; }
cp "$tmp/ref.out" "$tmp/ref.csv" || exit 99

# ------------------------------------------------------ devices and FIFOs
echo "# devices and FIFOs"
d=$tmp/special
mkdir "$d" || exit 99
if [ "$(id -u)" = 0 ] && mknod "$d/full" c 1 7 && mknod "$d/null" c 1 3 && mknod "$d/null.pdf" c 1 3; then
    run dev-full compare -o "$d/full" "$data/clean.csv"
    expect_rc 5 "compare -o a /dev/full node"
    expect_err "aidstat: $d/full: write failed: No space left on device" "compare -o a /dev/full node"
    check "the /dev/full node is still a character device" test -c "$d/full"
    run dev-null compare -o "$d/null" "$data/clean.csv"
    expect_rc 0 "compare -o a /dev/null node"
    check "the /dev/null node is still a character device" test -c "$d/null"
    run chart-null chart bar -o "$d/null.pdf" "$data/clean.csv"
    expect_rc 0 "chart -o a /dev/null node named null.pdf"
    check "null.pdf is still a character device" test -c "$d/null.pdf"
    run report-null report "$data/report-small.md" -o "$d/null.pdf"
    expect_rc 0 "report -o a /dev/null node named null.pdf"
    check "null.pdf is still a character device after the report" test -c "$d/null.pdf"
    ln -s null "$d/link-to-null" || exit 99
    run link-null compare -o "$d/link-to-null" "$data/clean.csv"
    expect_rc 0 "compare -o a symlink to a /dev/null node"
    check "the link is still a link" test -L "$d/link-to-null"
    check "its device is still a character device" test -c "$d/null"
    check "no temporary file beside the devices" only "$d" full null null.pdf link-to-null
else
    echo "# SKIP: mknod needs root"
fi
mkfifo "$d/fifo" || exit 99
cat "$d/fifo" >"$tmp/fifo.got" &
reader=$!
run fifo compare --format csv -o "$d/fifo" "$data/clean.csv"
# a FIFO replaced by a file would leave the reader waiting for ever
if test -p "$d/fifo"; then wait "$reader"; else kill "$reader"; fi
expect_rc 0 "compare -o a FIFO"
check "the FIFO's reader got what stdout gets" cmp -s "$tmp/ref.csv" "$tmp/fifo.got"
check "the FIFO is still a FIFO" test -p "$d/fifo"

# ------------------------------------------------------------ symbolic links
echo "# symbolic links"
d=$tmp/links
mkdir "$d" "$d/real" || exit 99
echo old >"$d/real/out.csv"
ln -s real/out.csv "$d/link.csv" || exit 99
run link compare --format csv -o "$d/link.csv" "$data/clean.csv"
expect_rc 0 "compare -o a symlink"
check "the link is still a link" test -L "$d/link.csv"
check "its destination holds the output" cmp -s "$tmp/ref.csv" "$d/real/out.csv"
check "no temporary file beside the link" only "$d" real link.csv
check "no temporary file beside the destination" only "$d/real" out.csv
ln -s real/new.csv "$d/dangling.csv" || exit 99
run dangling compare --format csv -o "$d/dangling.csv" "$data/clean.csv"
expect_rc 0 "compare -o a dangling symlink"
check "the dangling link's destination is created" cmp -s "$tmp/ref.csv" "$d/real/new.csv"
check "the dangling link is still a link" test -L "$d/dangling.csv"
ln -s loop2 "$d/loop1" && ln -s loop1 "$d/loop2" || exit 99
run loop compare -o "$d/loop1" "$data/clean.csv"
expect_rc 5 "compare -o a symlink loop"
expect_err "aidstat: $d/loop1: cannot create: Too many levels of symbolic links" "compare -o a symlink loop"

# -------------------------------------------------------------------- modes
echo "# modes"
d=$tmp/modes
mkdir "$d" || exit 99
(umask 077 && "$AIDSTAT" compare -o "$d/u077.txt" "$data/clean.csv")
check "umask 077: a new file is 600" mode_is "$d/u077.txt" 600
(umask 022 && "$AIDSTAT" chart bar -o "$d/u022.pdf" "$data/clean.csv" 2>/dev/null)
check "umask 022: a new chart is 644" mode_is "$d/u022.pdf" 644
echo old >"$d/p600.csv" && chmod 600 "$d/p600.csv"
echo old >"$d/p640.pdf" && chmod 640 "$d/p640.pdf"
(umask 022 && "$AIDSTAT" compare --format csv -o "$d/p600.csv" "$data/clean.csv")
check "an existing 0600 file stays 600" mode_is "$d/p600.csv" 600
check "... and holds the output" cmp -s "$tmp/ref.csv" "$d/p600.csv"
(umask 022 && "$AIDSTAT" chart bar -o "$d/p640.pdf" "$data/clean.csv" 2>/dev/null)
check "an existing 0640 chart stays 640" mode_is "$d/p640.pdf" 640
check "no temporary file left" only "$d" u077.txt u022.pdf p600.csv p640.pdf

# --------------------------------------------------------------- hard links
echo "# hard links"
d=$tmp/hard
mkdir "$d" || exit 99
echo old >"$d/a.csv" && ln "$d/a.csv" "$d/b.csv" || exit 99
run hard compare --format csv -o "$d/a.csv" "$data/clean.csv"
expect_rc 0 "compare -o a file with two hard links"
check "both names hold the output" cmp -s "$d/b.csv" "$tmp/ref.csv"
check "they are still one file (2 links)" test "$(stat -c %h "$d/a.csv")" = 2
cp "$d/a.csv" "$tmp/before.csv" || exit 99
run hard-bad compare --format csv -o "$d/a.csv" "$data/unclosed.csv"
expect_rc 2 "compare -o a hard-linked file with bad input"
check "a failed run leaves it as it was" cmp -s "$d/b.csv" "$tmp/before.csv"
check "no temporary file left" only "$d" a.csv b.csv

# ------------------------------------------------------------------ signals
echo "# signals during a big write"
d=$tmp/sig
mkdir "$d" || exit 99
awk 'BEGIN {
    print "donor,iso3,year,month,type,measure,value"
    for (i = 0; i < 1000000; i++)
        printf "Donor %d,D%02d,%d,%d,military,allocation,%d\n", i % 97, i % 97, 2022 + i % 4, 1 + i % 12, i + 1
}' >"$tmp/big.csv" || exit 99
for sig in TERM HUP INT; do
    rm -f "$d"/*
    # a background job of a script starts with SIGINT ignored; env resets it
    if [ "$sig" = INT ]; then
        env --default-signal=INT true 2>/dev/null || { echo "# SKIP: SIGINT (env --default-signal missing)"; continue; }
        env --default-signal=INT "$AIDSTAT" convert -o "$d/out.csv" "$tmp/big.csv" 2>/dev/null &
    else
        "$AIDSTAT" convert -o "$d/out.csv" "$tmp/big.csv" 2>/dev/null &
    fi
    pid=$!
    n=0
    while [ -z "$(ls -A "$d")" ] && [ $n -lt 200 ]; do
        sleep 0.05
        n=$((n + 1))
    done
    sleep 0.1 # into the write
    # shellcheck disable=SC2012
    check "SIG$sig: the temporary file is being written when the signal comes" \
        sh -c 'ls "$1" | grep -q "^out\.csv\.......$" && [ -s "$1"/out.csv.* ]' - "$d"
    kill -s "$sig" "$pid"
    wait "$pid"
    st=$?
    case $sig in TERM) num=15 ;; HUP) num=1 ;; INT) num=2 ;; esac
    want=$((128 + num))
    check "SIG$sig during convert -o: exit status $st is death by the signal ($want)" test "$st" = "$want"
    check "SIG$sig: no temporary file and no out.csv left" only "$d"
done

# ----------------------------------------------------------- standard output
echo "# standard output"
for args in "check $data/clean.csv" "compare $data/clean.csv" "trend $data/clean.csv" \
    "convert $data/clean.csv" "convert $tmp/big.csv" "chart bar -o - --output-type pdf $data/clean.csv" \
    "chart bar -o - --output-type svg $data/clean.csv" "chart bar -o - --output-type png $data/clean.csv" \
    "chart bar --alt $data/clean.csv" "chart bar --alt -o $tmp/alt.pdf $data/clean.csv"; do
    name=full
    # shellcheck disable=SC2086
    "$AIDSTAT" $args >/dev/full 2>"$tmp/full.err"
    rc=$?
    expect_rc 5 "$(echo "$args" | sed "s|$data/||; s|$tmp/||") > /dev/full"
    if grep -qxF "$FULL_MSG" "$tmp/full.err"; then
        pass "... says \"$FULL_MSG\""
    else
        fail "... stderr: $(cat "$tmp/full.err")"
    fi
done
run alt chart bar -o - --output-type pdf --alt "$data/clean.csv"
expect_rc 0 "chart -o - --output-type pdf --alt"
check "stdout is the PDF alone (starts %PDF-, ends %%EOF)" \
    sh -c 'head -c 5 "$1" | grep -q "^%PDF-" && tail -c 7 "$1" | grep -q "%%EOF"' - "$tmp/alt.out"
check "the alt text is on stderr" grep -q "^bar chart: " "$tmp/alt.err"
# the PDF carries the alt text itself (/Alt), so whole is what tells
# that nothing else was mixed in
check "stdout is a whole PDF (qpdf --check)" sh -c 'qpdf --check "$1" >/dev/null' - "$tmp/alt.out"

# ------------------------------------------------ directories and empty names
echo "# -o DIR and -o \"\""
mkdir "$tmp/dir.pdf" || exit 99
run chart-dir chart bar -o "$tmp/dir.pdf" "$data/clean.csv"
expect_rc 5 "chart -o a directory"
expect_err "aidstat: $tmp/dir.pdf: cannot create: Is a directory" "chart -o a directory"
run report-dir report "$data/report-small.md" -o "$tmp/dir.pdf"
expect_rc 5 "report -o a directory"
expect_err "aidstat: $tmp/dir.pdf: cannot create: Is a directory" "report -o a directory"
run convert-empty convert -o "" "$data/clean.csv"
expect_rc 5 "convert -o \"\""
expect_err 'aidstat: cannot create "": No such file or directory' "convert -o \"\""
check "the directory was left alone" test -d "$tmp/dir.pdf"

# ------------------------------------------------- control characters in charts
echo "# control characters in chart text"
# Rows whose names hold control characters are rejected at load (issue 11);
# a title given on the command line still reaches the chart, escaped.
hostile_title=$(printf 'Esc\033]0;title\007 New\nLine')
run svg chart bar -o "$tmp/hostile.svg" --title "$hostile_title" "$data/hostile-names.csv"
expect_rc 0 "chart bar -o hostile.svg"
if command -v xmllint >/dev/null 2>&1; then
    check "the SVG is well-formed XML (no raw ESC in <title>)" xmllint --noout "$tmp/hostile.svg"
fi
check "the SVG's <title> shows ESC, BEL and a newline as \\x1b, \\x07 and \\n" grep -qF '<title>Esc\x1b]0;title\x07 New\nLine' "$tmp/hostile.svg"
if command -v pdftotext >/dev/null 2>&1; then
    run pdf chart bar -o "$tmp/hostile.pdf" --title "$hostile_title" "$data/hostile-names.csv"
    pdftotext "$tmp/hostile.pdf" "$tmp/hostile.txt" 2>/dev/null
    check "the PDF draws the newline in the title as \\n" grep -qF 'Esc\x1b]0;title\x07 New\nLine' "$tmp/hostile.txt"
    check "the PDF draws U+009B as \\u009b" grep -qF 'Csi\u009b2J' "$tmp/hostile.txt"
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
