/* Internal: what the period rule of a filter leaves out. */
#ifndef AID_FILTER_H
#define AID_FILTER_H

#include "aidstat.h"

/* Whether rec fails f only because its period is coarser than the range
 * and reaches across one of its ends (a year-only record 2022 under
 * from=2022-06 or to=2022-05): partly inside, so left out by the rule that
 * a record must lie wholly inside. The caller says so with a note. */
bool aid_filter_straddles(const aidstat_filter_t *f, const aidstat_record_t *rec);

#endif
