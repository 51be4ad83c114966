/* How military aid was sourced: the parts of a sourcing split (Kiel's
 * procurement_trends.csv) as rows, columns or layers. */
#ifndef AID_STATS_SOURCING_H
#define AID_STATS_SOURCING_H

#include "aidstat.h"

#include <stdint.h>

/* The label of a part for people ("NATO PURL" for "nato_purl") and its
 * place in the tracker's order (stockpile, procurement, unspecified,
 * NATO PURL; parts it does not know after these). part may be NULL or "":
 * then *label is NULL and the result -1 (the record is no part of a split). */
int aid_sourcing_part(const char *part, const char **label);

/* The error for n matched records that are no part of a split (the first
 * at file:line), when grouping by sourcing. Returns AIDSTAT_ERR_DATA. */
aidstat_status_t aid_sourcing_unsplit(uint64_t n, const char *file, long line, aidstat_error_t *err);

#endif
