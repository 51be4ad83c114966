/* filtertext: a selection written as text ("type=military,donor=DEU") into
 * a filter. The command line's --type/--donor/... and a report's keys both
 * come here, so they accept the same values and refuse them in the same
 * words. Donor names go through aidstat_filter_add_donor, which resolves
 * them. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/record.h"

#include <glib.h>
#include <string.h>

/* The items of a list: split at commas, blanks trimmed, empty ones left out. */
static gchar **items(const char *value)
{
    gchar **parts = g_strsplit(value, ",", -1);
    size_t k = 0;
    for (size_t i = 0; parts[i]; i++) {
        g_strstrip(parts[i]);
        if (parts[i][0])
            parts[k++] = parts[i];
        else
            g_free(parts[i]);
    }
    parts[k] = NULL;
    return parts;
}

/* Donors and recipients: a name such as "Korea, Republic of" keeps its comma. */
static void add_names(aidstat_filter_t *f, const char *value, void (*add)(aidstat_filter_t *, const char *))
{
    if (strstr(value, ", ")) {
        char *one = g_strstrip(g_strdup(value));
        if (one[0])
            add(f, one);
        g_free(one);
        return;
    }
    gchar **parts = items(value);
    for (gchar **p = parts; *p; p++)
        add(f, *p);
    g_strfreev(parts);
}

static aidstat_status_t add_period(aidstat_filter_t *f, const char *key, const char *value,
                                   aidstat_error_t *err)
{
    int y, m;
    aidstat_error_t perr;
    char *v = g_strstrip(g_strdup(value));
    aidstat_status_t st = aidstat_period_parse(v, &y, &m, &perr);
    g_free(v);
    if (st != AIDSTAT_OK)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "\001%s\002: %s", key, perr.message);
    if (!strcmp(key, "from"))
        aidstat_filter_set_from(f, y, m);
    else
        aidstat_filter_set_to(f, y, m);
    return AIDSTAT_OK;
}

static aidstat_status_t add_regions(aidstat_filter_t *f, const char *value, const aidstat_regions_t *regions,
                                    aidstat_error_t *err)
{
    gchar **parts = items(value);
    aidstat_status_t st = AIDSTAT_OK;
    if (*parts && !regions)
        st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "\001region\002: no region table");
    for (gchar **p = parts; *p && st == AIDSTAT_OK; p++) {
        long i = aidstat_regions_find(regions, *p);
        if (i >= 0) {
            aidstat_filter_add_region(f, regions, (size_t)i);
            continue;
        }
        GString *known = g_string_new(NULL);
        for (size_t k = 0; k < aidstat_regions_count(regions); k++)
            g_string_append_printf(known, "%s%s", k ? ", " : "", aidstat_regions_id(regions, k));
        size_t n = aidstat_regions_count(regions);
        const char **ids = g_new(const char *, n + 1);
        for (size_t k = 0; k < n; k++)
            ids[k] = aidstat_regions_id(regions, k);
        const char *hint = aidstat_suggest(*p, ids, n);
        st = hint ? aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                  "\001region\002: unknown group \"%s\"; did you mean %s? (groups: %s)", *p,
                                  hint, known->str)
                  : aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                  "\001region\002: unknown group \"%s\" (groups: %s)", *p, known->str);
        g_free(ids);
        g_string_free(known, TRUE);
    }
    g_strfreev(parts);
    return st;
}

aidstat_status_t aidstat_filter_add_text(aidstat_filter_t *f, const char *key, const char *value,
                                         const aidstat_regions_t *regions, aidstat_error_t *err)
{
    if (!f || !key || !value)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "a selection needs a filter, a key and a value");
    if (!strcmp(key, "donor")) {
        add_names(f, value, aidstat_filter_add_donor);
        return AIDSTAT_OK;
    }
    if (!strcmp(key, "recipient")) {
        add_names(f, value, aidstat_filter_add_recipient);
        return AIDSTAT_OK;
    }
    if (!strcmp(key, "region"))
        return add_regions(f, value, regions, err);
    if (!strcmp(key, "from") || !strcmp(key, "to"))
        return add_period(f, key, value, err);
    bool type = !strcmp(key, "type");
    if (!type && strcmp(key, "measure"))
        return aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "unknown selection key \"%s\" (type, measure, donor, recipient, region, from, to)", key);
    gchar **parts = items(value);
    aidstat_status_t st = AIDSTAT_OK;
    for (gchar **p = parts; *p && st == AIDSTAT_OK; p++) {
        int v = type ? aid_type_parse(*p) : aid_measure_parse(*p);
        const char *names[AIDSTAT_TYPE_COUNT + AIDSTAT_MEASURE_COUNT];
        size_t nn = 0;
        for (int k = 0; v < 0 && k < (type ? AIDSTAT_TYPE_COUNT : AIDSTAT_MEASURE_COUNT); k++)
            names[nn++] =
                type ? aidstat_type_name((aidstat_type_t)k) : aidstat_measure_name((aidstat_measure_t)k);
        const char *hint = v < 0 ? aidstat_suggest(*p, names, nn) : NULL;
        if (v < 0 && type && hint)
            st =
                aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                              "\001type\002: unknown aid type \"%s\"; did you mean %s? (military, financial, "
                              "humanitarian, other, total)",
                              *p, hint);
        else if (v < 0 && type)
            st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                               "\001type\002: unknown aid type \"%s\" (military, financial, humanitarian, "
                               "other, total)",
                               *p);
        else if (v < 0 && hint)
            st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                               "\001measure\002: unknown measure \"%s\"; did you mean %s? (commitment, "
                               "allocation, delivery, to_be_allocated)",
                               *p, hint);
        else if (v < 0)
            st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                               "\001measure\002: unknown measure \"%s\" (commitment, allocation, delivery, "
                               "to_be_allocated)",
                               *p);
        else if (type)
            aidstat_filter_add_type(f, (aidstat_type_t)v);
        else
            aidstat_filter_add_measure(f, (aidstat_measure_t)v);
    }
    g_strfreev(parts);
    return st;
}

aidstat_status_t aidstat_filter_parse(aidstat_filter_t *f, const char *text, const aidstat_regions_t *regions,
                                      aidstat_error_t *err)
{
    if (!text)
        return AIDSTAT_OK;
    /* "type=military,financial,donor=DEU": each "key=" starts a field, the
     * items after it (up to the next key) are its list */
    gchar **parts = g_strsplit(text, ",", -1);
    GString *value = g_string_new(NULL);
    char *key = NULL;
    aidstat_status_t st = AIDSTAT_OK;
    for (gchar **p = parts; st == AIDSTAT_OK; p++) {
        const char *eq = *p ? strchr(*p, '=') : NULL;
        if (!*p || eq) {
            if (key)
                st = aidstat_filter_add_text(f, key, value->str, regions, err);
            g_free(key);
            key = NULL;
            if (!*p || st != AIDSTAT_OK)
                break;
            key = g_strstrip(g_strndup(*p, (gsize)(eq - *p)));
            g_string_assign(value, eq + 1);
        } else if (!key) {
            char *item = g_strstrip(g_strdup(*p));
            if (item[0])
                st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                   "selection \"%s\": \"%s\" has no key (write key=value)", text, item);
            g_free(item);
        } else {
            g_string_append_printf(value, ",%s", *p);
        }
    }
    g_free(key);
    g_string_free(value, TRUE);
    g_strfreev(parts);
    return st;
}
