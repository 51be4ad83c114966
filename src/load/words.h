/* Internal: the user's own words for aid types and measures. */
#ifndef AID_WORDS_H
#define AID_WORDS_H

#include "aidstat.h"

#include "load/number.h"

#include <stdbool.h>

/* Check each "WORD=NAME" of words (NULL-terminated): NAME an aid type or
 * a measure. AIDSTAT_ERR_USAGE naming the first that is not. */
aidstat_status_t aid_words_check(const char *const *words, aidstat_error_t *err);

/* The type (as_type) or measure the user's words give s, or -1. */
int aid_words_lookup(const char *const *words, const char *s, bool as_type);

/* The decimal mark the number in such a cell shows (AID_MARK_NONE when
 * the cell is not one). */
aid_mark_t aid_words_mark(const char *s);

/* The currency a unit word (normalised, see aid_header_normalize) names:
 * "EUR", "USD", "GBP", or NULL; in_cell also takes words only read beside
 * a number ("US"). */
const char *aid_words_currency(const char *word, bool in_cell);
/* Whether the currency word may head a value column on its own ("EUR"). */
bool aid_words_value_head(const char *word);
/* The scale a scale word (normalised) gives: 1e9, 1e6, 1e3; 0 for none. */
double aid_words_scale(const char *word);
/* The unit words of a header or cell split into normalised words, from
 * tok[k] (tok NULL-terminated): a currency or a scale word, a code glued
 * to a scale ("eurm", "usdbn"), "us dollar", or "in" before any of them.
 * Sets *currency and/or *scale for what they name and returns the number
 * of words read; 0 when tok[k] is no unit word. */
size_t aid_words_unit(char *const *tok, size_t k, bool in_cell, const char **currency, double *scale);

/* A value cell with unit words around its number: "1,5 Mio. €",
 * "€1.2 bn", "$300m", "EUR 2 bn". The number is read with comma as the
 * decimal mark or not; *scale is the scale word's (0 when the cell has
 * none), *currency the currency word's ("EUR", "USD", "GBP") or NULL.
 * False when the cell is something else. */
bool aid_words_amount(const char *s, bool comma, double *x, double *scale, const char **currency);

#endif
