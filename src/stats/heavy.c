/* Heavy weapons, committed against delivered: per donor the units of the
 * counts table (data/counts.c) at each stage and the share delivered. */
#include "config.h"
#include "aidstat.h"
#include "data/intl.h"
#include "data/error.h"

#include <glib.h>
#include <math.h>
#include <string.h>

struct aidstat_heavy {
    GArray *rows; /* aidstat_heavy_row_t; strings borrowed from the counts */
};

static gint row_cmp(gconstpointer a, gconstpointer b)
{
    const aidstat_heavy_row_t *x = a, *y = b;
    if (x->committed != y->committed)
        return x->committed > y->committed ? -1 : 1;
    return strcmp(x->donor, y->donor);
}

/* Whether f keeps the donor: the filter sees a record of that donor (its
 * donor and region tests are the ones that apply; counts have no type,
 * measure or date). */
static bool keeps(const aidstat_filter_t *f, const aidstat_count_t *k)
{
    if (!f)
        return true;
    aidstat_record_t r = {0};
    r.donor = k->donor;
    r.iso3 = k->code;
    r.recipient = "Ukraine";
    r.type = AIDSTAT_TYPE_MILITARY;
    r.measure = k->stage == AIDSTAT_COUNT_COMMITTED ? AIDSTAT_MEASURE_COMMITMENT : AIDSTAT_MEASURE_DELIVERY;
    r.currency = "";
    r.source = "";
    r.release = "";
    r.file = "";
    return aidstat_filter_match(f, &r);
}

static bool has_category(const aidstat_counts_t *c, const char *category)
{
    for (size_t i = 0; i < aidstat_counts_size(c); i++)
        if (!g_ascii_strcasecmp(aidstat_counts_get(c, i)->category, category))
            return true;
    return false;
}

/* The counts' categories, "Tank", "Howitzer", ... in order of first
 * appearance, quoted and separated by commas. */
static char *categories(const aidstat_counts_t *c)
{
    GString *s = g_string_new(NULL);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < aidstat_counts_size(c); i++) {
        const char *k = aidstat_counts_get(c, i)->category;
        if (k[0] && g_hash_table_add(seen, (gpointer)k))
            g_string_append_printf(s, "%s\"%s\"", s->len ? ", " : "", k);
    }
    g_hash_table_destroy(seen);
    return g_string_free(s, FALSE);
}

aidstat_heavy_t *aidstat_heavy_by_donor(const aidstat_counts_t *c, const aidstat_filter_t *f,
                                        const char *category, aidstat_error_t *err)
{
    GHashTable *at = g_hash_table_new(g_str_hash, g_str_equal); /* code -> index + 1 */
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(aidstat_heavy_row_t));
    aidstat_heavy_row_t total = {L_("All donors"), "", 0, 0, NAN};
    for (size_t i = 0; i < aidstat_counts_size(c); i++) {
        const aidstat_count_t *k = aidstat_counts_get(c, i);
        if ((category && g_ascii_strcasecmp(category, k->category)) || !keeps(f, k))
            continue;
        guint j = GPOINTER_TO_UINT(g_hash_table_lookup(at, k->code));
        if (!j) {
            aidstat_heavy_row_t r = {k->donor, k->code, 0, 0, NAN};
            g_array_append_val(rows, r);
            j = rows->len;
            g_hash_table_insert(at, (gpointer)k->code, GUINT_TO_POINTER(j));
        }
        aidstat_heavy_row_t *r = &g_array_index(rows, aidstat_heavy_row_t, j - 1);
        double *stage = k->stage == AIDSTAT_COUNT_COMMITTED ? &r->committed : &r->delivered;
        *stage += k->count;
        *(k->stage == AIDSTAT_COUNT_COMMITTED ? &total.committed : &total.delivered) += k->count;
    }
    g_hash_table_destroy(at);
    if (!rows->len) {
        g_array_free(rows, TRUE);
        char *cats = categories(c);
        if (category && !has_category(c, category))
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "no weapon category \"%s\" in the counts (categories: %s)", category, cats);
        else
            aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "no weapon counts match the selection%s%s%s",
                          category ? " (category \"" : "", category ? category : "", category ? "\")" : "");
        g_free(cats);
        return NULL;
    }
    g_array_sort(rows, row_cmp);
    g_array_append_val(rows, total);
    for (guint i = 0; i < rows->len; i++) {
        aidstat_heavy_row_t *r = &g_array_index(rows, aidstat_heavy_row_t, i);
        r->share = r->committed > 0 ? r->delivered / r->committed : NAN;
    }
    aidstat_heavy_t *h = g_new0(aidstat_heavy_t, 1);
    h->rows = rows;
    return h;
}

void aidstat_heavy_free(aidstat_heavy_t *h)
{
    if (!h)
        return;
    g_array_free(h->rows, TRUE);
    g_free(h);
}

size_t aidstat_heavy_rows(const aidstat_heavy_t *h)
{
    return h->rows->len;
}

const aidstat_heavy_row_t *aidstat_heavy_row(const aidstat_heavy_t *h, size_t i)
{
    return i < h->rows->len ? &g_array_index(h->rows, aidstat_heavy_row_t, i) : NULL;
}
