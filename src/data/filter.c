/* Record filters. Donor names are compared case-insensitively against
 * both the name and the code, so "--donor usa" and "--donor 'united states'"
 * select the same records. */
#include "config.h"
#include "aidstat.h"
#include "data/region.h"

#include <glib.h>
#include <string.h>

typedef struct {
    const aidstat_regions_t *regions;
    size_t index;
} region_ref_t;

struct aidstat_filter {
    GPtrArray *donors;  /* case-folded names or codes */
    GPtrArray *donors_as_given;
    GArray *regions;    /* region_ref_t */
    GPtrArray *recipients; /* case-folded */
    GPtrArray *recipients_as_given;
    unsigned types;     /* bit mask; 0 = all */
    unsigned measures;  /* bit mask; 0 = all */
    int from, to;       /* year*100+month keys; 0 = open */
    int from_y, from_m, to_y, to_m;
    char *description;
};

aidstat_filter_t *aidstat_filter_new(void)
{
    aidstat_filter_t *f = g_new0(aidstat_filter_t, 1);
    f->donors = g_ptr_array_new_with_free_func(g_free);
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
    g_ptr_array_free(f->donors, TRUE);
    g_ptr_array_free(f->donors_as_given, TRUE);
    g_array_free(f->regions, TRUE);
    g_ptr_array_free(f->recipients, TRUE);
    g_ptr_array_free(f->recipients_as_given, TRUE);
    g_free(f->description);
    g_free(f);
}

void aidstat_filter_add_donor(aidstat_filter_t *f, const char *s)
{
    g_ptr_array_add(f->donors, g_utf8_validate(s, -1, NULL) ? g_utf8_casefold(s, -1) : g_strdup(s));
    g_ptr_array_add(f->donors_as_given, g_strdup(s));
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

void aidstat_filter_get_period(const aidstat_filter_t *f, int *from_year, int *from_month,
                               int *to_year, int *to_month)
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

static bool donor_match(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    char *name = g_utf8_casefold(rec->donor, -1);
    bool hit = false;
    for (size_t i = 0; i < f->donors->len && !hit; i++) {
        const char *want = g_ptr_array_index(f->donors, i);
        hit = strcmp(want, name) == 0 || (rec->iso3[0] && g_ascii_strcasecmp(want, rec->iso3) == 0);
    }
    g_free(name);
    return hit;
}

/* Every test but the groups'. */
static bool match_but_groups(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    if (!f)
        return true;
    if (f->types && !(f->types & (1u << rec->type)))
        return false;
    if (f->measures && !(f->measures & (1u << rec->measure)))
        return false;
    if (f->from || f->to) {
        /* A record must lie wholly inside the range: a year-only record
         * covers January to December. Records without a period never match. */
        if (rec->year <= 0)
            return false;
        int lo = rec->year * 100 + (rec->month ? rec->month : 1);
        int hi = rec->year * 100 + (rec->month ? rec->month : 12);
        if (f->from && lo < f->from)
            return false;
        if (f->to && hi > f->to)
            return false;
    }
    if (f->donors->len && !donor_match(f, rec))
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
    return true;
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

bool aidstat_filter_match(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    if (!f)
        return true;
    return match_but_groups(f, rec) && (!f->regions->len || in_groups(f, rec));
}

bool aid_filter_names_groups(const aidstat_filter_t *f)
{
    return f && f->regions->len;
}

bool aid_filter_outside_groups(const aidstat_filter_t *f, const aidstat_record_t *rec)
{
    return f && f->regions->len && match_but_groups(f, rec) && !in_groups(f, rec);
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
