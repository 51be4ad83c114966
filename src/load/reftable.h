/* Internal: reference tables from a reader other than the CSV one
 * (SIPRI's military expenditure workbook, load/milex.c); the table itself
 * is data/reftable.h. */
#ifndef AID_LOAD_REFTABLE_H
#define AID_LOAD_REFTABLE_H

#include "aidstat.h"

/* SIPRI's workbook: sheet NULL = "Current US$". NULL on error. */
aidstat_reftable_t *aid_milex_load(const char *path, const char *sheet, aidstat_error_t *err);

#endif
