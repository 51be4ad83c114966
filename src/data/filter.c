/* Record filters. A donor given by code or by any name of the country
 * table selects that country's records whatever their spelling, so
 * "usa", "United States of America" and "Vereinigte Staaten" select the
 * same records; a name the table does not know is compared with the
 * records' donor names (case and accents folded). */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/fold.h"
#include "data/filter.h"
#include "data/region.h"

#include <glib.h>
#include <string.h>

typedef struct {
    const aidstat_regions_t *regions;
    size_t index;
} region_ref_t;

typedef struct {
    const aid_country_t *country; /* NULL: not in the country table */
    char *key;                    /* aid_fold_key of the name */
    uint64_t hits;                /* records seen from this donor */
    bool last;                    /* matched the last record's donor */
} want_t;

struct aidstat_filter {
    GArray *donors; /* want_t */
    GPtrArray *donors_as_given;
    char *last_donor, *last_iso3; /* the donor the "last" flags are for */
    GArray *regions;              /* region_ref_t */
    GPtrArray *recipients;        /* case-folded */
    GPtrArray *recipients_as_given;
    unsigned types;    /* bit mask; 0 = all */
    unsigned measures; /* bit mask; 0 = all */
    int from, to;      /* year*100+month keys; 0 = open */
    int from_y, from_m, to_y, to_m;
    char *description;
};

aidstat_filter_t *aidstat_filter_new(void)
{
    aidstat_filter_t *f = g_new0(aidstat_filter_t, 1);
    f->donors = g_array_new(FALSE, TRUE, sizeof(want_t));
    f->donors_as_given = g_ptr_array_new_with_free_func(g_free);
    f->regions = g_array_new(FALSE, FALSE, sizeof(region_ref_t));
    f->recipients = g_ptr_array_new_with_free_func(g_free);
    f->recipients_as_given = g_ptr_array_new_with_free_func(g_free);
    return f;
}

void aidstat_filter_free(aidstat_filter_t *f)
{
    if (!f)
        return;
    for (guint i = 0; i < f->donors->len; i++)
        g_free(g_array_index(f->donors, want_t, i).key);
    g_array_free(f->donors, TRUE);
    g_ptr_array_free(f->donors_as_given, TRUE);
    g_free(f->last_donor);
    g_free(f->last_iso3);
    g_array_free(f->regions, TRUE);
    g_ptr_array_free(f->recipients, TRUE);
    g_ptr_array_free(f->recipients_as_given, TRUE);
    g_free(f->description);
    g_free(f);
}

void aidstat_filter_add_donor(aidstat_filter_t *f, const char *s)
{
    want_t w = {0};
    w.country = aid_country_find(s);
    w.key = aid_fold_key(s);
    if (!w.key)
        w.key = g_strdup(s);
    g_array_append_val(f->donors, w);
    g_ptr_array_add(f->donors_as_given, g_strdup(s));
    g_free(f->last_donor); /* the cached answer lacks the new donor */
    f->last_donor = NULL;
}

size_t aidstat_filter_donor_count(const aidstat_filter_t *f)
{
    return f ? f->donors->len : 0;
}

const char *aidstat_filter_donor(const aidstat_filter_t *f, size_t i)
{
    return g_ptr_array_index(f->donors_as_given, i);
}

uint64_t aidstat_filter_donor_hits(const aidstat_filter_t *f, size_t i)
{
    return g_array_index(f->donors, want_t, i).hits;
}

bool aidstat_filter_donor_known(const aidstat_filter_t *f, size_t i)
{
    return g_array_index(f->donors, want_t, i).country != NULL;
}

void aidstat_filter_add_recipient(aidstat_filter_t *f, const char *s)
{
    g_ptr_array_add(f->recipients, g_utf8_casefold(s, -1));
    g_ptr_array_add(f->recipients_as_given, g_strdup(s));
}

void aidstat_filter_add_region(aidstat_filter_t *f, const aidstat_regions_t *regions, size_t i)
{
    region_ref_t ref = {regions, i};
    g_array_append_val(f->regions, ref);
}

void aidstat_filter_add_type(aidstat_filter_t *f, aidstat_type_t t)
{
    f->types |= 1u << t;
}

void aidstat_filter_add_measure(aidstat_filter_t *f, aidstat_measure_t m)
{
    f->measures |= 1u << m;
}

