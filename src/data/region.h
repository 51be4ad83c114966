/* Internal: building region tables (the file parser lives in load/). */
#ifndef AID_REGION_H
#define AID_REGION_H

#include "aidstat.h"

aidstat_regions_t *aid_regions_new(void);
/* Add a member to group id (created with name on first use). code and
 * country may be empty, not both. */
void aid_regions_add(aidstat_regions_t *r, const char *id, const char *name, const char *code,
                     const char *country);

/* Filters and groups (defined in filter.c). Whether f selects donors by
 * group; whether rec passes every test of f but falls outside all its
 * groups (false when f names no group). */
bool aid_filter_names_groups(const aidstat_filter_t *f);
bool aid_filter_outside_groups(const aidstat_filter_t *f, const aidstat_record_t *rec);

#endif
