#!/bin/sh
# Every door onto a selection says the same thing (issue 10, item 7):
# tests/consistency.py runs a matrix of selections through compare
# --format json, the C API (tests/unit/select-door), the compare table,
# chart bar --alt and a report's inline figure and table, and checks
# value, unit, title, period, source and notes agree. The SIPRI and
# workbook rows are skipped when ../shared/datasets is absent.
#
# Environment (set by `make check`): AIDSTAT, SELECTDOOR, SHARED, SRCDIR.
# Exit: 0 pass, 1 fail, 77 skip, 99 hard error.
set -u

: "${AIDSTAT:?AIDSTAT is not set}"
: "${SELECTDOOR:?SELECTDOOR is not set}"
: "${SRCDIR:?SRCDIR is not set}"
SHARED=${SHARED:-}

command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v pdftotext >/dev/null || { echo "SKIP: no pdftotext"; exit 77; }
[ -x "$SELECTDOOR" ] || { echo "SKIP: $SELECTDOOR is not built"; exit 77; }

AIDSTAT=$AIDSTAT SELECTDOOR=$SELECTDOOR SHARED=$SHARED python3 "$SRCDIR/tests/consistency.py"
case $? in
0) exit 0 ;;
1) exit 1 ;;
*) exit 99 ;;
esac
