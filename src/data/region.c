/* Donor groups. Membership is by code when the donor has one the group
 * knows, else by name, so files without ISO codes still group. */
#include "config.h"
#include "data/intl.h"
#include "data/country.h"
#include "data/region.h"

#include <glib.h>
#include <string.h>

/* The names of the embedded groups (datasets/regions.csv), for xgettext:
 * a table's names reach people through the catalogue with the context
 * "region" (aid_label_people); tests/i18n.sh keeps this list true. */
static const char *const embedded_names[] G_GNUC_UNUSED = {
    NC_("region", "Europe"),
    NC_("region", "EU member states (EU27)"),
    NC_("region", "EU institutions"),
    NC_("region", "EU members and institutions"),
    NC_("region", "United States"),
    NC_("region", "Non-European donors"),
    NC_("region", "Other donors (not Europe, not US)"),
    NC_("region", "NATO members"),
    NC_("region", "G7"),
    NC_("region", "Nordic-Baltic Eight"),
    NC_("region", "Anglosaxon countries"),
    NC_("region", "Other donor countries"),
};

typedef struct {
    char *id;
    char *name;
    GHashTable *codes; /* upper-case code -> 1 */
    GHashTable *names; /* case-folded name -> 1 */
    size_t members;
} group_t;

struct aidstat_regions {
    GPtrArray *groups; /* group_t* */
};

static void group_free(gpointer p)
{
    group_t *g = p;
    g_free(g->id);
    g_free(g->name);
    g_hash_table_destroy(g->codes);
    g_hash_table_destroy(g->names);
    g_free(g);
}

aidstat_regions_t *aid_regions_new(void)
{
    aidstat_regions_t *r = g_new0(aidstat_regions_t, 1);
    r->groups = g_ptr_array_new_with_free_func(group_free);
    return r;
}

void aidstat_regions_free(aidstat_regions_t *r)
{
    if (!r)
        return;
    g_ptr_array_free(r->groups, TRUE);
    g_free(r);
}

size_t aidstat_regions_count(const aidstat_regions_t *r)
{
    return r ? r->groups->len : 0;
}

static group_t *group(const aidstat_regions_t *r, size_t i)
{
    return g_ptr_array_index(r->groups, i);
}

const char *aidstat_regions_id(const aidstat_regions_t *r, size_t i)
{
    return group(r, i)->id;
}

const char *aidstat_regions_name(const aidstat_regions_t *r, size_t i)
{
    return group(r, i)->name;
}

size_t aidstat_regions_member_count(const aidstat_regions_t *r, size_t i)
{
    return group(r, i)->members;
}

long aidstat_regions_find(const aidstat_regions_t *r, const char *s)
{
    /* g_utf8_collate needs valid UTF-8 (a command-line argument may not be) */
    bool utf8 = g_utf8_validate(s, -1, NULL);
    for (size_t i = 0; r && i < r->groups->len; i++) {
        group_t *g = group(r, i);
        if (g_ascii_strcasecmp(g->id, s) == 0 ||
            (utf8 && g_utf8_validate(g->name, -1, NULL) && g_utf8_collate(g->name, s) == 0) ||
            g_ascii_strcasecmp(g->name, s) == 0)
            return (long)i;
    }
    return -1;
}

void aid_regions_add(aidstat_regions_t *r, const char *id, const char *name, const char *code,
                     const char *country)
{
    long i = -1;
    for (size_t k = 0; k < r->groups->len; k++)
        if (strcmp(group(r, k)->id, id) == 0)
            i = (long)k;
    group_t *g;
    if (i < 0) {
        g = g_new0(group_t, 1);
        g->id = g_strdup(id);
        g->name = g_strdup(name && *name ? name : id);
        g->codes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_ptr_array_add(r->groups, g);
    } else {
        g = group(r, (size_t)i);
    }
    g->members++;
    /* a member named without a code is found by code too: donors are
     * read through the country table, whatever their spelling */
    const aid_country_t *c = !(code && *code) && country ? aid_country_by_name(country) : NULL;
    if (c)
        code = c->code;
    if (code && *code)
        g_hash_table_add(g->codes, g_ascii_strup(code, -1));
    if (country && *country)
        g_hash_table_add(g->names, g_utf8_casefold(country, -1));
}

bool aidstat_regions_contains(const aidstat_regions_t *r, size_t i, const char *iso3, const char *donor)
{
    group_t *g = group(r, i);
    if (iso3 && *iso3) {
        char up[16];
        size_t n = strlen(iso3);
        if (n < sizeof up) {
            for (size_t k = 0; k <= n; k++)
                up[k] = g_ascii_toupper(iso3[k]);
            if (g_hash_table_contains(g->codes, up))
                return true;
        }
    }
    if (donor && *donor && g_hash_table_size(g->names) > 0) {
        char *f = g_utf8_casefold(donor, -1);
        bool hit = g_hash_table_contains(g->names, f);
        g_free(f);
        return hit;
    }
    return false;
}
