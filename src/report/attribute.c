/* The front-matter key eu_attribution: the report's data loaded through
 * an EU attribution (src/stats/attribute.c), and every figure's notes
 * saying so. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"

#include <string.h>

struct aid_report_eu {
    aidstat_eukey_t *key;
    aidstat_attribution_t *attr;
};

aid_report_eu_t *aid_report_eu_begin(const char *value, const char *dir, const aid_rdata_t *d,
                                     const char *data_path, aidstat_record_fn fn, void *user,
                                     aidstat_error_t *err)
{
    aidstat_eukey_t *key;
    if (!strcmp(value, "true") || !strcmp(value, "yes")) {
        /* the data's own key (a workbook's share sheets), else Release 29's */
        key = aidstat_eukey_load_for(data_path, err);
    } else {
        char *p = g_path_is_absolute(value) || !strcmp(dir, ".") ? g_strdup(value)
                                                                 : g_build_filename(dir, value, NULL);
        key = aidstat_eukey_load_file(p, err);
        g_free(p);
    }
    if (!key)
        return NULL;
    aid_report_eu_t *e = g_new0(aid_report_eu_t, 1);
    e->key = key;
    e->attr = aidstat_attribution_new(key, d->regions, fn, user);
    return e;
}

aidstat_record_fn aid_report_eu_fn(aid_report_eu_t *e, aidstat_record_fn fn, void **user)
{
    if (!e)
        return fn;
    *user = e->attr;
    return aidstat_attribution_add;
}

aidstat_status_t aid_report_eu_end(aid_report_eu_t *e, aid_rdata_t *d, aidstat_error_t *err)
{
    if (!e)
        return AIDSTAT_OK;
    aidstat_status_t st = aidstat_attribution_finish(e->attr, err);
    if (st == AIDSTAT_OK) {
        g_free(d->caveat);
        d->caveat = g_strdup(aidstat_attribution_describe(e->attr));
    }
    aid_report_eu_free(e);
    return st;
}

void aid_report_eu_free(aid_report_eu_t *e)
{
    if (!e)
        return;
    aidstat_attribution_free(e->attr);
    aidstat_eukey_free(e->key);
    g_free(e);
}
