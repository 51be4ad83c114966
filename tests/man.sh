#!/bin/sh
# The man page stays true to the program: every sub-command that
# 'aidstat --help' lists has a subsection of man/aidstat.1, and every option
# (long and short) that 'aidstat CMD --help-all' prints is documented in
# that subsection or in a section it refers to with .Sx (SELECTION, OUTPUT,
# READING DATA, ...) or in DESCRIPTION (the help options). An option added
# without documenting it fails here, naming the option and the page; an
# option the page documents that no longer exists fails too. The
# built-in donor groups are listed; the page renders without a groff
# warning (skipped without groff); the EXAMPLES that need no file work.
# Environment (set by `make check`): AIDSTAT, SRCDIR, TESTDATA.
# Exit: 0 pass, 1 fail, 99 hard error.
set -u
: "${AIDSTAT:?}" "${SRCDIR:?}" "${TESTDATA:?}"
. "$SRCDIR/tests/testlib.sh"
page=man/aidstat.1
src=$SRCDIR/$page
[ -r "$src" ] || { echo "ERROR: $src missing"; exit 99; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/all-options"

# What the page documents: "SECTION[/SUBSECTION] opt NAME" for every
# "Fl NAME" (NAME without its leading dash: "-by" for --by, "b" for -b) and
# "SECTION[/SUBSECTION] ref SECTION" for every .Sx.
awk '
/^\.Sh / { sh = substr($0, 5); key = sh; next }
/^\.Ss / { key = sh "/" substr($0, 5); next }
/^\.\\"/ { next }
{
    line = $0
    while (match(line, /(^|[ .])Fl -?[A-Za-z0-9][A-Za-z0-9-]*/)) {
        tok = substr(line, RSTART, RLENGTH)
        sub(/^.*Fl /, "", tok)
        print key "\topt\t" tok
        line = substr(line, RSTART + RLENGTH)
    }
    if ($0 ~ /^\.Sx /) {
        ref = substr($0, 5)
        sub(/ [,.;:()].*$/, "", ref)
        print key "\tref\t" ref
    }
}' "$src" >"$tmp/doc" || exit 99

# The commands, from the program's own usage.
"$AIDSTAT" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }' >"$tmp/commands"
check "aidstat --help lists commands" test -s "$tmp/commands"

while read -r cmd; do
    if ! grep -q "^COMMANDS/$cmd	" "$tmp/doc" && ! grep -qx ".Ss $cmd" "$src"; then
        fail "$page has no subsection for 'aidstat $cmd' (add '.Ss $cmd' under COMMANDS)"
        continue
    fi
    # documented for this command: its subsection, the sections it names, DESCRIPTION
    {
        echo "COMMANDS/$cmd"
        echo DESCRIPTION
        awk -F '\t' -v k="COMMANDS/$cmd" '$1 == k && $2 == "ref" { print $3 }' "$tmp/doc"
    } >"$tmp/keys"
    awk -F '\t' 'NR == FNR { want[$0] = 1; next } ($1 in want) && $2 == "opt" { print $3 }' \
        "$tmp/keys" "$tmp/doc" | sort -u >"$tmp/documented"
    if ! "$AIDSTAT" "$cmd" --help-all >"$tmp/help" 2>&1; then
        fail "aidstat $cmd --help-all: exit status not 0"
        continue
    fi
    # "  -b, --by=KEY   ..." and "  --stat=STAT   ...": one name a line ("b", "-by")
    awk '/^  +-/ {
            for (i = 1; i <= NF; i++) {
                w = $i
                if (w !~ /^-/) break
                sub(/[=,].*$/, "", w)
                sub(/^-/, "", w)
                print w
                if ($i !~ /,$/) break
            }
        }' "$tmp/help" | sort -u >"$tmp/options"
    if [ ! -s "$tmp/options" ]; then
        fail "aidstat $cmd --help-all: no options found in its output"
        continue
    fi
    missing=$(comm -23 "$tmp/options" "$tmp/documented")
    if [ -z "$missing" ]; then
        pass "aidstat $cmd: all $(wc -l <"$tmp/options") options of --help-all are in $page"
    else
        for o in $missing; do
            fail "aidstat $cmd: option -$o is not documented in $page (add it to the '.Ss $cmd' subsection or a section it names with .Sx)"
        done
    fi
    # and the other way round: what the subsection documents exists
    awk -F '\t' -v k="COMMANDS/$cmd" '$1 == k && $2 == "opt" { print $3 }' "$tmp/doc" | sort -u >"$tmp/own"
    for o in $(comm -23 "$tmp/own" "$tmp/options"); do
        fail "$page documents -$o under '$cmd', but 'aidstat $cmd --help-all' has no such option"
    done
    cat "$tmp/options" >>"$tmp/all-options"
