/* Internal: building a reference table (the container; its readers are
 * load/reftable.c and load/milex.c). */
#ifndef AID_DATA_REFTABLE_H
#define AID_DATA_REFTABLE_H

#include "aidstat.h"

#include <stdint.h>

/* An empty table of kind; currency "" when the values are not money. */
aidstat_reftable_t *aid_reftable_new(aidstat_ref_kind_t kind, const char *currency);

/* Store v for a country, by code and by name (either may be NULL or "",
 * not both), in year. false when the table already has a value for that
 * code (or, without a code, that name) in year. */
bool aid_reftable_put(aidstat_reftable_t *t, const char *code, const char *name, int year, double v);

/* The description for footers (takes a copy) and notes for people. */
void aid_reftable_set_describe(aidstat_reftable_t *t, const char *describe);
void aid_reftable_note(aidstat_reftable_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The years the stored values span. */
void aid_reftable_span(const aidstat_reftable_t *t, int *y0, int *y1);
/* What the table holds, and how many values were stored. */
aidstat_ref_kind_t aid_reftable_kind(const aidstat_reftable_t *t);
uint64_t aid_reftable_count(const aidstat_reftable_t *t);

/* A country's key: prefix 'c' and the upper-case code, or 'n' and the
 * case-folded name (key + 1 is the code or name as looked up). New string. */
char *aid_reftable_country_key(char prefix, const char *s);

#endif
