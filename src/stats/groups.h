/* Internal: the donors of a grouped result (one keyed by region, or one
 * whose filter selects donors by group). It answers the two questions
 * every such result must: which donors fall outside all the groups asked
 * for, and how much they hold; and whether two of the groups shown share a
 * donor, so that they are no parts of one whole. */
#ifndef AID_STATS_GROUPS_H
#define AID_STATS_GROUPS_H

#include "aidstat.h"

#include <glib.h>

typedef struct {
    const aidstat_regions_t *regions;
    const aidstat_filter_t *filter;
    GHashTable *donors; /* donor name -> donor_t (groups.c) */
} aid_groups_t;

/* regions NULL: nothing is grouped and every call below does nothing. */
void aid_groups_init(aid_groups_t *g, const aidstat_regions_t *regions, const aidstat_filter_t *filter);
void aid_groups_clear(aid_groups_t *g);
/* Count a record (values already restated). in: it matched the filter;
 * otherwise it matched every test but the groups'. */
void aid_groups_add(aid_groups_t *g, const aidstat_record_t *rec, bool in);
/* The donors with records of measure m (-1: any) that fall in two or more
 * of the groups shown; names gets up to three of them ("Germany, France
 * and 4 more"). */
size_t aid_groups_shared(const aid_groups_t *g, int measure, GString *names);
/* Whether every donor with records of measure m that counts in the total
 * falls in exactly one of the groups shown: the groups then split the
 * total, and running shares and an "Others" row mean what they say. */
bool aid_groups_partition(const aid_groups_t *g, int measure);
/* The note on the donors outside every group asked for, with their
 * amounts in currency (none when measure is -1), largest first; NULL when
 * there are none. *n (if given) gets how many. Newly allocated. */
char *aid_groups_outside_note(const aid_groups_t *g, int measure, const char *currency, size_t *n);

#endif
