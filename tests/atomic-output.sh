#!/bin/sh
# Atomic output: a file named with -o is either written completely or
# left as it was, and no temporary file is left behind. For both
# `compare --format csv` and `convert`:
#   -o DIR/out.csv writes the same bytes as stdout would get, prints
#     nothing on stdout, and leaves no out.csv.* sibling;
#   with bad input (a fixture with an unclosed quote; and a good file
#     followed by an empty one, which fails after records were written)
#     and an existing out.csv: exit 2, a message starting "aidstat: ",
#     out.csv unchanged byte for byte, no temporary file;
#   -o into a directory that does not exist: exit 5 and a message
#     starting "aidstat: " that names the path; nothing is created;
#   -o - writes to stdout (same bytes as without -o) and creates no file.
#
# Environment (set by `make check`): AIDSTAT.
# Exit: 0 pass, 1 fail, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
[ -x "$AIDSTAT" ] || { echo "ERROR: $AIDSTAT is not executable"; exit 99; }

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

. "${SRCDIR:?SRCDIR is not set}/tests/testlib.sh"

# ------------------------------------------------------------ fixtures
in=$tmp/in
mkdir "$in" || exit 99
HEADER=donor,iso3,recipient,year,month,type,measure,value,currency
cat >"$in/good.csv" <<EOF
$HEADER
Alpha,AAA,Ukraine,2023,1,military,allocation,1234.56,EUR
Beta,BBB,Ukraine,2023,2,financial,allocation,2500,EUR
Gamma,CCC,Ukraine,2023,3,humanitarian,allocation,99.5,EUR
Alpha,AAA,Ukraine,2024,1,military,allocation,10,EUR
EOF
# The quote opened on line 3 is never closed: the rest of the file would
# be one field.
cat >"$in/unclosed.csv" <<EOF
$HEADER
Alpha,AAA,Ukraine,2023,1,military,allocation,1234.56,EUR
"Beta,BBB,Ukraine,2023,2,financial,allocation,2500,EUR
Gamma,CCC,Ukraine,2023,3,humanitarian,allocation,99.5,EUR
Alpha,AAA,Ukraine,2024,1,military,allocation,10,EUR
EOF
: >"$in/empty.csv"

OLD='old content: must survive a failed run'

# only_file DIR NAME: DIR holds exactly NAME (no temporary sibling).
only_file() {
    list=$(cd "$1" && ls -A)
    if [ "$list" = "$2" ]; then
        return 0
    fi
    echo "  $1 holds: $(echo "$list" | tr '\n' ' ')(expected only $2)"
    return 1
}

# run NAME ARGS...: aidstat ARGS, from a scratch working directory;
# sets $rc and leaves stdout/stderr in $tmp/NAME.out / NAME.err.
run() {
    name=$1
    shift
    (cd "$tmp/cwd" && "$AIDSTAT" "$@") >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
}

# expect_rc WANT DESCRIPTION: compare $rc, showing stderr on a mismatch.
expect_rc() {
    if [ "$rc" -eq "$1" ]; then
        pass "$2: exit $rc"
    else
        fail "$2: exit $rc, expected $1 (stderr: $(head -c 300 "$tmp/$name.err"))"
    fi
}

# message_ok NEEDLE: stderr's first line starts "aidstat: " and holds NEEDLE.
message_ok() {
    first=$(head -n 1 "$tmp/$name.err")
    case $first in
    "aidstat: "*"$1"*) return 0 ;;
    esac
    echo "  stderr: $first"
    return 1
}

mkdir "$tmp/cwd" || exit 99

for cmd in compare convert; do
    case $cmd in
    compare) args="compare --format csv" ;;
    convert) args="convert" ;;
    esac
    echo "# aidstat $args"
    out=$tmp/out-$cmd
    mkdir "$out" || exit 99

    # 1. a good run writes the file, the same bytes as stdout would get
    # shellcheck disable=SC2086
    run ref $args "$in/good.csv"
    [ "$rc" -eq 0 ] && [ -s "$tmp/ref.out" ] || {
        echo "ERROR: aidstat $args good.csv: exit $rc: $(cat "$tmp/ref.err")"
        exit 99
    }
    # shellcheck disable=SC2086
    run good $args -o "$out/out.csv" "$in/good.csv"
    expect_rc 0 "$cmd -o DIR/out.csv good.csv"
    check "$cmd -o: out.csv holds what stdout gets without -o" cmp -s "$tmp/ref.out" "$out/out.csv"
    check "$cmd -o: nothing on stdout" test ! -s "$tmp/good.out"
    check "$cmd -o: no out.csv.* left beside out.csv" only_file "$out" out.csv
    check "$cmd -o: nothing created in the working directory" only_file "$tmp/cwd" ""

    # 2. bad input never replaces an existing file
    for bad in unclosed empty; do
        case $bad in
        unclosed) f1=$in/unclosed.csv f2= what="unclosed quote" culprit=$in/unclosed.csv ;;
        empty) f1=$in/good.csv f2=$in/empty.csv what="good file then an empty one" culprit=$in/empty.csv ;;
        esac
        rm -f "$out"/out.csv.*
        printf '%s\n' "$OLD" >"$out/out.csv"
        cp "$out/out.csv" "$tmp/old.csv" || exit 99
        # shellcheck disable=SC2086
        run bad $args -o "$out/out.csv" "$f1" ${f2:+"$f2"}
        expect_rc 2 "$cmd -o out.csv, $what"
        check "$cmd, $what: message starts \"aidstat: \" and names the file" message_ok "$culprit"
        check "$cmd, $what: out.csv unchanged byte for byte" cmp -s "$tmp/old.csv" "$out/out.csv"
        check "$cmd, $what: no temporary file left" only_file "$out" out.csv
    done

    # 3. a directory that does not exist
    missing=$tmp/no-such-dir/out.csv
    # shellcheck disable=SC2086
    run nodir $args -o "$missing" "$in/good.csv"
    expect_rc 5 "$cmd -o into a missing directory"
    check "$cmd -o missing dir: message starts \"aidstat: \" and names $missing" message_ok "$missing"
    check "$cmd -o missing dir: nothing on stdout" test ! -s "$tmp/nodir.out"
    check "$cmd -o missing dir: the directory was not created" test ! -e "$tmp/no-such-dir"

    # 4. -o - is stdout
    # shellcheck disable=SC2086
    run dash $args -o - "$in/good.csv"
    expect_rc 0 "$cmd -o -"
    check "$cmd -o -: stdout holds the same bytes as without -o" cmp -s "$tmp/ref.out" "$tmp/dash.out"
    check "$cmd -o -: no file created in the working directory" only_file "$tmp/cwd" ""
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
