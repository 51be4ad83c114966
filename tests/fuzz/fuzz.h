/* Shared by the fuzz harnesses: each defines LLVMFuzzerTestOneInput; the
 * same source links either with libFuzzer (make fuzz) or with replay.c
 * (make check), which feeds it saved inputs. */
#ifndef AID_FUZZ_H
#define AID_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path naming the bytes, for loaders that only read files: an anonymous
 * in-memory file (memfd) seen through /proc/self/fd. The path stays valid
 * until the next call; returns NULL when the file cannot be made. */
const char *aid_fuzz_path(const uint8_t *data, size_t size);

/* A path to a new in-memory file holding text, kept for the whole run
 * (fixed data a harness loads once). */
const char *aid_fuzz_file(const char *text);

/* Abort with a message: an invariant the loader promises was broken. */
void aid_fuzz_fail(const char *what) __attribute__((noreturn));

#endif
