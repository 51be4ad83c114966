/* Files a report spec names: paths from the spec's folder, and the
 * confinement that keeps a spec one did not write inside that folder. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"

#include <stdlib.h>
#include <string.h>

/* Whether path, made absolute and with its links resolved, is inside dir
 * (also resolved). A file that does not exist yet is judged by its name. */
bool aid_spec_inside(const char *dir, const char *path)
{
    char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
    bool in = !rd || !rp || (g_str_has_prefix(rp, rd) && (rp[strlen(rd)] == '/' || !strcmp(rd, "/")));
    free(rd);
    free(rp);
    return in;
}

char *aid_spec_file(const aid_rdata_t *d, const char *spec, const char *name, const char *key, long line,
                    long col, aidstat_error_t *err)
{
    const char *dir = d->dir ? d->dir : ".";
    if (d->confine) {
        bool out = g_path_is_absolute(name);
        gchar **parts = g_strsplit(name, "/", -1);
        for (gchar **p = parts; *p && !out; p++)
            out = !strcmp(*p, "..");
        g_strfreev(parts);
        char *path = g_build_filename(dir, name, NULL);
        out = out || !aid_spec_inside(dir, path);
        if (out) {
            g_free(path);
            aid_error_set(err, AIDSTAT_ERR_USAGE, spec, line, col,
                          "%s: \"%s\" is outside the spec's folder (the report is confined to it)", key,
                          name);
            return NULL;
        }
        return path;
    }
    return g_path_is_absolute(name) ? g_strdup(name) : g_build_filename(dir, name, NULL);
}
