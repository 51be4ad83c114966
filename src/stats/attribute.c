/* EU attribution, the Kiel tracker's method: aid given through the EU
 * institutions is attributed to the member states by their share of the
 * EU budget. A key (data/eukey.c, read by load/eukey.c) gives the shares;
 * an attribution sits in front of any record consumer (a comparison, a
 * series), passes every other record on unchanged and replaces each
 * EU-body record by one record per member with the member's share of its
 * value. The grand total is unchanged. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* ---------------------------------------------------------- attribution */

typedef struct {
    aidstat_record_t rec; /* strings owned below */
    char *donor, *iso3, *recipient, *currency, *source, *release, *file;
} held_t;

/* What the data says of a member: its spelling and GDP. */
typedef struct {
    char *donor;
    double gdp;
    int gdp_year;
} seen_t;

struct aidstat_attribution {
    const aidstat_eukey_t *key;
    const aidstat_regions_t *regions;
    aidstat_record_fn fn;
    void *user;
    GArray *held;      /* held_t: the EU bodies' records, attributed at the end */
    GHashTable *seen;  /* code -> seen_t* */
    GHashTable *eu27;  /* codes of EU members with records in the data */
    double eu_alloc;   /* the EU bodies' allocations, all types and periods */
    uint64_t eu_records;
    char *describe;
};

static void held_clear(gpointer p)
{
    held_t *h = p;
    g_free(h->donor);
    g_free(h->iso3);
    g_free(h->recipient);
    g_free(h->currency);
    g_free(h->source);
    g_free(h->release);
    g_free(h->file);
}

static void seen_free(gpointer p)
{
    seen_t *s = p;
    g_free(s->donor);
    g_free(s);
}

aidstat_attribution_t *aidstat_attribution_new(const aidstat_eukey_t *key, const aidstat_regions_t *regions,
                                               aidstat_record_fn fn, void *user)
{
    aidstat_attribution_t *a = g_new0(aidstat_attribution_t, 1);
    a->key = key;
    a->regions = regions;
    a->fn = fn;
    a->user = user;
    a->held = g_array_new(FALSE, TRUE, sizeof(held_t));
    g_array_set_clear_func(a->held, held_clear);
    a->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, seen_free);
    a->eu27 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return a;
}

void aidstat_attribution_free(aidstat_attribution_t *a)
{
    if (!a)
        return;
    g_array_free(a->held, TRUE);
    g_hash_table_destroy(a->seen);
    g_hash_table_destroy(a->eu27);
    g_free(a->describe);
    g_free(a);
}

/* The EU institutions as the Kiel data names them: code "EU". */
static bool is_eu_body(const aidstat_record_t *rec)
{
    return !g_ascii_strcasecmp(rec->iso3, "EU") || !g_ascii_strcasecmp(rec->iso3, "EUU");
}

int aidstat_attribution_add(const aidstat_record_t *rec, void *attr)
{
    aidstat_attribution_t *a = attr;
    if (is_eu_body(rec)) {
        held_t h = {*rec, g_strdup(rec->donor), g_strdup(rec->iso3), g_strdup(rec->recipient),
                    g_strdup(rec->currency), g_strdup(rec->source), g_strdup(rec->release), g_strdup(rec->file)};
        g_array_append_val(a->held, h);
        if (rec->measure == AIDSTAT_MEASURE_ALLOCATION)
            a->eu_alloc += rec->value;
        a->eu_records++;
        return 0;
    }
    if (rec->iso3[0]) {
        char *code = g_ascii_strup(rec->iso3, -1);
        seen_t *s = g_hash_table_lookup(a->seen, code);
        if (!s) {
            s = g_new0(seen_t, 1);
            s->donor = g_strdup(rec->donor);
            g_hash_table_insert(a->seen, g_strdup(code), s);
        }
        if (!s->gdp && rec->gdp > 0) {
            s->gdp = rec->gdp;
            s->gdp_year = rec->gdp_year;
        }
        long eu = a->regions ? aidstat_regions_find(a->regions, "eu27") : -1;
        if (eu >= 0 && aidstat_regions_contains(a->regions, (size_t)eu, code, rec->donor))
            g_hash_table_add(a->eu27, g_strdup(code));
        g_free(code);
    }
    return a->fn(rec, a->user);
}

