/* EU attribution, the Kiel tracker's method: aid given through the EU
 * institutions is attributed to the member states by their share of the
 * EU budget (and, in the release-7 workbook, the European Peace Facility's
 * and the European Investment Bank's aid by their own keys). A key
 * (data/eukey.c, read by load/eukey.c) gives the shares, one part per EU
 * body; an attribution sits in front of any record consumer (a
 * comparison, a series), passes every other record on unchanged and
 * replaces each record of a keyed EU body by one record per member of
 * that body's part with the member's share of its value. The grand total
 * is unchanged. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/numfmt.h"

#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

/* ---------------------------------------------------------- attribution */

typedef struct {
    aidstat_record_t rec; /* strings owned below */
    char *donor, *iso3, *recipient, *currency, *source, *release, *file;
    size_t body; /* the key's part */
} held_t;

/* What the data holds of one EU body the key has a part for. */
typedef struct {
    char *name; /* as the data spells it; NULL before its first record */
    double sum; /* its figures of the key's measure, all types and periods */
    uint64_t records;
} body_seen_t;

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
    GArray *held;        /* held_t: the EU bodies' records, attributed at the end */
    GHashTable *seen;    /* code -> seen_t* */
    GHashTable *eu27;    /* codes of EU members with records in the data */
    body_seen_t *bodies; /* one per part of the key */
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
    a->bodies = g_new0(body_seen_t, aidstat_eukey_body_count(key));
    return a;
}

void aidstat_attribution_free(aidstat_attribution_t *a)
{
    if (!a)
        return;
    g_array_free(a->held, TRUE);
    g_hash_table_destroy(a->seen);
    g_hash_table_destroy(a->eu27);
    for (size_t b = 0; b < aidstat_eukey_body_count(a->key); b++)
        g_free(a->bodies[b].name);
    g_free(a->bodies);
    g_free(a->describe);
    g_free(a);
}

/* The key's part for the record's donor, if it is a keyed EU body (the
 * Kiel data's codes: "EU" for the institutions, also spelt "EUU"; "EPF",
 * "EIB"); -1 otherwise. */
static long body_of(const aidstat_attribution_t *a, const aidstat_record_t *rec)
{
    const char *code = !g_ascii_strcasecmp(rec->iso3, "EUU") ? "EU" : rec->iso3;
    for (size_t b = 0; b < aidstat_eukey_body_count(a->key); b++)
        if (!g_ascii_strcasecmp(aidstat_eukey_body(a->key, b, NULL), code))
            return (long)b;
    return -1;
}

