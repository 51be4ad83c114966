/* Internal: text in any encoding to UTF-8, chunk by chunk, so a reader
 * can stream a file of any size. GLib's g_iconv does the converting.
 *
 * With no encoding given (NULL or "auto") the rule is:
 * - a byte-order mark decides (UTF-8, UTF-32LE, UTF-32BE, UTF-16LE,
 *   UTF-16BE; UTF-32LE's mark is UTF-16LE's followed by two zero bytes). A
 *   UTF-8 mark written twice is skipped twice (with a note);
 * - without one, UTF-16 is told by its zero bytes: when at least three in
 *   four of the first 128 byte pairs (four at least) have a zero second
 *   byte and no pair a zero first byte only, UTF-16LE (and the reverse,
 *   UTF-16BE), as a header of Latin letters is;
 * - otherwise the text is UTF-8 until the first byte that is not valid
 *   UTF-8. If everything before that byte was ASCII, the file is read as
 *   ISO-8859-1 from there on (ASCII reads the same, so nothing is re-read),
 *   and as Windows-1252 once a byte in 0x80-0x9F appears (C1 control
 *   characters in ISO-8859-1, which no text uses; printable characters
 *   such as € and “ in Windows-1252; the two agree on every other byte).
 *   If UTF-8 text with non-ASCII characters came before it, the byte is an
 *   error: the file is damaged UTF-8, not Latin-1.
 * NUL bytes say nothing about the encoding and pass through. */
#ifndef AID_ENCODING_H
#define AID_ENCODING_H

#include "aidstat.h"

typedef struct aid_decoder aid_decoder_t;

/* name is used in messages. encoding: NULL or "auto" to detect, or any
 * name iconv knows ("latin1", "cp1252", "UTF-16"). An unknown name is an
 * AIDSTAT_ERR_USAGE error (and NULL). */
aid_decoder_t *aid_decoder_new(const char *name, const char *encoding, aidstat_error_t *err);
void aid_decoder_free(aid_decoder_t *d);

/* Convert len bytes of input. *out is set to the UTF-8 text (in in itself
 * when it was UTF-8 already, else in the decoder's buffer, valid until the
 * next call) and *outlen to its length; *used to the input bytes consumed:
 * the bytes of a character cut by the end of the chunk are left for the
 * next call (give them again in front of the next chunk). last says no
 * more input follows. Errors: AIDSTAT_ERR_INPUT at file:line:column
 * (column counts characters) for a byte the encoding does not allow. */
aidstat_status_t aid_decoder_convert(aid_decoder_t *d, char *in, size_t len, bool last, char **out,
                                     size_t *outlen, size_t *used, aidstat_error_t *err);

/* The encoding read ("UTF-8", "ISO-8859-1", "Windows-1252", or the given
 * name), and how it was chosen: "default", "detected", "byte-order mark"
 * or "declared". */
const char *aid_decoder_encoding(const aid_decoder_t *d);
const char *aid_decoder_how(const aid_decoder_t *d);
/* For a detected legacy encoding: where the first non-UTF-8 byte was
 * (line, column) and which byte; 0 otherwise. */
long aid_decoder_switch_line(const aid_decoder_t *d, long *column, unsigned *byte);

/* Say in a load report which encoding was read, with a note on where a
 * detected legacy encoding began. */
void aid_encoding_report(const aid_decoder_t *d, aidstat_load_report_t *r);

#endif
