/* Internal: a CSV row reader on libcsv that knows where it is. It feeds
 * libcsv one physical line at a time so every row can be traced to the
 * line it starts on, and every field to its 1-based column. */
#ifndef AID_CSV_H
#define AID_CSV_H

#include "aidstat.h"

#include <stdio.h>

typedef struct aid_csv aid_csv_t;

/* One row: n fields, each NUL-terminated (fields[i][lens[i]] == 0).
 * Return 0 to go on; non-zero stops the read (fill err first). */
typedef int (*aid_csv_row_fn)(void *user, char **fields, const size_t *lens, size_t n, long line);

/* delimiter 0 sniffs ',', ';' or tab from the first line. name is used in
 * messages. */
aid_csv_t *aid_csv_new(const char *name, char delimiter);
void aid_csv_free(aid_csv_t *c);

/* The input's encoding (NULL or "auto": detect, see encoding.h); text is
 * converted to UTF-8 block by block before it is split into rows. */
void aid_csv_set_encoding(aid_csv_t *c, const char *encoding);
/* The decoder of the last read (which encoding was used), or NULL. */
struct aid_decoder;
const struct aid_decoder *aid_csv_decoder(const aid_csv_t *c);

/* Read all rows from fp or, when fp is NULL, from data/len. With fp,
 * data/len (at most 512 KiB; len 0 for none) are bytes already taken from
 * fp, read before it (a format sniffed on a pipe). A leading
 * byte-order mark is skipped. An unknown encoding is AIDSTAT_ERR_USAGE;
 * a byte the encoding does not allow, AIDSTAT_ERR_INPUT. Errors (I/O, unclosed quote, a row larger
 * than the limit) come back as AIDSTAT_ERR_INPUT with file:line:column. */
aidstat_status_t aid_csv_read(aid_csv_t *c, FILE *fp, const char *data, size_t len, aid_csv_row_fn fn,
                              void *user, aidstat_error_t *err);

/* Turn the direct split of quote-free lines off (for tests: every line
 * then goes through libcsv). */
void aid_csv_set_fast(aid_csv_t *c, bool fast);
/* Read on one thread (threads 1), on two (2: a reader thread reads,
 * decodes and splits while the calling thread calls fn, which sees the
 * same rows in the same order), or on two for an input of 4 MiB or more
 * or of unknown size (a pipe) on a machine with two cores (0, the default; AIDSTAT_THREADS=1 or 2 in
 * the environment sets it). block_size, when not 0, is the bytes read at
 * a time (1 MiB by default; small ones are for tests). fn and the
 * progress callback are always called on the calling thread. */
void aid_csv_set_threads(aid_csv_t *c, int threads, size_t block_size);
/* Call fn(bytes read, total, user) after each block read; total is the
 * input's size, 0 when unknown. */
void aid_csv_set_progress(aid_csv_t *c, aidstat_progress_fn fn, void *user, uint64_t total);

/* The delimiter used (after sniffing). */
/* Set before each row is given out: true when the row may hold a NUL or
 * another control character inside a field, or a zero-width character or
 * BOM; false guarantees it holds none. The pointer stays valid as long as c. */
const bool *aid_csv_suspect(const aid_csv_t *c);
/* Set before each row is given out: true when no field begins or ends
 * with a blank (space, tab) or a CR, so there is nothing to trim. The
 * pointer stays valid as long as c. */
const bool *aid_csv_trimmed(const aid_csv_t *c);
char aid_csv_delimiter(const aid_csv_t *c);

/* Largest row accepted, in bytes; larger rows are an input error. */
#define AID_CSV_MAX_ROW (64u << 20)
/* Most fields in a row (each costs 24 bytes of bookkeeping beside its
 * text, so a row of commas alone is held to 24 MiB); more is an input
 * error. Both limits are checked while a row or field grows, so a quote
 * that never closes or an endless line stops at the limit. */
#define AID_CSV_MAX_FIELDS (1u << 20)

/* Sniff a delimiter from the first line of buf: the most frequent of
 * ',', ';' and tab outside quotes; ',' when none occurs. */
char aid_csv_sniff(const char *buf, size_t len);

#endif
