/* Region files: CSV with columns region,name,iso3[,country], one row per
 * membership. A row may give a code, a country name, or both. */
#include "config.h"
#include "data/error.h"
#include "data/region.h"
#include "load/csv.h"
#include "load/loader.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib.h>
#include <string.h>

typedef struct {
    aidstat_regions_t *regions;
    int col[4]; /* region, name, iso3, country */
    bool header;
    const char *name;
    aidstat_error_t *err;
} reader_t;

static int row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    reader_t *R = user;
    (void)lens;
    if (!R->header) {
        static const char *const want[4] = {"region", "name", "iso3", "country"};
        R->header = true;
        for (int k = 0; k < 4; k++)
            R->col[k] = -1;
        for (size_t i = 0; i < n; i++) {
            char *h = aid_header_normalize(f[i]);
            for (int k = 0; k < 4; k++)
                if (strcmp(h, want[k]) == 0 && R->col[k] < 0)
                    R->col[k] = (int)i;
            g_free(h);
        }
        if (R->col[0] < 0 || (R->col[2] < 0 && R->col[3] < 0)) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, 1, 0,
                          "a regions file needs columns region and iso3 (or country)");
            return 1;
        }
        return 0;
    }
    const char *v[4] = {"", "", "", ""};
    for (int k = 0; k < 4; k++) {
        if (R->col[k] >= 0 && (size_t)R->col[k] < n)
            v[k] = g_strstrip(f[R->col[k]]);
    }
    for (int k = 0; k < 4; k++)
        if (!g_utf8_validate(v[k], -1, NULL)) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->col[k] + 1, "not UTF-8 text");
            return 1;
        }
    if (!v[0][0]) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->col[0] + 1, "region missing");
        return 1;
    }
    if (!v[2][0] && !v[3][0]) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, 0,
                      "member has neither an iso3 code nor a country name");
        return 1;
    }
    aid_regions_add(R->regions, v[0], v[1], v[2], v[3]);
    return 0;
}

static aidstat_regions_t *parse(const char *name, FILE *fp, const char *data, size_t len,
                                aidstat_error_t *err)
{
    reader_t R = {aid_regions_new(), {-1, -1, -1, -1}, false, name, err};
    aidstat_error_clear(err);
    aid_csv_t *csv = aid_csv_new(name, 0);
    aidstat_status_t st = aid_csv_read(csv, fp, data, len, row, &R, err);
    aid_csv_free(csv);
    if (st == AIDSTAT_OK && aidstat_regions_count(R.regions) == 0)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, name, 1, 0, "no regions defined");
    if (st != AIDSTAT_OK) {
        aidstat_regions_free(R.regions);
        return NULL;
    }
    return R.regions;
}

aidstat_regions_t *aidstat_regions_load_file(const char *path, aidstat_error_t *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "cannot open: %s", g_strerror(errno));
        return NULL;
    }
    aidstat_regions_t *r = parse(path, fp, NULL, 0, err);
    fclose(fp);
    return r;
}

/* The embedded resource bundle (src/resources.c, generated). Asked for by
 * name so that a static link keeps it. */
GResource *aid_resources_get_resource(void);

aidstat_regions_t *aidstat_regions_load_default(aidstat_error_t *err)
{
    GBytes *b = g_resource_lookup_data(aid_resources_get_resource(), "/org/aidstat/datasets/regions.csv",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (!b) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, "regions.csv", 0, 0, "embedded regions missing");
        return NULL;
    }
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    aidstat_regions_t *r = parse("regions.csv (embedded)", NULL, data, len, err);
    g_bytes_unref(b);
    return r;
}
