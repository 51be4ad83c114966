/* Internal: filling aidstat_error_t records. */
#ifndef AID_ERROR_H
#define AID_ERROR_H

#include "aidstat.h"

/* An option named in a message: AID_OPT("top N") reads "top=N" through
 * the API and in reports, "--top N" on the command line (aidstat_error_word).
 * In a message for the catalogue write the marks into the literal instead,
 * "\001top N\002": xgettext stops reading a message at a macro. */
#define AID_OPT(key_value) "\001" key_value "\002"

/* Fill err (if not NULL) and return code. file may be NULL; line/column 0
 * when unknown. The message is printf-formatted; options in it marked with
 * AID_OPT. */
aidstat_status_t aid_error_set(aidstat_error_t *err, aidstat_status_t code, const char *file, long line,
                               long column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* An options struct as a caller passed it, into dst (already set by its
 * *_options_init): the caller's fields up to its "size" (the struct as the
 * caller was compiled), dst's defaults for fields added since. false, with
 * err filled, when src was not set by *_options_init (size 0) or is larger
 * than this library knows. what names the init function for the message. */
bool aid_options_take(void *dst, size_t dst_size, const void *src, const char *what, aidstat_error_t *err);

/* Marked text (AID_OPT) into its neutral wording; newly allocated. */
char *aid_text_neutral(const char *marked);

#endif
