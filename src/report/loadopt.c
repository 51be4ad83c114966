/* A report's front matter can say how its data files are read: every
 * loader option the command line has, under the same names. */
#include "config.h"
#include "report/report.h"
#include "load/loader.h"
#include "data/error.h"

#include <glib.h>
#include <string.h>

static bool truth(const char *v, bool *out)
{
    if (!g_ascii_strcasecmp(v, "true") || !g_ascii_strcasecmp(v, "yes"))
        return *out = true, true;
    if (!g_ascii_strcasecmp(v, "false") || !g_ascii_strcasecmp(v, "no"))
        return *out = false, true;
    return false;
}

int aid_spec_load_option(aidstat_load_options_t *lo, GPtrArray *keep, const char *key, const char *val,
                         const char *path, long line, long col, aidstat_error_t *err)
{
    bool b;
    if (!strcmp(key, "decimal-comma") || !strcmp(key, "decimal-point")) {
        if (!truth(val, &b)) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col, "%s: \"%s\": true or false", key, val);
            return -1;
        }
        if (key[8] == 'c')
            lo->decimal_comma = b;
        else
            lo->decimal_point = b;
        if (lo->decimal_comma && lo->decimal_point) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col,
                          "decimal-comma and decimal-point: give one");
            return -1;
        }
        return 1;
    }
    if (!strcmp(key, "unit")) {
        double s = aid_unit_scale(val);
        if (s == 0 || !val[0]) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col, "unit: \"%s\": bn, m, k or 1", val);
            return -1;
        }
        lo->unit_scale = s;
        return 1;
    }
    if (!strcmp(key, "date-order")) {
        aidstat_date_order_t o;
        if (aidstat_date_order_parse(val, &o) != AIDSTAT_OK) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col, "date-order: \"%s\": dmy, mdy or ymd",
                          val);
            return -1;
        }
        lo->date_order = (aidstat_date_order_t)o;
        return 1;
    }
    if (!strcmp(key, "delimiter")) {
        if (!strcmp(val, "tab"))
            lo->delimiter = '\t';
        else if (strlen(val) == 1 && strchr(",;|", val[0]))
            lo->delimiter = val[0];
        else {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col, "delimiter: \"%s\": , ; | or tab", val);
            return -1;
        }
        return 1;
    }
    const char **slot = !strcmp(key, "encoding")         ? &lo->encoding
                        : !strcmp(key, "sheet")          ? &lo->sheet
                        : !strcmp(key, "input-currency") ? &lo->currency
                        : !strcmp(key, "input-format")   ? &lo->format
                                                         : NULL;
    if (slot) {
        if (!val[0]) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col, "%s: give a value", key);
            return -1;
        }
        char *v = g_strdup(val);
        g_ptr_array_add(keep, v);
        *slot = v;
        return 1;
    }
    if (!strcmp(key, "map") || !strcmp(key, "words")) {
        /* map: donor=Geber, value=Betrag; words: Rüstung=military: pairs
     * separated by commas */
        GPtrArray *pairs = g_ptr_array_new();
        char **parts = g_strsplit(val, ",", -1);
        for (char **p = parts; *p; p++) {
            g_strstrip(*p);
            if (!**p)
                continue;
            if (!strchr(*p, '=') || **p == '=') {
                aid_error_set(err, AIDSTAT_ERR_USAGE, path, line, col,
                              "%s: \"%s\": write %s, pairs separated by commas", key, *p,
                              key[0] == 'm' ? "FIELD=COLUMN" : "WORD=NAME");
                g_strfreev(parts);
                g_ptr_array_free(pairs, TRUE);
                return -1;
            }
            char *v = g_strdup(*p);
            g_ptr_array_add(keep, v);
            g_ptr_array_add(pairs, v);
        }
        g_strfreev(parts);
        g_ptr_array_add(pairs, NULL);
        char **arr = (char **)g_ptr_array_free(pairs, FALSE);
        g_ptr_array_add(keep, arr);
        if (key[0] == 'm')
            lo->map = (const char *const *)arr;
        else
            lo->words = (const char *const *)arr;
        return 1;
    }
    return 0;
}