int aidstat_attribution_add(const aidstat_record_t *rec, void *attr)
{
    aidstat_attribution_t *a = attr;
    long b = body_of(a, rec);
    if (b >= 0) {
        held_t h = {*rec,
                    g_strdup(rec->donor),
                    g_strdup(rec->iso3),
                    g_strdup(rec->recipient),
                    g_strdup(rec->currency),
                    g_strdup(rec->source),
                    g_strdup(rec->release),
                    g_strdup(rec->file),
                    (size_t)b};
        g_array_append_val(a->held, h);
        body_seen_t *s = &a->bodies[b];
        if (!s->name)
            s->name = g_strdup(rec->donor);
        if (rec->measure == aidstat_eukey_measure(a->key))
            s->sum += rec->value;
        s->records++;
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

static bool key_has(const aidstat_eukey_t *k, size_t body, const char *code)
{
    const char *bc = aidstat_eukey_body(k, body, NULL);
    for (size_t i = 0; i < aidstat_eukey_count(k); i++) {
        const char *c;
        aidstat_eukey_member(k, i, &c, NULL);
        if (!strcmp(c, code) && !strcmp(aidstat_eukey_member_body(k, i), bc))
            return true;
    }
    return false;
}

/* "the EU attribution key" for a one-part key, "the EU attribution key's
 * part for the European Peace Facility" for one of several. */
static char *part_name(const aidstat_attribution_t *a, size_t b)
{
    if (aidstat_eukey_body_count(a->key) == 1)
        return g_strdup_printf(_("the EU attribution key (%s)"), aidstat_eukey_describe(a->key));
    const char *name = a->bodies[b].name ? a->bodies[b].name : aidstat_eukey_body(a->key, b, NULL);
    return g_strdup_printf(_("the EU attribution key's part for %s (%s)"), name,
                           aidstat_eukey_describe(a->key));
}

static gint name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The key belongs to the data: each part sums to its body's figures of
 * the key's measure (within the rounding of its figures and of the
 * data's), and it names every EU member with aid in the data. */
static const char *plural(aidstat_measure_t m)
{
    switch (m) {
    /* words inside a message: in the messages' language */
    case AIDSTAT_MEASURE_COMMITMENT:
        return C_("message", "commitments");
    case AIDSTAT_MEASURE_DELIVERY:
        return C_("message", "deliveries");
    default:
        return C_("message", "allocations");
    }
}

static aidstat_status_t check_part(aidstat_attribution_t *a, size_t b, aidstat_error_t *err)
{
    GString *missing = g_string_new(NULL);
    GHashTableIter it;
    gpointer code;
    g_hash_table_iter_init(&it, a->eu27);
    GPtrArray *names = g_ptr_array_new();
    while (g_hash_table_iter_next(&it, &code, NULL))
        if (!key_has(a->key, b, code))
            g_ptr_array_add(names, ((seen_t *)g_hash_table_lookup(a->seen, code))->donor);
    g_ptr_array_sort(names, name_cmp);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(missing, "%s%s", i ? ", " : "", (const char *)g_ptr_array_index(names, i));
    g_ptr_array_free(names, TRUE);
    char *part = part_name(a, b);
    aidstat_status_t st = AIDSTAT_OK;
    const body_seen_t *s = &a->bodies[b];
    double total;
    aidstat_eukey_body(a->key, b, &total);
    /* each figure rounded to a thousand euros (1e-6 EUR bn): half of that per figure */
    double tol = 500.0 * (double)(aidstat_eukey_count(a->key) + s->records) + 1e-9 * fabs(s->sum);
    /* the two sums to a thousand euros, in the reader's number format */
    char key_bn[64], data_bn[64];
    aid_num(total / 1e9, 6, aid_locale_default(), key_bn, sizeof key_bn);
    aid_num(s->sum / 1e9, 6, aid_locale_default(), data_bn, sizeof data_bn);
    if (missing->len && s->records)
        st = aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                           "EU members with aid in the data are missing from %s: %s", part, missing->str);
    else if (s->records && fabs(total - s->sum) > tol && b == 0 && aidstat_eukey_body_count(a->key) == 1)
        st = aid_error_set(
            err, AIDSTAT_ERR_DATA, NULL, 0, 0,
            "%s shares out %s bn, but the EU institutions' %s in the data are %s bn: the key "
            "belongs to other data",
            part, key_bn, plural(aidstat_eukey_measure(a->key)), data_bn);
    else if (s->records && fabs(total - s->sum) > tol)
        /* TRANSLATORS: the key's part, its total, the EU body, its measure, the body's total */
        st = aid_error_set(
            err, AIDSTAT_ERR_DATA, NULL, 0, 0,
            "%s shares out %s bn, but %s %s in the data are %s bn: the key belongs to other data", part,
            key_bn, s->name, plural(aidstat_eukey_measure(a->key)), data_bn);
    g_free(part);
    g_string_free(missing, TRUE);
    return st;
}

static aidstat_status_t check_fit(aidstat_attribution_t *a, aidstat_error_t *err)
{
    aidstat_status_t st = AIDSTAT_OK;
    for (size_t b = 0; b < aidstat_eukey_body_count(a->key) && st == AIDSTAT_OK; b++)
        st = check_part(a, b, err);
    return st;
}

/* "including attributed EU aid: ..." naming each keyed body with records,
 * in the language of names for people (a result's caveat). */
static char *describe(const aidstat_attribution_t *a)
{
    size_t nb = aidstat_eukey_body_count(a->key);
    if (nb == 1)
        return g_strdup_printf(LP_("including attributed EU aid: the EU institutions' aid (%" PRIu64
                                   " record) is attributed to the %zu members by the key's shares (%s); the "
                                   "same shares are applied to every type, measure and month",
                                   "including attributed EU aid: the EU institutions' aid (%" PRIu64
                                   " records) is attributed to the %zu members by the key's shares (%s); the "
                                   "same shares are applied to every type, measure and month",
                                   a->eu_records),
                               a->eu_records, aidstat_eukey_count(a->key), aidstat_eukey_describe(a->key));
    size_t with = 0, members = 0;
    for (size_t b = 0; b < nb; b++)
        with += a->bodies[b].records > 0;
    for (size_t k = 0; k < aidstat_eukey_count(a->key); k++)
        members += !strcmp(aidstat_eukey_member_body(a->key, k), aidstat_eukey_body(a->key, 0, NULL));
    if (!with)
        return g_strdup_printf(
            L_("including attributed EU aid: the data has no aid of the EU bodies the key "
               "shares out (%s); the same shares are applied to every type, measure and month"),
            aidstat_eukey_describe(a->key));
    GString *list = g_string_new(NULL);
    size_t shown = 0;
    for (size_t b = 0; b < nb; b++) {
        const body_seen_t *bs = &a->bodies[b];
        if (!bs->records)
            continue;
        /* TRANSLATORS: an EU body and its number of records */
        char *who = aid_label_people(AIDSTAT_KEY_DONOR, bs->name, NULL);
        char *item = g_strdup_printf(LP_("%s (%" PRIu64 " record)", "%s (%" PRIu64 " records)", bs->records),
                                     who, bs->records);
        g_free(who);
        if (!shown)
            g_string_append(list, item);
        else if (shown + 1 < with)
            g_string_append_printf(list, ", %s", item);
        else {
            char *t = g_strdup_printf(L_("%s and %s"), list->str, item);
            g_string_assign(list, t);
            g_free(t);
        }
        g_free(item);
        shown++;
    }
    char *out =
        g_strdup_printf(L_("including attributed EU aid: the aid of %s is attributed to the %zu members, "
                           "each body's aid by its own key's shares (%s); the same shares are applied to "
                           "every type, measure and month"),
                        list->str, members, aidstat_eukey_describe(a->key));
    g_string_free(list, TRUE);
    return out;
}

aidstat_status_t aidstat_attribution_finish(aidstat_attribution_t *a, aidstat_error_t *err)
{
    aidstat_status_t st = check_fit(a, err);
    if (st != AIDSTAT_OK)
        return st;
    for (guint i = 0; i < a->held->len; i++) {
        const held_t *h = &g_array_index(a->held, held_t, i);
        const char *body = aidstat_eukey_body(a->key, h->body, NULL);
        for (size_t k = 0; k < aidstat_eukey_count(a->key); k++) {
            if (strcmp(aidstat_eukey_member_body(a->key, k), body))
                continue;
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
    a->describe = describe(a);
    return AIDSTAT_OK;
}

const char *aidstat_attribution_describe(const aidstat_attribution_t *a)
{
    return a->describe ? a->describe : "";
}
