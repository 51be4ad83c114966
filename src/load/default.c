/* The embedded default dataset, compiled in with GResource so the aidstat
 * program works with no files at all. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"
#include "load/loader.h"

#include <gio/gio.h>

#define DEFAULT_NAME "kiel-ust-r29.csv"
#define WEAPONS_NAME "kiel-ust-r29-weapons.csv"
#define SOURCING_NAME "kiel-ust-r29-sourcing.csv"

const char *aidstat_default_dataset_name(void)
{
    return DEFAULT_NAME;
}

static aidstat_status_t load_resource(const char *name, aidstat_record_fn fn, void *user,
                                      aidstat_load_report_t *report, aidstat_error_t *err)
{
    char *path = g_strconcat("/org/aidstat/datasets/", name, NULL);
    GBytes *b = g_resources_lookup_data(path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    g_free(path);
    if (!b)
        return aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                             "the embedded dataset is missing from this build");
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    /* TRANSLATORS: a file built into aidstat: "kiel-ust-r29.csv (embedded)" */
    char *shown = g_strdup_printf("%s (%s)", name, L_("embedded"));
    opt.display_name = shown;
    aidstat_status_t st = aidstat_load_memory(name, data, len, &opt, fn, user, report, err);
    g_bytes_unref(b);
    g_free(shown);
    return st;
}

aidstat_status_t aidstat_load_default(aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                      aidstat_error_t *err)
{
    return load_resource(DEFAULT_NAME, fn, user, report, err);
}

aidstat_status_t aid_load_default_weapons(aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                          aidstat_error_t *err)
{
    return load_resource(WEAPONS_NAME, fn, user, report, err);
}

aidstat_status_t aid_load_default_sourcing(aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                           aidstat_error_t *err)
{
    return load_resource(SOURCING_NAME, fn, user, report, err);
}
