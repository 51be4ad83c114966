/* describe: a comparison or a series as the description the wording
 * module words (data/wording.c), so every door titles it alike. No
 * English here: only which facts of the result go into the words. */
#include "config.h"
#include "aidstat.h"

void aidstat_wording_from_result(aidstat_wording_t *w, const aidstat_result_t *r)
{
    aidstat_wording_init(w);
    w->types = aidstat_result_types(r);
    w->measure = aidstat_result_measure(r);
    w->currency = aidstat_result_currency(r);
    w->key[0] = aidstat_result_key(r, 0);
    w->key[1] = aidstat_result_key(r, 1);
    w->stat = aidstat_result_stat(r);
    w->cumulative = aidstat_result_cumulative(r);
    w->filter = aidstat_result_filter(r);
}

void aidstat_wording_from_series(aidstat_wording_t *w, const aidstat_series_t *s)
{
    aidstat_wording_init(w);
    w->types = aidstat_series_types(s);
    w->measure = aidstat_series_measure(s);
    w->currency = aidstat_series_currency(s);
    w->key[0] = aidstat_series_groups(s) > 1 ? aidstat_series_key(s) : AIDSTAT_KEY_NONE;
    w->filter = aidstat_series_filter(s);
}