done <"$tmp/commands"

# An option of a shared section (SELECTION, OUTPUT, ...) exists in at least
# one command.
sort -u "$tmp/all-options" >"$tmp/any"
for o in $(awk -F '\t' '$1 !~ /\// && $1 != "DESCRIPTION" && $1 != "SYNOPSIS" && $2 == "opt" { print $3 }' "$tmp/doc" | sort -u | comm -23 - "$tmp/any"); do
    fail "$page documents -$o, but no command's --help-all has it"
done

# The built-in donor groups (datasets/regions.csv) are named under --region.
awk '/^\.It Fl r , Fl -region/ { on = 1; next } on && /^\.(It|El)/ { exit }
     on && /^\.Cm / { for (i = 2; i <= NF; i++) print $i }' "$src" >"$tmp/groups"
for r in $(awk -F, 'NR > 1 { print $1 }' "$SRCDIR/datasets/regions.csv" | sort -u); do
    check "$page names the built-in group $r under --region" grep -qx -- "$r" "$tmp/groups"
done

# The exit codes of src/cli/cli.h are all in EXIT STATUS.
for code in $(sed -n 's/^ *EXIT_[A-Z]* = \([0-9]*\),.*/\1/p' "$SRCDIR/src/cli/cli.h"); do
    check "$page: exit status $code is documented" \
        awk -v c="$code" '/^\.Sh EXIT STATUS/ { on = 1; next } /^\.Sh / { on = 0 } on && $0 == ".It " c { f = 1 } END { exit !f }' "$src"
done

# Renders without a warning.
if command -v groff >/dev/null; then
    LC_ALL=C.UTF-8 groff -mandoc -Tutf8 -ww -z "$src" >"$tmp/groff.err" 2>&1
    if [ $? -eq 0 ] && [ ! -s "$tmp/groff.err" ]; then
        pass "groff -mandoc -ww renders $page without warnings"
    else
        fail "groff -mandoc -ww: warnings for $page:"
        cat "$tmp/groff.err"
    fi
    if command -v man >/dev/null; then
        MANWIDTH=80 MANPAGER=cat PAGER=cat man -l "$src" >"$tmp/man.out" 2>"$tmp/man.err"
        if [ $? -eq 0 ] && [ ! -s "$tmp/man.err" ] && grep -q "EXIT STATUS" "$tmp/man.out"; then
            pass "man -l renders $page without warnings"
        else
            fail "man -l $page:"
            cat "$tmp/man.err"
        fi
    else
        echo "# SKIP man -l: man-db is not installed"
    fi
else
    echo "# SKIP rendering: groff is not installed (apt-get install groff-base man-db)"
fi

# The EXAMPLES that need no file of their own run and succeed, in a
# scratch folder (data.csv is a small clean file).
awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
     on && /^\$ aidstat / { cmd = substr($0, 3) }
     on && /^ +/ && cmd != "" { cmd = cmd " " $0 }
     on && cmd != "" { if (cmd ~ /\\e$/) { sub(/ *\\e$/, "", cmd); next } gsub(/  +/, " ", cmd); print cmd; cmd = "" }' \
    "$src" >"$tmp/examples"
check "$page has examples" test -s "$tmp/examples"
cp "$TESTDATA/clean.csv" "$tmp/data.csv" || exit 99
while read -r ex; do
    case $ex in
    */*) continue ;; # names a file of the reader's
    esac
    # shellcheck disable=SC2086
    (cd "$tmp" && set -- $ex && shift && "$AIDSTAT" "$@" >/dev/null 2>"$tmp/ex.err")
    rc=$?
    if [ $rc -eq 0 ]; then pass "example works: $ex"; else fail "example fails (exit $rc): $ex"; cat "$tmp/ex.err"; fi
done <"$tmp/examples"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
