#!/bin/sh
# Builds the libFuzzer harnesses: `make fuzz` runs this with the library's
# sources. Every library source is compiled once with clang and the
# sanitizers into $out/obj (again only when newer than its object), then
# each tests/fuzz/fuzz-NAME.c is linked with them into $out/fuzz-NAME.
#   build.sh SRCDIR OUT SOURCE...
# Environment: FUZZ_CC (clang), FUZZ_CPPFLAGS, FUZZ_CFLAGS, FUZZ_LIBS.
set -eu
srcdir=$1 out=$2
shift 2
: "${FUZZ_CC:?configure found no clang: rerun configure with FUZZ_CC=clang-NN}"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-g -O1 $san ${FUZZ_CPPFLAGS:-} ${FUZZ_CFLAGS:-}"
mkdir -p "$out/obj"
# objects are rebuilt when their source is newer; a changed header (or
# config.h) rebuilds them all
stamp=$out/obj/.stamp
if [ -f "$stamp" ] && [ -n "$(find "$srcdir/src" "$srcdir/tests/fuzz" config.h -name '*.h' -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
    rm -f "$out"/obj/*.o
fi
touch "$stamp.new"

objs=
pids=
compile() { # source object flags...
    src=$1 obj=$2
    shift 2
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
        echo "  FUZZCC   $src"
        "$FUZZ_CC" $cflags "$@" -c "$src" -o "$obj" &
        pids="$pids $!"
        # two at a time: the machine is shared
        set -- $pids
        if [ $# -ge 2 ]; then
            wait $1 || exit 1
            shift
            pids="$*"
        fi
    fi
}
for s in "$@"; do
    case $s in *.c | *.cc) ;; *) continue ;; esac
    [ -f "$s" ] && src=$s || src=$srcdir/$s
    obj=$out/obj/$(echo "$s" | tr / _ | sed 's/\.cc*$/.o/')
    case $s in
    # the qpdf pass (render/artifact.cc): linked by clang as C, so without the checks
    # that need the C++ UBSan runtime (vptr, function)
    *.cc) compile "$src" "$obj" -fsanitize=fuzzer-no-link -fno-sanitize=vptr,function -x c++ -std=c++17 ;;
    *) compile "$src" "$obj" -fsanitize=fuzzer-no-link ;;
    esac
    objs="$objs $obj"
done
compile "$srcdir/tests/fuzz/fuzzlib.c" "$out/obj/fuzzlib.o" -fsanitize=fuzzer-no-link
for p in $pids; do wait "$p" || exit 1; done

for h in "$srcdir"/tests/fuzz/fuzz-*.c; do
    name=$(basename "$h" .c)
    echo "  FUZZLD   $out/$name"
    "$FUZZ_CC" $cflags -fsanitize=fuzzer "$h" "$out/obj/fuzzlib.o" $objs ${FUZZ_LIBS:-} -lstdc++ -o "$out/$name"
done
mv "$stamp.new" "$stamp"
