/* Internal: "did you mean ...?" -- the one helper every message about an
 * unknown name uses. */
#ifndef AID_SUGGEST_H
#define AID_SUGGEST_H

#include <stddef.h>

/* The edit distance between a and b (Unicode characters, after folding
 * case and accents; a swap of neighbours is one edit), capped at max + 1. */
size_t aid_suggest_distance(const char *a, const char *b, size_t max);
/* The largest distance at which a candidate counts as a typo of s. */
size_t aid_suggest_limit(const char *s);

#endif
