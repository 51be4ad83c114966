# Sourced by the test scripts: TAP-style counters and checks, and an awk
# CSV splitter. A script prints "N passed, M failed" from the counters at
# its end and exits 0, 1 (a check failed), 77 (skip) or 99 (hard error).
npass=0
nfail=0
ncheck=0
pass() {
    ncheck=$((ncheck + 1))
    npass=$((npass + 1))
    echo "ok $ncheck - $1"
}
fail() {
    ncheck=$((ncheck + 1))
    nfail=$((nfail + 1))
    echo "not ok $ncheck - $1"
}
# check DESCRIPTION COMMAND...: pass when COMMAND succeeds.
check() {
    _desc=$1
    shift
    if "$@"; then pass "$_desc"; else fail "$_desc"; fi
}

# An RFC 4180 field splitter for awk programs ("$CSVLIB"' ... '): quoted
# fields may hold commas and doubled quotes. Columns are found by header.
CSVLIB='
function csvsplit(line, f,    n, i, c, q, field, len) {
    sub(/\r$/, "", line)
    n = 0; field = ""; q = 0; len = length(line)
    for (i = 1; i <= len; i++) {
        c = substr(line, i, 1)
        if (q) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { field = field c; i++ }
                else q = 0
            } else field = field c
        } else if (c == "\"") q = 1
        else if (c == ",") { f[++n] = field; field = "" }
        else field = field c
    }
    f[++n] = field
    return n
}
function header(f, n, col,    i) {
    for (i = 1; i <= n; i++) col[f[i]] = i
}
function need(col, name) {
    if (!(name in col)) {
        printf "ERROR: %s has no column \"%s\"\n", FILENAME, name > "/dev/stderr"
        bad = 1
        exit 99
    }
    return col[name]
}
'
