/* Reference tables as data: values by country and year (GDP,
 * population, military expenditure) or by year alone (a price deflator).
 * The readers that fill them are in load/reftable.c and load/milex.c.
 *
 * Values are keyed twice, by upper-case code and by case-folded name, so a
 * record that carries only a donor name still finds its country. */
#include "config.h"
#include "aidstat.h"
#include "data/reftable.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct aidstat_reftable {
    aidstat_ref_kind_t kind;
    char *currency;     /* "" unless the values are money */
    GHashTable *values; /* key(country, year) -> double */
    GHashTable *latest; /* key(country) -> latest year */
    int y0, y1;
    uint64_t nvalues;
    char *describe;
    GPtrArray *notes; /* char * */
};

/* Keys: 'c' + upper-case code or 'n' + case-folded name, then for values
 * '\x1f' + year. A deflator's one series is the empty code. */
char *aid_reftable_country_key(char prefix, const char *s)
{
    char *t = g_strstrip(g_strdup(s));
    /* g_utf8_casefold needs UTF-8: a name that is not cannot match one */
    char *norm = prefix == 'c'                  ? g_ascii_strup(t, -1)
                 : g_utf8_validate(t, -1, NULL) ? g_utf8_casefold(t, -1)
                                                : g_strdup(t);
    char *key = g_strdup_printf("%c%s", prefix, norm);
    g_free(norm);
    g_free(t);
    return key;
}

static char *value_key(const char *country, int year)
{
    return g_strdup_printf("%s\x1f%d", country, year);
}

/* Store v under country key ck (owned here) for year; false when the
 * table has a value there already. */
static bool put_key(aidstat_reftable_t *t, char *ck, int year, double v)
{
    char *vk = value_key(ck, year);
    if (g_hash_table_contains(t->values, vk)) {
        g_free(vk);
        g_free(ck);
        return false;
    }
    double *p = g_new(double, 1);
    *p = v;
    g_hash_table_insert(t->values, vk, p);
    int latest = GPOINTER_TO_INT(g_hash_table_lookup(t->latest, ck));
    if (year > latest)
        g_hash_table_insert(t->latest, ck, GINT_TO_POINTER(year));
    else
        g_free(ck);
    return true;
}

bool aid_reftable_put(aidstat_reftable_t *t, const char *code, const char *name, int year, double v)
{
    if (t->kind == AIDSTAT_REF_DEFLATOR) {
        if (!put_key(t, g_strdup(""), year, v))
            return false;
    } else {
        bool has_code = code && code[0], has_name = name && name[0];
        if (has_code && !put_key(t, aid_reftable_country_key('c', code), year, v))
            return false;
        /* a name is a second way in: when a code is there, a name shared
         * by two codes keeps the first */
        if (has_name) {
            char *nk = aid_reftable_country_key('n', name);
            char *vk = value_key(nk, year);
            bool dup = g_hash_table_contains(t->values, vk);
            g_free(vk);
            if (dup && has_code)
                g_free(nk);
            else if (!put_key(t, nk, year, v))
                return false;
        }
    }
    if (t->nvalues == 0 || year < t->y0)
        t->y0 = year;
    if (t->nvalues == 0 || year > t->y1)
        t->y1 = year;
    t->nvalues++;
    return true;
}

aidstat_reftable_t *aid_reftable_new(aidstat_ref_kind_t kind, const char *currency)
{
    aidstat_reftable_t *t = g_new0(aidstat_reftable_t, 1);
    t->kind = kind;
    t->currency = g_ascii_strup(currency ? currency : "", -1);
    t->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    t->latest = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t->notes = g_ptr_array_new_with_free_func(g_free);
    return t;
}

void aid_reftable_set_describe(aidstat_reftable_t *t, const char *describe)
{
    g_free(t->describe);
    t->describe = g_strdup(describe);
}

void aid_reftable_note(aidstat_reftable_t *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(t->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

void aid_reftable_span(const aidstat_reftable_t *t, int *y0, int *y1)
{
    *y0 = t->y0;
    *y1 = t->y1;
}

void aidstat_reftable_free(aidstat_reftable_t *t)
{
    if (!t)
        return;
    g_hash_table_destroy(t->values);
    g_hash_table_destroy(t->latest);
    g_free(t->currency);
    g_free(t->describe);
    g_ptr_array_free(t->notes, TRUE);
    g_free(t);
}

/* The country key to use: the code's when the table knows it, else the
 * name's; NULL when neither is known. A deflator has one series. */
static char *find_country(const aidstat_reftable_t *t, const char *code, const char *name)
{
    if (t->kind == AIDSTAT_REF_DEFLATOR)
        return g_strdup("");
    if (code && *code) {
        char *k = aid_reftable_country_key('c', code);
        if (g_hash_table_contains(t->latest, k))
            return k;
        g_free(k);
    }
    if (name && *name) {
        char *k = aid_reftable_country_key('n', name);
        if (g_hash_table_contains(t->latest, k))
            return k;
        g_free(k);
    }
    return NULL;
}

double aidstat_reftable_get(const aidstat_reftable_t *t, const char *code, const char *name, int year)
{
    if (!t)
        return NAN;
    char *ck = find_country(t, code, name);
    if (!ck)
        return NAN;
    char *vk = value_key(ck, year);
    const double *v = g_hash_table_lookup(t->values, vk);
    g_free(vk);
    g_free(ck);
    return v ? *v : NAN;
}

int aidstat_reftable_latest_year(const aidstat_reftable_t *t, const char *code, const char *name)
{
    if (!t)
        return 0;
    char *ck = find_country(t, code, name);
    if (!ck)
        return 0;
    int y = GPOINTER_TO_INT(g_hash_table_lookup(t->latest, ck));
    g_free(ck);
    return y;
}

const char *aidstat_reftable_currency(const aidstat_reftable_t *t)
{
    return t ? t->currency : "";
}

const char *aidstat_reftable_describe(const aidstat_reftable_t *t)
{
    return t ? t->describe : "";
}

size_t aidstat_reftable_note_count(const aidstat_reftable_t *t)
{
    return t ? t->notes->len : 0;
}

const char *aidstat_reftable_note(const aidstat_reftable_t *t, size_t i)
{
    return t && i < t->notes->len ? g_ptr_array_index(t->notes, i) : NULL;
}
aidstat_ref_kind_t aid_reftable_kind(const aidstat_reftable_t *t)
{
    return t->kind;
}

uint64_t aid_reftable_count(const aidstat_reftable_t *t)
{
    return t->nvalues;
}
