/* The donors of a grouped result: outside every group, or in several. */
#include "config.h"
#include "stats/groups.h"
#include "data/intl.h"
#include "data/region.h"
#include "data/wording.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NM AIDSTAT_MEASURE_COUNT

typedef struct {
    const char *name; /* the hash table's key */
    char *code;       /* the country table's code, or "" */
    size_t ngroups;   /* of the groups asked for; 0 for a donor left out */
    bool in;          /* its records matched the filter (count in the total) */
    double sum[NM];
    uint64_t n[NM];
} donor_t;

static void donor_free(gpointer p)
{
    donor_t *d = p;
    g_free(d->code);
    g_free(d);
}

void aid_groups_init(aid_groups_t *g, const aidstat_regions_t *regions, const aidstat_filter_t *filter)
{
    g->regions = regions;
    g->filter = filter;
    g->donors = regions ? g_hash_table_new_full(g_str_hash, g_str_equal, g_free, donor_free) : NULL;
}

void aid_groups_clear(aid_groups_t *g)
{
    if (g->donors)
        g_hash_table_destroy(g->donors);
    g->donors = NULL;
}

static size_t groups_of(const aid_groups_t *g, const aidstat_record_t *rec)
{
    size_t n = 0;
    for (size_t i = 0; i < aidstat_regions_count(g->regions); i++)
        if (aidstat_filter_has_region(g->filter, g->regions, i) &&
            aidstat_regions_contains(g->regions, i, rec->iso3, rec->donor))
            n++;
    return n;
}

void aid_groups_add(aid_groups_t *g, const aidstat_record_t *rec, bool in)
{
    if (!g->donors || (unsigned)rec->measure >= NM)
        return;
    donor_t *d = g_hash_table_lookup(g->donors, rec->donor);
    if (!d) {
        d = g_new0(donor_t, 1);
        char *key = g_strdup(rec->donor);
        d->name = key;
        d->code = g_strdup(rec->iso3 ? rec->iso3 : "");
        d->ngroups = in ? groups_of(g, rec) : 0;
        d->in = in;
        g_hash_table_insert(g->donors, key, d);
    }
    d->sum[rec->measure] += rec->value;
    d->n[rec->measure]++;
}

static bool has(const donor_t *d, int m)
{
    if (m >= 0)
        return d->n[m] > 0;
    for (int k = 0; k < NM; k++)
        if (d->n[k])
            return true;
    return false;
}

static double amount(const donor_t *d, int m)
{
    return m >= 0 ? d->sum[m] : NAN;
}

static gint by_amount(gconstpointer pa, gconstpointer pb, gpointer user)
{
    const donor_t *a = *(donor_t *const *)pa, *b = *(donor_t *const *)pb;
    int m = *(const int *)user;
    double x = m >= 0 ? fabs(a->sum[m]) : 0, y = m >= 0 ? fabs(b->sum[m]) : 0;
    if (x != y)
        return x > y ? -1 : 1;
    return g_utf8_collate(a->name, b->name);
}

/* The donors matching keep(), largest first. */
static GPtrArray *donors(const aid_groups_t *g, int m, bool shared)
{
    GPtrArray *out = g_ptr_array_new();
    if (!g->donors)
        return out;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, g->donors);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const donor_t *d = v;
        if (has(d, m) && (shared ? d->ngroups >= 2 : d->ngroups == 0))
            g_ptr_array_add(out, v);
    }
    g_ptr_array_sort_with_data(out, by_amount, &m);
    return out;
}

size_t aid_groups_shared(const aid_groups_t *g, int measure, GString *names)
{
    GPtrArray *s = donors(g, measure, true);
    size_t n = s->len;
    for (guint i = 0; names && i < s->len && i < 3; i++) {
        const donor_t *d = g_ptr_array_index(s, i);
        char *name = aid_wording_donor(d->name, d->code);
        g_string_append_printf(names, "%s%s", i ? ", " : "", name);
        g_free(name);
    }
    if (names && n > 3) {
        char *t = g_strdup_printf(LP_("%s and %zu more", "%s and %zu more", n - 3), names->str, n - 3);
        g_string_assign(names, t);
        g_free(t);
    }
    g_ptr_array_free(s, TRUE);
    return n;
}

bool aid_groups_partition(const aid_groups_t *g, int measure)
{
    if (!g->donors)
        return false;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, g->donors);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const donor_t *d = v;
        if (d->in && has(d, measure) && d->ngroups != 1)
            return false;
    }
    return true;
}

char *aid_groups_outside_note(const aid_groups_t *g, int measure, const char *currency, size_t *n)
{
    GPtrArray *out = donors(g, measure, false);
    if (n)
        *n = out->len;
    if (!out->len) {
        g_ptr_array_free(out, TRUE);
        return NULL;
    }
    enum { SHOWN = 5 };
    aid_note_donor_t shown[SHOWN];
    size_t nshown = MIN(out->len, (guint)SHOWN);
    double total = 0;
    for (guint i = 0; measure >= 0 && i < out->len; i++)
        total += amount(g_ptr_array_index(out, i), measure);
    for (size_t i = 0; i < nshown; i++) {
        const donor_t *d = g_ptr_array_index(out, i);
        shown[i] = (aid_note_donor_t){d->name, d->code, measure >= 0 ? amount(d, measure) : 0};
    }
    char *note = aid_wording_outside_groups(out->len, aid_filter_names_groups(g->filter), shown, nshown,
                                            measure >= 0, total, currency);
    g_ptr_array_free(out, TRUE);
    return note;
}
