/* Internal: the comparison key of a name (data/fold.c). */
#ifndef AID_FOLD_H
#define AID_FOLD_H

/* The comparison key of s (a new string): lower case, accents and
 * zero-width characters removed, spaces run together; NULL if s is not
 * UTF-8. */
char *aid_fold_key(const char *s);

#endif
