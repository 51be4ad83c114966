/* Internal: building a table of item counts (the container; its reader is
 * load/counts.c, its use stats/heavy.c). */
#ifndef AID_DATA_COUNTS_H
#define AID_DATA_COUNTS_H

#include "aidstat.h"

aidstat_counts_t *aid_counts_new(const char *source);
/* One count; the strings are copied (interned in the table). */
void aid_counts_add(aidstat_counts_t *c, const char *donor, const char *code, const char *item,
                    const char *category, aidstat_count_stage_t stage, double count);
void aid_counts_note(aidstat_counts_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
