/* Internal: building an EU attribution key (the container; its readers
 * are load/eukey.c). A key has one part per EU body it attributes (the EU
 * institutions "EU"; in the release-7 workbook also the European Peace
 * Facility "EPF" and the European Investment Bank "EIB"), each with its
 * members' amounts. */
#ifndef AID_DATA_EUKEY_H
#define AID_DATA_EUKEY_H

#include "aidstat.h"

/* An empty key; its amounts fit the EU bodies' figures of measure m. */
aidstat_eukey_t *aid_eukey_new(void);
void aid_eukey_set_measure(aidstat_eukey_t *k, aidstat_measure_t m);
/* Start the part for the EU body with this code (stored in upper case);
 * members added next belong to it. Without a call, members belong to
 * the EU institutions ("EU"). */
void aid_eukey_begin_body(aidstat_eukey_t *k, const char *code);
/* A member: its name, country code (stored in upper case) and amount
 * (its share is the amount over its part's total). */
void aid_eukey_add(aidstat_eukey_t *k, const char *name, const char *code, double amount);
/* Shares must be positive and name each member once per part; sums the
 * totals. file names the key in messages. */
aidstat_status_t aid_eukey_check(aidstat_eukey_t *k, const char *file, aidstat_error_t *err);
/* The description for footers (takes a copy). */
void aid_eukey_set_describe(aidstat_eukey_t *k, const char *describe);

#endif
