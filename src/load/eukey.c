/* Reading an EU attribution key (data/eukey.c): the Kiel tracker's
 * eu_aid_shares.csv (each member's eu_share_bn), from a file or the copy
 * embedded with the default dataset. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/eukey.h"

#include <gio/gio.h>

#define KEY_RESOURCE "/org/aidstat/datasets/kiel-ust-r29-eu-aid-shares.csv"
#define KEY_NAME "kiel-ust-r29-eu-aid-shares.csv"

static int key_add(const aidstat_record_t *rec, void *user)
{
    aid_eukey_add(user, rec->donor, rec->iso3, rec->value);
    return 0;
}

aidstat_eukey_t *aidstat_eukey_load_file(const char *path, aidstat_error_t *err)
{
    aidstat_eukey_t *k = aid_eukey_new();
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    opt.format = "kiel-eu-aid-shares";
    aidstat_status_t st = aidstat_load_file(path, &opt, key_add, k, r, err);
    if (st == AIDSTAT_OK)
        st = aid_eukey_check(k, path, err);
    if (st == AIDSTAT_OK) {
        char *d = g_strdup_printf("%s%s%s", aidstat_load_report_release(r)[0] ? aidstat_load_report_release(r) : "",
                                  aidstat_load_report_release(r)[0] ? ", " : "", path);
        aid_eukey_set_describe(k, d);
        g_free(d);
    }
    aidstat_load_report_free(r);
    if (st != AIDSTAT_OK) {
        aidstat_eukey_free(k);
        return NULL;
    }
    return k;
}

aidstat_eukey_t *aidstat_eukey_load_default(aidstat_error_t *err)
{
    GBytes *b = g_resources_lookup_data(KEY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (!b) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, KEY_NAME, 0, 0, "the embedded EU attribution key is missing from this build");
        return NULL;
    }
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    aidstat_eukey_t *k = aid_eukey_new();
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    opt.display_name = KEY_NAME " (embedded)";
    aidstat_status_t st = aidstat_load_memory(KEY_NAME, data, len, &opt, key_add, k, NULL, err);
    g_bytes_unref(b);
    if (st == AIDSTAT_OK)
        st = aid_eukey_check(k, KEY_NAME, err);
    if (st != AIDSTAT_OK) {
        aidstat_eukey_free(k);
        return NULL;
    }
    aid_eukey_set_describe(k, "Release 29 (04/2026), eu_aid_shares.csv (embedded)");
    return k;
}
