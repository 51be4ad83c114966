/* Internal: names of aid types and measures. */
#ifndef AID_RECORD_H
#define AID_RECORD_H

#include "aidstat.h"

/* aidstat_type_parse / aidstat_measure_parse for callers inside the
 * library: the value, or -1 when s is not recognised. */
int aid_type_parse(const char *s);
int aid_measure_parse(const char *s);

#endif
