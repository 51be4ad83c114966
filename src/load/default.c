/* The embedded default dataset, compiled in with GResource so the aidstat
 * program works with no files at all. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <gio/gio.h>

#define DEFAULT_NAME "kiel-ust-r29.csv"

const char *aidstat_default_dataset_name(void)
{
    return DEFAULT_NAME;
}

aidstat_status_t aidstat_load_default(aidstat_record_fn fn, void *user,
                                      aidstat_load_report_t *report, aidstat_error_t *err)
{
    GBytes *b = g_resources_lookup_data("/org/aidstat/datasets/" DEFAULT_NAME,
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (!b)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, DEFAULT_NAME, 0, 0,
                             "the embedded default dataset is missing from this build");
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    opt.display_name = DEFAULT_NAME " (embedded)";
    aidstat_status_t st = aidstat_load_memory(DEFAULT_NAME, data, len, &opt, fn, user, report, err);
    g_bytes_unref(b);
    return st;
}
