/* Internal: the user's own words for aid types and measures. */
#ifndef AID_WORDS_H
#define AID_WORDS_H

#include "aidstat.h"

/* Check each "WORD=NAME" of words (NULL-terminated): NAME an aid type or
 * a measure. AIDSTAT_ERR_USAGE naming the first that is not. */
aidstat_status_t aid_words_check(const char *const *words, aidstat_error_t *err);

/* The type (as_type) or measure the user's words give s, or -1. */
int aid_words_lookup(const char *const *words, const char *s, bool as_type);

#endif
