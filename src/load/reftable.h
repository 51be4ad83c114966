/* Internal: building a reference table from a reader other than the CSV
 * one (SIPRI's military expenditure workbook, load/milex.c). */
#ifndef AID_REFTABLE_H
#define AID_REFTABLE_H

#include "aidstat.h"

/* An empty table of kind; currency "" when the values are not money. */
aidstat_reftable_t *aid_reftable_new(aidstat_ref_kind_t kind, const char *currency);

/* Store v for a country, by code and by name (either may be NULL or "",
 * not both), in year. false when the table already has a value for that
 * code (or, without a code, that name) in year. */
bool aid_reftable_put(aidstat_reftable_t *t, const char *code, const char *name, int year,
                      double v);

/* The description for footers (takes a copy) and notes for people. */
void aid_reftable_set_describe(aidstat_reftable_t *t, const char *describe);
void aid_reftable_note(aidstat_reftable_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The years the stored values span. */
void aid_reftable_span(const aidstat_reftable_t *t, int *y0, int *y1);

/* SIPRI's workbook: sheet NULL = "Current US$". NULL on error. */
aidstat_reftable_t *aid_milex_load(const char *path, const char *sheet, aidstat_error_t *err);

#endif