void aidstat_filter_set_from(aidstat_filter_t *f, int year, int month)
{
    f->from_y = year;
    f->from_m = month;
    f->from = year * 100 + (month ? month : 1);
}

void aidstat_filter_set_to(aidstat_filter_t *f, int year, int month)
{
    f->to_y = year;
    f->to_m = month;
    f->to = year * 100 + (month ? month : 12);
}

bool aidstat_filter_has_type(const aidstat_filter_t *f, aidstat_type_t t)
{
    return !f || !f->types || (f->types & (1u << t));
}

bool aidstat_filter_types_set(const aidstat_filter_t *f)
{
    return f && f->types;
}

bool aidstat_filter_has_measure(const aidstat_filter_t *f, aidstat_measure_t m)
{
    return !f || !f->measures || (f->measures & (1u << m));
}

bool aidstat_filter_measures_set(const aidstat_filter_t *f)
{
    return f && f->measures;
}

void aidstat_filter_get_period(const aidstat_filter_t *f, int *from_year, int *from_month, int *to_year,
                               int *to_month)
{
    *from_year = f && f->from ? f->from_y : 0;
    *from_month = f && f->from ? f->from_m : 0;
    *to_year = f && f->to ? f->to_y : 0;
    *to_month = f && f->to ? f->to_m : 0;
}

bool aidstat_filter_donors_set(const aidstat_filter_t *f)
{
    return f && (f->donors->len || f->regions->len);
}

bool aidstat_filter_has_region(const aidstat_filter_t *f, const aidstat_regions_t *regions, size_t i)
{
    if (!f || !f->regions->len)
        return true;
    for (size_t k = 0; k < f->regions->len; k++) {
        region_ref_t *r = &g_array_index(f->regions, region_ref_t, k);
        if (r->regions == regions && r->index == i)
            return true;
    }
    return false;
}

/* Which of the wanted donors the record's donor is. Records of one donor
 * come in runs, so the answer for the last donor is kept. */
static bool donor_match(aidstat_filter_t *f, const aidstat_record_t *rec)
{
    const char *iso3 = rec->iso3 ? rec->iso3 : "";
    if (!f->last_donor || strcmp(f->last_donor, rec->donor) != 0 || strcmp(f->last_iso3, iso3) != 0) {
        const aid_country_t *c = iso3[0] ? aid_country_by_code(iso3) : NULL;
        char *key = NULL;
        for (guint i = 0; i < f->donors->len; i++) {
            want_t *w = &g_array_index(f->donors, want_t, i);
            if (w->country && !c && !key)
                c = aid_country_by_name(rec->donor);
            if (w->country) {
                w->last = w->country == c;
                continue;
            }
            if (!key && !(key = aid_fold_key(rec->donor)))
                key = g_strdup(rec->donor);
            w->last = strcmp(w->key, key) == 0 || (iso3[0] && g_ascii_strcasecmp(w->key, iso3) == 0);
        }
        g_free(key);
        g_free(f->last_donor);
        g_free(f->last_iso3);
        f->last_donor = g_strdup(rec->donor);
        f->last_iso3 = g_strdup(iso3);
    }
    bool hit = false;
    for (guint i = 0; i < f->donors->len; i++) {
        want_t *w = &g_array_index(f->donors, want_t, i);
        if (w->last) {
            w->hits++;
            hit = true;
        }
    }
    return hit;
}

/* The rule for periods: a record must lie wholly inside the range (a
 * year-only record covers January to December); records without a period
 * never match. */
static bool period_inside(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    if (rec->year <= 0)
        return false;
    int lo = rec->year * 100 + (rec->month ? rec->month : 1);
    int hi = rec->year * 100 + (rec->month ? rec->month : 12);
    return !(f->from && lo < f->from) && !(f->to && hi > f->to);
}

static bool in_groups(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    for (size_t i = 0; i < f->regions->len; i++) {
        region_ref_t *r = &g_array_index(f->regions, region_ref_t, i);
        if (aidstat_regions_contains(r->regions, r->index, rec->iso3, rec->donor))
            return true;
    }
    return false;
}

