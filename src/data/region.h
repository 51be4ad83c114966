/* Internal: building region tables (the file parser lives in load/). */
#ifndef AID_REGION_H
#define AID_REGION_H

#include "aidstat.h"

aidstat_regions_t *aid_regions_new(void);
/* Add a member to group id (created with name on first use). code and
 * country may be empty, not both. */
void aid_regions_add(aidstat_regions_t *r, const char *id, const char *name, const char *code,
                     const char *country);

#endif
