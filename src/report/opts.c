/* Options of a report's figures and blocks: key=value pairs that remember
 * where each value sits in the spec, read strictly, with messages that
 * point at the value. The lowest floor of src/report: every other file of
 * it reads its options through these. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"
#include "data/intl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void aid_opts_init(aid_opts_t *o, const char *file)
{
    o->keys = g_ptr_array_new_with_free_func(g_free);
    o->values = g_ptr_array_new_with_free_func(g_free);
    o->lines = g_array_new(FALSE, FALSE, sizeof(long));
    o->cols = g_array_new(FALSE, FALSE, sizeof(long));
    o->file = file;
}

void aid_opts_clear(aid_opts_t *o)
{
    g_ptr_array_free(o->keys, TRUE);
    g_ptr_array_free(o->values, TRUE);
    g_array_free(o->lines, TRUE);
    g_array_free(o->cols, TRUE);
}

void aid_opts_add(aid_opts_t *o, const char *key, const char *value, long line, long col)
{
    g_ptr_array_add(o->keys, g_strstrip(g_ascii_strdown(key, -1)));
    g_ptr_array_add(o->values, g_strstrip(g_strdup(value)));
    g_array_append_val(o->lines, line);
    g_array_append_val(o->cols, col);
}

static long find(const aid_opts_t *o, const char *key)
{
    for (guint i = 0; i < o->keys->len; i++)
        if (!strcmp(g_ptr_array_index(o->keys, i), key))
            return (long)i;
    return -1;
}

const char *aid_opts_get(const aid_opts_t *o, const char *key)
{
    long i = find(o, key);
    return i < 0 ? NULL : g_ptr_array_index(o->values, (guint)i);
}

bool aid_opts_where(const aid_opts_t *o, const char *key, long *line, long *col)
{
    long i = find(o, key);
    if (i < 0)
        return false;
    *line = g_array_index(o->lines, long, i);
    *col = g_array_index(o->cols, long, i);
    return true;
}

aidstat_status_t aid_opts_error(const aid_opts_t *o, const char *key, long line, long col,
                                aidstat_error_t *err, const char *fmt, ...)
{
    long i = key ? find(o, key) : -1;
    if (i >= 0) {
        line = g_array_index(o->lines, long, i);
        col = g_array_index(o->cols, long, i);
    }
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, _(fmt), ap); /* xgettext: aid_opts_error */
    va_end(ap);
    return aid_error_set(err, AIDSTAT_ERR_USAGE, o->file, line, col, "%s", msg);
}

aidstat_status_t aid_spec_number(const char *value, const char *file, long line, long col, const char *key,
                                 bool whole, double min, double max, const char *what, double *out,
                                 aidstat_error_t *err)
{
    if (aidstat_number_read(value, whole, min, max, out) == AIDSTAT_NUMBER_OK)
        return AIDSTAT_OK;
    char a[32], b[32];
    g_ascii_formatd(a, sizeof a, "%.15g", min);
    g_ascii_formatd(b, sizeof b, "%.15g", max);
    return aid_error_set(err, AIDSTAT_ERR_USAGE, file, line, col, "%s: \"%s\": give %s from %s to %s", key,
                         value, what, a, b);
}

aidstat_status_t aid_opts_number(const aid_opts_t *o, const char *key, bool whole, double min, double max,
                                 const char *what, double *out, aidstat_error_t *err)
{
    long i = find(o, key);
    if (i < 0)
        return AIDSTAT_OK;
    return aid_spec_number(g_ptr_array_index(o->values, (guint)i), o->file, g_array_index(o->lines, long, i),
                           g_array_index(o->cols, long, i), key, whole, min, max, what, out, err);
}

aidstat_status_t aid_opts_check(const aid_opts_t *o, const char *const *known, long line, long col,
                                aidstat_error_t *err)
{
    for (guint i = 0; i < o->keys->len; i++) {
        const char *k = g_ptr_array_index(o->keys, i);
        bool ok = false;
        for (const char *const *p = known; *p && !ok; p++)
            ok = !strcmp(*p, k);
        if (!ok) {
            GString *names = g_string_new(NULL);
            for (const char *const *p = known; *p; p++)
                g_string_append_printf(names, "%s%s", names->len ? ", " : "", *p);
            size_t n = 0;
            while (known[n])
                n++;
            const char *hint = aidstat_suggest(k, (const char *const *)known, n);
            aidstat_status_t st =
                hint ? aid_opts_error(o, k, line, col, err,
                                      "unknown option \"%s\"; did you mean %s? (options: %s)", k, hint,
                                      names->str)
                     : aid_opts_error(o, k, line, col, err, "unknown option \"%s\" (options: %s)", k,
                                      names->str);
            g_string_free(names, TRUE);
            return st;
        }
    }
    return AIDSTAT_OK;
}

aidstat_status_t aid_opts_bool(const aid_opts_t *o, const char *key, bool *out, aidstat_error_t *err)
{
    const char *v = aid_opts_get(o, key);
    *out = false;
    if (!v)
        return AIDSTAT_OK;
    static const char *const yes[] = {"true", "yes", "1"}, *const no[] = {"false", "no", "0"};
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        if (!g_ascii_strcasecmp(v, yes[i]))
            return *out = true, AIDSTAT_OK;
        if (!g_ascii_strcasecmp(v, no[i]))
            return AIDSTAT_OK;
    }
    return aid_opts_error(o, key, 0, 0, err, "%s: \"%s\": true or false", key, v);
}