static bool key_has(const aidstat_eukey_t *k, const char *code)
{
    for (size_t i = 0; i < aidstat_eukey_count(k); i++) {
        const char *c;
        aidstat_eukey_member(k, i, &c, NULL);
        if (!strcmp(c, code))
            return true;
    }
    return false;
}

static gint name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The key belongs to the data: it sums to the EU bodies' allocations
 * (within the rounding of its figures and of the data's), and it names
 * every EU member with aid in the data. */
static aidstat_status_t check_fit(aidstat_attribution_t *a, aidstat_error_t *err)
{
    GString *missing = g_string_new(NULL);
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, a->eu27);
    GPtrArray *names = g_ptr_array_new();
    while (g_hash_table_iter_next(&it, &code, NULL))
        if (!key_has(a->key, code))
            g_ptr_array_add(names, ((seen_t *)g_hash_table_lookup(a->seen, code))->donor);
    g_ptr_array_sort(names, name_cmp);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(missing, "%s%s", i ? ", " : "", (const char *)g_ptr_array_index(names, i));
    g_ptr_array_free(names, TRUE);
    if (missing->len) {
        aidstat_status_t st = aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                            "EU members with aid in the data are missing from the EU attribution key "
                                            "(%s): %s",
                                            aidstat_eukey_describe(a->key), missing->str);
        g_string_free(missing, TRUE);
        return st;
    }
    g_string_free(missing, TRUE);
    /* each figure rounded to a thousand euros (1e-6 EUR bn): half of that per figure */
    double tol = 500.0 * (double)(aidstat_eukey_count(a->key) + a->eu_records) + 1e-9 * fabs(a->eu_alloc);
    if (a->eu_records && fabs(aidstat_eukey_total(a->key) - a->eu_alloc) > tol)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                             "the EU attribution key (%s) shares out %.6f bn, but the EU institutions' "
                             "allocations in the data are %.6f bn: the key belongs to other data",
                             aidstat_eukey_describe(a->key), aidstat_eukey_total(a->key) / 1e9, a->eu_alloc / 1e9);
    return AIDSTAT_OK;
}

aidstat_status_t aidstat_attribution_finish(aidstat_attribution_t *a, aidstat_error_t *err)
{
    aidstat_status_t st = check_fit(a, err);
    if (st != AIDSTAT_OK)
        return st;
    for (guint i = 0; i < a->held->len; i++) {
        const held_t *h = &g_array_index(a->held, held_t, i);
        for (size_t k = 0; k < aidstat_eukey_count(a->key); k++) {
            const char *code;
            double share;
            const char *name = aidstat_eukey_member(a->key, k, &code, &share);
            const seen_t *s = g_hash_table_lookup(a->seen, code);
            aidstat_record_t r = h->rec;
            r.donor = s ? s->donor : name;
            r.iso3 = code;
            r.recipient = h->recipient;
            r.currency = h->currency;
            r.source = h->source;
            r.release = h->release;
            r.file = h->file;
            r.value = h->rec.value * share;
            r.gdp = s ? s->gdp : 0;
            r.gdp_year = s ? s->gdp_year : 0;
            if (a->fn(&r, a->user))
                return aid_error_set(err, AIDSTAT_ERR_ABORTED, NULL, 0, 0, "stopped by the record callback");
        }
    }
    g_free(a->describe);
    a->describe = g_strdup_printf(
        "including attributed EU aid: the EU institutions' aid (%" G_GUINT64_FORMAT " records) is attributed to "
        "the %zu members by the key's shares (%s); the same shares are applied to every type, measure and month",
        a->eu_records, aidstat_eukey_count(a->key), aidstat_eukey_describe(a->key));
    return AIDSTAT_OK;
}

const char *aidstat_attribution_describe(const aidstat_attribution_t *a)
{
    return a->describe ? a->describe : "";
}