/* Every test but the period's (unless PERIOD) and the groups' (unless GROUPS). */
static bool match(const aidstat_filter_t *f, const aidstat_record_t *rec, bool period, bool groups)
{
    /* the donor first: its count of records tells a name that matches
     * nothing from one whose records other criteria leave out */
    if (f->donors->len && !donor_match((aidstat_filter_t *)f, rec))
        return false;
    if (f->types && !(f->types & (1u << rec->type)))
        return false;
    if (f->measures && !(f->measures & (1u << rec->measure)))
        return false;
    if (period && (f->from || f->to) && !period_inside(f, rec))
        return false;
    if (f->recipients->len) {
        char *name = g_utf8_casefold(rec->recipient, -1);
        bool hit = false;
        for (size_t i = 0; i < f->recipients->len && !hit; i++)
            hit = strcmp(g_ptr_array_index(f->recipients, i), name) == 0;
        g_free(name);
        if (!hit)
            return false;
    }
    if (groups && f->regions->len && !in_groups(f, rec))
        return false;
    return true;
}

bool aid_filter_straddles(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    if (!f || !(f->from || f->to) || rec->year <= 0 || period_inside(f, rec))
        return false;
    int lo = rec->year * 100 + (rec->month ? rec->month : 1);
    int hi = rec->year * 100 + (rec->month ? rec->month : 12);
    if ((f->from && hi < f->from) || (f->to && lo > f->to))
        return false;                  /* wholly outside */
    return match(f, rec, false, true); /* partly inside: does the rest let it through? */
}

bool aidstat_filter_match(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    return !f || match(f, rec, true, true);
}

bool aid_filter_names_groups(const aidstat_filter_t *f)
{
    return f && f->regions->len;
}

bool aid_filter_outside_groups(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    return f && f->regions->len && match(f, rec, true, false) && !in_groups(f, rec);
}

const char *aidstat_filter_describe(const aidstat_filter_t *f)
{
    if (!f)
        return "";
    GString *s = g_string_new(NULL);
    if (f->donors->len) {
        g_string_append(s, "donor=");
        for (size_t i = 0; i < f->donors->len; i++) {
            const char *d = g_ptr_array_index(f->donors_as_given, i);
            bool q = strchr(d, ',') != NULL; /* keep "Korea, Republic of" one name */
            g_string_append_printf(s, "%s%s%s%s", i ? "," : "", q ? "\"" : "", d, q ? "\"" : "");
        }
    }
    if (f->regions->len) {
        g_string_append_printf(s, "%sregion=", s->len ? ", " : "");
        for (size_t i = 0; i < f->regions->len; i++) {
            region_ref_t *r = &g_array_index(f->regions, region_ref_t, i);
            g_string_append_printf(s, "%s%s", i ? "," : "", aidstat_regions_id(r->regions, r->index));
        }
    }
    if (f->recipients->len) {
        g_string_append_printf(s, "%srecipient=", s->len ? ", " : "");
        for (size_t i = 0; i < f->recipients->len; i++) {
            const char *d = g_ptr_array_index(f->recipients_as_given, i);
            bool q = strchr(d, ',') != NULL;
            g_string_append_printf(s, "%s%s%s%s", i ? "," : "", q ? "\"" : "", d, q ? "\"" : "");
        }
    }
    if (f->types) {
        g_string_append_printf(s, "%stype=", s->len ? ", " : "");
        bool first = true;
        for (int t = 0; t < AIDSTAT_TYPE_COUNT; t++)
            if (f->types & (1u << t)) {
                g_string_append_printf(s, "%s%s", first ? "" : ",", aidstat_type_name(t));
                first = false;
            }
    }
    if (f->measures) {
        g_string_append_printf(s, "%smeasure=", s->len ? ", " : "");
        bool first = true;
        for (int m = 0; m < AIDSTAT_MEASURE_COUNT; m++)
            if (f->measures & (1u << m)) {
                g_string_append_printf(s, "%s%s", first ? "" : ",", aidstat_measure_name(m));
                first = false;
            }
    }
    if (f->from) {
        g_string_append_printf(s, "%sfrom=%04d", s->len ? ", " : "", f->from_y);
        if (f->from_m)
            g_string_append_printf(s, "-%02d", f->from_m);
    }
    if (f->to) {
        g_string_append_printf(s, "%sto=%04d", s->len ? ", " : "", f->to_y);
        if (f->to_m)
            g_string_append_printf(s, "-%02d", f->to_m);
    }
    g_free(f->description);
    ((aidstat_filter_t *)f)->description = g_string_free(s, FALSE);
    return f->description;
}
