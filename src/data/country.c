/* The country table: datasets/countries.csv, compiled in, read once. One
 * hash from name key to country, one from code; the display name of each
 * country is the table's "name" column. */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/fold.h"
#include "data/suggest.h"

#include <csv.h>
#include <gio/gio.h>
#include <glib.h>
#include <string.h>

#define COUNTRIES "/org/aidstat/datasets/countries.csv"

/* src/resources.c (generated): named here so that a static link pulls
 * the embedded files in */
GResource *aid_resources_get_resource(void);

typedef struct {
    GStringChunk *chunk;
    GArray *countries;   /* aid_country_t */
    GHashTable *by_key;  /* name key -> index + 1 */
    GHashTable *by_code; /* upper-case code -> index + 1 */
    GPtrArray *keys;     /* every name key, for suggestions */
    GArray *key_country; /* index per key */
    /* parse state */
    GPtrArray *fields;
    long row;
} table_t;

static void add_name(table_t *t, const char *name, guint index)
{
    char *k = aid_fold_key(name);
    if (!k || !*k) {
        g_free(k);
        return;
    }
    /* the table is checked when it is written (datasets/countries.py):
     * a name shared by two countries keeps its first */
    if (!g_hash_table_contains(t->by_key, k)) {
        char *kk = g_string_chunk_insert(t->chunk, k);
        g_hash_table_insert(t->by_key, kk, GUINT_TO_POINTER(index + 1));
        g_ptr_array_add(t->keys, kk);
        g_array_append_val(t->key_country, index);
    }
    g_free(k);
}

static void on_field(void *s, size_t len, void *user)
{
    table_t *t = user;
    g_ptr_array_add(t->fields, g_strndup(s, len));
}

/* code,name,german,variants ("|"-separated) */
static void on_row(int c, void *user)
{
    (void)c;
    table_t *t = user;
    if (t->row++ > 0 && t->fields->len >= 4) {
        char **f = (char **)t->fields->pdata;
        aid_country_t x;
        x.code = g_string_chunk_insert_const(t->chunk, f[0]);
        x.name = g_string_chunk_insert_const(t->chunk, f[1]);
        x.german = g_string_chunk_insert_const(t->chunk, f[2][0] ? f[2] : f[1]);
        guint i = t->countries->len;
        g_array_append_val(t->countries, x);
        char *up = g_ascii_strup(f[0], -1);
        g_hash_table_insert(t->by_code, g_string_chunk_insert_const(t->chunk, up), GUINT_TO_POINTER(i + 1));
        g_free(up);
        add_name(t, f[1], i);
        add_name(t, f[2], i);
        char **v = g_strsplit(f[3], "|", -1);
        for (char **p = v; *p; p++)
            add_name(t, *p, i);
        g_strfreev(v);
    }
    g_ptr_array_set_size(t->fields, 0);
}

static gpointer load(gpointer unused)
{
    (void)unused;
    table_t *t = g_new0(table_t, 1);
    t->chunk = g_string_chunk_new(8192);
    t->countries = g_array_new(FALSE, FALSE, sizeof(aid_country_t));
    t->by_key = g_hash_table_new(g_str_hash, g_str_equal);
    t->by_code = g_hash_table_new(g_str_hash, g_str_equal);
    t->keys = g_ptr_array_new();
    t->key_country = g_array_new(FALSE, FALSE, sizeof(guint));
    t->fields = g_ptr_array_new_with_free_func(g_free);
    GBytes *b =
        g_resource_lookup_data(aid_resources_get_resource(), COUNTRIES, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (b) {
        gsize len;
        const char *data = g_bytes_get_data(b, &len);
        struct csv_parser p;
        if (csv_init(&p, 0) == 0) {
            csv_parse(&p, data, len, on_field, on_row, t);
            csv_fini(&p, on_field, on_row, t);
            csv_free(&p);
        }
        g_bytes_unref(b);
    }
    g_ptr_array_free(t->fields, TRUE);
    t->fields = NULL;
    return t;
}

static table_t *table(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, load, NULL);
}

static const aid_country_t *at(table_t *t, gpointer v)
{
    return v ? &g_array_index(t->countries, aid_country_t, GPOINTER_TO_UINT(v) - 1) : NULL;
}

const aid_country_t *aid_country_by_name(const char *name)
{
    table_t *t = table();
    char *k = aid_fold_key(name);
    if (!k)
        return NULL;
    const aid_country_t *c = at(t, g_hash_table_lookup(t->by_key, k));
    g_free(k);
    return c;
}

const aid_country_t *aid_country_by_code(const char *code)
{
    table_t *t = table();
    char up[8];
    size_t n = code ? strlen(code) : 0;
    if (n == 0 || n >= sizeof up)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        up[i] = g_ascii_toupper(code[i]);
    return at(t, g_hash_table_lookup(t->by_code, up));
}

const aid_country_t *aid_country_find(const char *name_or_code)
{
    const aid_country_t *c = aid_country_by_name(name_or_code);
    return c ? c : aid_country_by_code(name_or_code);
}

size_t aid_country_count(void)
{
    return table()->countries->len;
}

const aid_country_t *aid_country_at(size_t i)
{
    return &g_array_index(table()->countries, aid_country_t, i);
}

const char *aid_country_suggest(const char *s)
{
    table_t *t = table();
    size_t limit = aid_suggest_limit(s), best = limit + 1;
    const char *name = NULL;
    for (guint i = 0; i < t->keys->len; i++) {
        size_t d =
            aid_suggest_distance(s, g_ptr_array_index(t->keys, i), best - 1 < limit ? best - 1 : limit);
        if (d < best) {
            best = d;
            name = g_array_index(t->countries, aid_country_t, g_array_index(t->key_country, guint, i)).name;
        }
    }
    return name;
}

const char *aidstat_country_suggest(const char *name)
{
    return name ? aid_country_suggest(name) : NULL;
}

bool aidstat_country_find(const char *name_or_code, const char **code, const char **name)
{
    const aid_country_t *c = name_or_code ? aid_country_find(name_or_code) : NULL;
    if (code)
        *code = c ? c->code : NULL;
    if (name)
        *name = c ? c->name : NULL;
    return c != NULL;
}
