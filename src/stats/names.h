/* Internal: names of comparison keys, statistics and intervals. */
#ifndef AID_STATS_NAMES_H
#define AID_STATS_NAMES_H

/* aidstat_key_parse, aidstat_stat_parse and aidstat_interval_parse for
 * callers inside the library: the value, or -1 when s is not recognised. */
int aid_key_parse(const char *s);
int aid_stat_parse(const char *s);
int aid_interval_parse(const char *s);

#endif
