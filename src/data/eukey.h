/* Internal: building an EU attribution key (the container; its readers
 * are load/eukey.c). */
#ifndef AID_DATA_EUKEY_H
#define AID_DATA_EUKEY_H

#include "aidstat.h"

/* An empty key. */
aidstat_eukey_t *aid_eukey_new(void);
/* A member: its name, country code (stored in upper case) and amount
 * (its share is the amount over the key's total). */
void aid_eukey_add(aidstat_eukey_t *k, const char *name, const char *code, double amount);
/* Shares must be positive and name each member once; sums the total.
 * file names the key in messages. */
aidstat_status_t aid_eukey_check(aidstat_eukey_t *k, const char *file, aidstat_error_t *err);
/* The description for footers (takes a copy). */
void aid_eukey_set_describe(aidstat_eukey_t *k, const char *describe);

#endif
