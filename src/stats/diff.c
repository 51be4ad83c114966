/* What changed between two versions of a dataset: per donor x type x
 * measure the old and new value over the periods both versions cover,
 * with data for periods only one covers kept apart, donors added and
 * removed, and totals per group of donors.
 *
 * Records stream into cells keyed by donor, type, measure and period, so
 * the periods both files cover can be decided once both are read. Sums
 * use Neumaier's compensated summation. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/intern.h"
#include "data/period.h"
#include "stats/sum.h"

#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define NT AIDSTAT_TYPE_COUNT
#define NM AIDSTAT_MEASURE_COUNT

/* One donor x type x measure x period: each side's sum and record count. */
typedef struct {
    aid_sum_t v[2];
    uint64_t n[2];
} cell_t;

/* One donor x type x measure once the periods are sorted out. */
typedef struct {
    aid_sum_t common[2], only[2];
    uint64_t n[2];
} agg_t;

typedef struct {
    char *label[2]; /* spelling in each file */
    char *code;
} donor_t;

/* What one side (file) holds. */
typedef struct {
    char *file;
    uint64_t records[NM];
    unsigned types[NM];
    aid_intern_t sources;  /* rec->source, non-empty ones */
    aid_intern_t releases; /* "source, release" for people */
    aid_intern_t currencies[NM];
    uint64_t rows_read, rows_rejected;
    int first, last; /* months covered (period keys), over compared measures */
} side_t;

struct aidstat_diff {
    aidstat_diff_options_t opt;
    aid_intern_t donor_keys;
    GPtrArray *donors; /* donor_t* by id */
    GHashTable *cells; /* guint64 key -> cell_t* */
    side_t side[2];
    bool compared[NM];
    bool split[NM];
    int c0, c1; /* common months (period keys); 0 when none */
    char *currency, *source[2], *filter;
    GArray *rows, *groups; /* aidstat_diff_row_t */
    GPtrArray *added, *removed;
    GPtrArray *notes;
};

const char *aidstat_diff_status_name(aidstat_diff_status_t s)
{
    static const char *const names[] = {"same", "revised", "added", "removed"};
    return (unsigned)s < G_N_ELEMENTS(names) ? names[s] : "";
}

void aidstat_diff_options_init(aidstat_diff_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
}

static void donor_free(gpointer p)
{
    donor_t *d = p;
    g_free(d->label[0]);
    g_free(d->label[1]);
    g_free(d->code);
    g_free(d);
}

aidstat_diff_t *aidstat_diff_new(const aidstat_diff_options_t *opt, aidstat_error_t *err)
{
    aidstat_diff_options_t o;
    aidstat_diff_options_init(&o);
    if (opt && !aid_options_take(&o, sizeof o, opt, "aidstat_diff_options_init", err))
        return NULL;
    aidstat_diff_t *d = g_new0(aidstat_diff_t, 1);
    d->opt = o;
    aid_intern_init(&d->donor_keys);
    d->donors = g_ptr_array_new_with_free_func(donor_free);
    d->cells = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    for (int s = 0; s < 2; s++) {
        aid_intern_init(&d->side[s].sources);
        aid_intern_init(&d->side[s].releases);
        for (int m = 0; m < NM; m++)
            aid_intern_init(&d->side[s].currencies[m]);
    }
    d->rows = g_array_new(FALSE, TRUE, sizeof(aidstat_diff_row_t));
    d->groups = g_array_new(FALSE, TRUE, sizeof(aidstat_diff_row_t));
    d->added = g_ptr_array_new();
    d->removed = g_ptr_array_new();
    d->notes = g_ptr_array_new_with_free_func(g_free);
    return d;
}

void aidstat_diff_free(aidstat_diff_t *d)
{
    if (!d)
        return;
    aid_intern_clear(&d->donor_keys);
    g_ptr_array_free(d->donors, TRUE);
    g_hash_table_destroy(d->cells);
    for (int s = 0; s < 2; s++) {
        aid_intern_clear(&d->side[s].sources);
        aid_intern_clear(&d->side[s].releases);
        for (int m = 0; m < NM; m++)
            aid_intern_clear(&d->side[s].currencies[m]);
        g_free(d->side[s].file);
        g_free(d->source[s]);
    }
    g_array_free(d->rows, TRUE);
    g_array_free(d->groups, TRUE);
    g_ptr_array_free(d->added, TRUE);
    g_ptr_array_free(d->removed, TRUE);
    g_ptr_array_free(d->notes, TRUE);
    g_free(d->currency);
    g_free(d->filter);
    g_free(d);
}

/* ------------------------------------------------------------ streaming */

/* A donor is its code when it has one, else its name ignoring case, so
 * "Czech Republic" in one release and "Czechia" in the next are one donor. */
static uint32_t donor_id(aidstat_diff_t *d, int s, const aidstat_record_t *rec)
{
    char *key = rec->iso3[0] ? g_strconcat("code:", rec->iso3, NULL) : g_strconcat("name:", rec->donor, NULL);
    if (!rec->iso3[0]) {
        char *f = g_utf8_casefold(key, -1);
        g_free(key);
        key = f;
    } else {
        char *u = g_ascii_strup(key + 5, -1);
        g_free(key);
        key = g_strconcat("code:", u, NULL);
        g_free(u);
    }
    uint32_t id = aid_intern(&d->donor_keys, key);
    g_free(key);
    if (id >= d->donors->len) {
        donor_t *dn = g_new0(donor_t, 1);
        dn->code = g_strdup(rec->iso3);
        g_ptr_array_add(d->donors, dn);
    }
    donor_t *dn = g_ptr_array_index(d->donors, id);
    if (!dn->label[s])
        dn->label[s] = g_strdup(rec->donor);
    return id;
}

static int add(aidstat_diff_t *d, int s, const aidstat_record_t *rec)
{
    if (d->opt.filter && !aidstat_filter_match(d->opt.filter, rec))
        return 0;
    side_t *sd = &d->side[s];
    int m = rec->measure, t = rec->type;
    if (m < 0 || m >= NM || t < 0 || t >= NT)
        return 0;
    sd->records[m]++;
    sd->types[m] |= 1u << t;
    if (rec->source[0])
        aid_intern(&sd->sources, rec->source);
    if (rec->source[0] || rec->release[0]) {
        char *sr = g_strdup_printf("%s%s%s", rec->source, rec->source[0] && rec->release[0] ? ", " : "",
                                   rec->release);
        aid_intern(&sd->releases, sr);
        g_free(sr);
    }
    aid_intern(&sd->currencies[m], rec->currency);
    uint32_t id = donor_id(d, s, rec);
    int period = rec->year > 0 ? aid_period_key(rec->year, rec->month) : 0;
    guint64 key = ((guint64)id << 32) | ((guint64)t << 28) | ((guint64)m << 24) | (guint64)period;
    cell_t *c = g_hash_table_lookup(d->cells, &key);
    if (!c) {
        guint64 *k = g_new(guint64, 1);
        *k = key;
        c = g_new0(cell_t, 1);
        g_hash_table_insert(d->cells, k, c);
    }
    aid_sum_add(&c->v[s], rec->value);
    c->n[s]++;
    return 0;
}

int aidstat_diff_add_old(const aidstat_record_t *rec, void *diff)
{
    return add(diff, 0, rec);
}

int aidstat_diff_add_new(const aidstat_record_t *rec, void *diff)
{
    return add(diff, 1, rec);
}

void aidstat_diff_add_load_report(aidstat_diff_t *d, int which, const aidstat_load_report_t *r)
{
    side_t *sd = &d->side[which ? 1 : 0];
    if (!sd->file)
        sd->file = g_strdup(aidstat_load_report_file(r));
    sd->rows_read += aidstat_load_report_rows_read(r);
    sd->rows_rejected += aidstat_load_report_rows_rejected(r);
}

void aidstat_diff_set_file(aidstat_diff_t *d, int which, const char *name)
{
    side_t *sd = &d->side[which ? 1 : 0];
    g_free(sd->file);
    sd->file = g_strdup(name);
}

/* -------------------------------------------------------------- finish */

static void note(aidstat_diff_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(aidstat_diff_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(d->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static const char *side_name(int s)
{
    return s ? "the new file" : "the old file";
}

static const char *side_file(const aidstat_diff_t *d, int s)
{
    return d->side[s].file ? d->side[s].file : side_name(s);
}

static char *measure_list(const side_t *sd)
{
    GString *g = g_string_new(NULL);
    for (int m = 0; m < NM; m++)
        if (sd->records[m])
            g_string_append_printf(g, "%s%s", g->len ? ", " : "", aidstat_measure_name((aidstat_measure_t)m));
    return g_string_free(g, FALSE);
}

static char *intern_list(const aid_intern_t *in)
{
    GString *g = g_string_new(NULL);
    for (uint32_t i = 0; i < aid_intern_count(in); i++)
        g_string_append_printf(g, "%s\"%s\"", i ? ", " : "", aid_intern_str(in, i));
    return g_string_free(g, FALSE);
}

/* The measures both files have; an error when none. */
static aidstat_status_t choose_measures(aidstat_diff_t *d, aidstat_error_t *err)
{
    bool any = false;
    for (int s = 0; s < 2; s++) {
        uint64_t n = 0;
        for (int m = 0; m < NM; m++)
            n += d->side[s].records[m];
        if (!n)
            return aid_error_set(err, AIDSTAT_ERR_EMPTY, side_file(d, s), 0, 0,
                                 "no records match the selection%s%s", d->filter[0] ? ": " : "", d->filter);
    }
    for (int m = 0; m < NM; m++) {
        d->compared[m] = d->side[0].records[m] && d->side[1].records[m];
        any = any || d->compared[m];
    }
    if (!any) {
        char *a = measure_list(&d->side[0]), *b = measure_list(&d->side[1]);
        aidstat_status_t st = aid_error_set(
            err, AIDSTAT_ERR_DATA, NULL, 0, 0,
            "the files share no measure: %s has %s, %s has %s; a diff compares the same measure",
            side_file(d, 0), a, side_file(d, 1), b);
        g_free(a);
        g_free(b);
        return st;
    }
    for (int m = 0; m < NM; m++)
        for (int s = 0; s < 2; s++)
            if (d->side[s].records[m] && !d->compared[m])
                note(d,
                     s ? L_("%s only in the new file (%s), not compared")
                       : L_("%s only in the old file (%s), not compared"),
                     aidstat_measure_label((aidstat_measure_t)m), side_file(d, s));
    return AIDSTAT_OK;
}

/* Both files from one source (when both say). */
static aidstat_status_t check_sources(aidstat_diff_t *d, aidstat_error_t *err)
{
    const aid_intern_t *a = &d->side[0].sources, *b = &d->side[1].sources;
    if (aid_intern_count(a) && aid_intern_count(b)) {
        bool shared = false;
        for (uint32_t i = 0; i < aid_intern_count(a) && !shared; i++)
            shared = aid_intern_find(b, aid_intern_str(a, i)) != UINT32_MAX;
        if (!shared) {
            char *x = intern_list(a), *y = intern_list(b);
            aidstat_status_t st =
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "the files come from different sources: %s from %s, %s from %s; "
                              "a diff compares two versions of the same data",
                              side_file(d, 0), x, side_file(d, 1), y);
            g_free(x);
            g_free(y);
            return st;
        }
    }
    return AIDSTAT_OK;
}

/* The compared measures' values in one currency, the same in both files. */
static aidstat_status_t check_units(aidstat_diff_t *d, aidstat_error_t *err)
{
    const char *cur[2] = {NULL, NULL};
    for (int s = 0; s < 2; s++)
        for (int m = 0; m < NM; m++) {
            const aid_intern_t *c = &d->side[s].currencies[m];
            if (!d->compared[m])
                continue;
            for (uint32_t i = 0; i < aid_intern_count(c); i++) {
                const char *x = aid_intern_str(c, i);
                if (!cur[s])
                    cur[s] = x;
                else if (strcmp(cur[s], x))
                    return aid_error_set(err, AIDSTAT_ERR_DATA, side_file(d, s), 0, 0,
                                         "values in both %s and %s; restate them in one currency first",
                                         cur[s], x);
            }
        }
    if (strcmp(cur[0], cur[1]))
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                             "the files are in different units: %s in %s, %s in %s; "
                             "a diff compares values in the same unit",
                             side_file(d, 0), cur[0], side_file(d, 1), cur[1]);
    d->currency = g_strdup(cur[0]);
    return AIDSTAT_OK;
}

static void cell_unpack(guint64 key, uint32_t *id, int *t, int *m, int *period)
{
    *id = (uint32_t)(key >> 32);
    *t = (int)((key >> 28) & 0xf);
    *m = (int)((key >> 24) & 0xf);
    *period = (int)(key & 0xffffff);
}

/* Each file's months over the compared measures, and those both cover. */
static void find_periods(aidstat_diff_t *d)
{
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->cells);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        uint32_t id;
        int t, m, p;
        cell_unpack(*(guint64 *)k, &id, &t, &m, &p);
        const cell_t *c = v;
        if (!d->compared[m] || !p)
            continue;
        int lo = p % 100 ? p : p + 1, hi = p % 100 ? p : p + 12;
        for (int s = 0; s < 2; s++) {
            if (!c->n[s])
                continue;
            side_t *sd = &d->side[s];
            if (!sd->first || lo < sd->first)
                sd->first = lo;
            if (hi > sd->last)
                sd->last = hi;
        }
    }
    int c0 = MAX(d->side[0].first, d->side[1].first), c1 = MIN(d->side[0].last, d->side[1].last);
    if (d->side[0].first && d->side[1].first && c0 <= c1) {
        d->c0 = c0;
        d->c1 = c1;
    } else if (d->side[0].first && d->side[1].first) {
        note(d, "%s",
             L_("the files cover no period in common: all their values are for periods only one covers"));
    }
}

/* Whether a period key falls in the common months; *edge set for a year
 * that straddles their edge. Undated records (0) count as common. */
static bool in_common(const aidstat_diff_t *d, int p, bool *edge)
{
    *edge = false;
    if (!p)
        return true;
    if (!d->c0)
        return false;
    int lo = p % 100 ? p : p + 1, hi = p % 100 ? p : p + 12;
    if (lo >= d->c0 && hi <= d->c1)
        return true;
    if (hi < d->c0 || lo > d->c1)
        return false;
    *edge = true;
    return true;
}

/* Cells summed over periods into donor x type x measure. */
static agg_t *aggregate(aidstat_diff_t *d)
{
    size_t nd = d->donors->len;
    agg_t *a = g_new0(agg_t, nd * NT * NM + 1);
    uint64_t undated[2] = {0, 0}, edge_n = 0;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, d->cells);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        uint32_t id;
        int t, m, p;
        cell_unpack(*(guint64 *)k, &id, &t, &m, &p);
        const cell_t *c = v;
        if (!d->compared[m])
            continue;
        bool edge;
        bool common = in_common(d, p, &edge);
        agg_t *g = &a[((size_t)id * NT + t) * NM + m];
        for (int s = 0; s < 2; s++) {
            if (!c->n[s])
                continue;
            aid_sum_add(common ? &g->common[s] : &g->only[s], aid_sum_value(&c->v[s]));
            g->n[s] += c->n[s];
            if (!p)
                undated[s] += c->n[s];
            if (edge)
                edge_n += c->n[s];
        }
    }
    if (undated[0] || undated[1])
        note(d,
             L_("records without a date (%" PRIu64 " in the old file, %" PRIu64
                " in the new) are compared with the periods both files cover"),
             undated[0], undated[1]);
    if (edge_n)
        note(d,
             LP_("%" PRIu64 " record dated by year only falls partly outside the periods both files "
                 "cover; it is compared with them",
                 "%" PRIu64 " records dated by year only fall partly outside the periods both files "
                 "cover; they are compared with them",
                 edge_n),
             edge_n);
    return a;
}

static void row_finish(aidstat_diff_row_t *r, const agg_t *g)
{
    r->old_value = aid_sum_value(&g->common[0]);
    r->new_value = aid_sum_value(&g->common[1]);
    r->old_periods = aid_sum_value(&g->only[0]);
    r->new_periods = aid_sum_value(&g->only[1]);
    r->change = r->new_value - r->old_value;
    double big = MAX(fabs(r->old_value), fabs(r->new_value));
    if (fabs(r->change) <= 1e-9 * big + 1e-6)
        r->change = 0; /* the same figure, summed in another order */
    r->pct_change = r->old_value != 0 ? r->change / r->old_value : NAN;
    if (!g->n[0])
        r->status = AIDSTAT_DIFF_ADDED;
    else if (!g->n[1])
        r->status = AIDSTAT_DIFF_REMOVED;
    else
        r->status = r->change != 0 ? AIDSTAT_DIFF_REVISED : AIDSTAT_DIFF_SAME;
}

static void agg_merge(agg_t *into, const agg_t *g)
{
    for (int s = 0; s < 2; s++) {
        aid_sum_add(&into->common[s], aid_sum_value(&g->common[s]));
        aid_sum_add(&into->only[s], aid_sum_value(&g->only[s]));
        into->n[s] += g->n[s];
    }
}

/* Types shown for measure m: all types first, then each type either file
 * has, when both split the measure by type. */
static int types_of(const aidstat_diff_t *d, int m, int *out)
{
    int n = 0;
    out[n++] = AIDSTAT_TYPE_TOTAL;
    if (!d->split[m])
        return n;
    unsigned mask = d->side[0].types[m] | d->side[1].types[m];
    if (!(mask & (mask - 1))) { /* one type: its rows are the totals */
        for (int t = 0; t < NT; t++)
            if (mask == 1u << t)
                out[0] = t;
        return n;
    }
    for (int t = 0; t < NT; t++)
        if (t != AIDSTAT_TYPE_TOTAL && (mask & (1u << t)))
            out[n++] = t;
    return n;
}

/* The donor x measure total (over types) and one type's cell. */
static agg_t donor_agg(const agg_t *a, size_t id, int t, int m)
{
    agg_t g = {0};
    if (t != AIDSTAT_TYPE_TOTAL)
        return a[(id * NT + t) * NM + m];
    for (int u = 0; u < NT; u++)
        agg_merge(&g, &a[(id * NT + u) * NM + m]);
    return g;
}

typedef struct {
    size_t id;
    double key;
    const char *label;
} order_t;

static gint order_cmp(gconstpointer pa, gconstpointer pb)
{
    const order_t *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return g_utf8_collate(a->label, b->label);
}

static const char *donor_label(const donor_t *dn)
{
    return dn->label[1] ? dn->label[1] : dn->label[0];
}

static void build_donor_rows(aidstat_diff_t *d, const agg_t *a)
{
    size_t nd = d->donors->len;
    order_t *ord = g_new0(order_t, nd + 1);
    for (int m = 0; m < NM; m++) {
        if (!d->compared[m])
            continue;
        size_t n = 0;
        for (size_t id = 0; id < nd; id++) {
            agg_t g = donor_agg(a, id, AIDSTAT_TYPE_TOTAL, m);
            if (!g.n[0] && !g.n[1])
                continue;
            aidstat_diff_row_t r = {0};
            row_finish(&r, &g);
            ord[n].id = id;
            ord[n].key = fabs(r.change);
            ord[n].label = donor_label(g_ptr_array_index(d->donors, id));
            n++;
        }
        qsort(ord, n, sizeof *ord, (int (*)(const void *, const void *))order_cmp);
        int types[NT];
        int nt = types_of(d, m, types);
        for (size_t i = 0; i < n; i++) {
            const donor_t *dn = g_ptr_array_index(d->donors, ord[i].id);
            for (int k = 0; k < nt; k++) {
                agg_t g = donor_agg(a, ord[i].id, types[k], m);
                if (!g.n[0] && !g.n[1])
                    continue;
                aidstat_diff_row_t r = {0};
                r.label = donor_label(dn);
                r.code = dn->code;
                r.type = (aidstat_type_t)types[k];
                r.measure = (aidstat_measure_t)m;
                row_finish(&r, &g);
                g_array_append_val(d->rows, r);
            }
        }
    }
    g_free(ord);
}

static void group_rows(aidstat_diff_t *d, const agg_t *a, const char *label, const char *code,
                       const bool *member)
{
    for (int m = 0; m < NM; m++) {
        if (!d->compared[m])
            continue;
        int types[NT];
        int nt = types_of(d, m, types);
        for (int k = 0; k < nt; k++) {
            agg_t g = {0};
            for (size_t id = 0; id < d->donors->len; id++)
                if (member[id]) {
                    agg_t x = donor_agg(a, id, types[k], m);
                    agg_merge(&g, &x);
                }
            if (!g.n[0] && !g.n[1])
                continue;
            aidstat_diff_row_t r = {0};
            r.label = label;
            r.code = code;
            r.group = true;
            r.type = (aidstat_type_t)types[k];
            r.measure = (aidstat_measure_t)m;
            row_finish(&r, &g);
            g_array_append_val(d->groups, r);
        }
    }
}

static void build_group_rows(aidstat_diff_t *d, const agg_t *a)
{
    size_t nd = d->donors->len;
    bool *member = g_new0(bool, nd + 1);
    const aidstat_regions_t *rg = d->opt.regions;
    for (size_t i = 0; rg && i < aidstat_regions_count(rg); i++) {
        bool any = false;
        for (size_t id = 0; id < nd; id++) {
            const donor_t *dn = g_ptr_array_index(d->donors, id);
            member[id] =
                aidstat_regions_contains(rg, i, dn->code, dn->label[1] ? dn->label[1] : dn->label[0]) ||
                (dn->label[0] && aidstat_regions_contains(rg, i, dn->code, dn->label[0]));
            any = any || member[id];
        }
        if (any && (!d->opt.filter || aidstat_filter_has_region(d->opt.filter, rg, i)))
            group_rows(d, a, aidstat_regions_name(rg, i), aidstat_regions_id(rg, i), member);
    }
    for (size_t id = 0; id < nd; id++)
        member[id] = true;
    bool sel = d->opt.filter && aidstat_filter_donors_set(d->opt.filter);
    /* a label for people: German only when names are (English in CSV and JSON) */
    group_rows(d, a, sel ? L_("All selected donors") : L_("All donors"), "all", member);
    g_free(member);
}

static gint name_cmp(gconstpointer a, gconstpointer b)
{
    return g_utf8_collate(*(const char *const *)a, *(const char *const *)b);
}

/* Donors with records in one file only, over the compared measures. */
static void find_added_removed(aidstat_diff_t *d, const agg_t *a)
{
    for (size_t id = 0; id < d->donors->len; id++) {
        uint64_t n[2] = {0, 0};
        for (int m = 0; m < NM; m++)
            if (d->compared[m])
                for (int t = 0; t < NT; t++)
                    for (int s = 0; s < 2; s++)
                        n[s] += a[(id * NT + t) * NM + m].n[s];
        const donor_t *dn = g_ptr_array_index(d->donors, id);
        if (n[1] && !n[0])
            g_ptr_array_add(d->added, (gpointer)donor_label(dn));
        else if (n[0] && !n[1])
            g_ptr_array_add(d->removed, (gpointer)donor_label(dn));
    }
    g_ptr_array_sort(d->added, name_cmp);
    g_ptr_array_sort(d->removed, name_cmp);
}

aidstat_status_t aidstat_diff_finish(aidstat_diff_t *d, aidstat_error_t *err)
{
    g_free(d->filter);
    d->filter = g_strdup(d->opt.filter ? aidstat_filter_describe(d->opt.filter) : "");
    aidstat_status_t st;
    if ((st = check_sources(d, err)) != AIDSTAT_OK || (st = choose_measures(d, err)) != AIDSTAT_OK ||
        (st = check_units(d, err)) != AIDSTAT_OK)
        return st;
    for (int s = 0; s < 2; s++) {
        const aid_intern_t *r = &d->side[s].releases;
        GString *g = g_string_new(NULL);
        for (uint32_t i = 0; i < aid_intern_count(r); i++)
            g_string_append_printf(g, "%s%s", i ? "; " : "", aid_intern_str(r, i));
        d->source[s] = g_string_free(g, FALSE);
    }
    for (int m = 0; m < NM; m++) {
        if (!d->compared[m])
            continue;
        d->split[m] = true;
        for (int s = 0; s < 2; s++)
            if (d->side[s].types[m] & (1u << AIDSTAT_TYPE_TOTAL)) {
                d->split[m] = false;
                note(d,
                     s ? L_("%s: the new file gives no split by type; compared over all types")
                       : L_("%s: the old file gives no split by type; compared over all types"),
                     aidstat_measure_label((aidstat_measure_t)m));
            }
    }
    find_periods(d);
    agg_t *a = aggregate(d);
    build_donor_rows(d, a);
    build_group_rows(d, a);
    find_added_removed(d, a);
    g_free(a);
    return AIDSTAT_OK;
}

/* ------------------------------------------------------------ accessors */

size_t aidstat_diff_rows(const aidstat_diff_t *d)
{
    return d->rows->len;
}

const aidstat_diff_row_t *aidstat_diff_row(const aidstat_diff_t *d, size_t i)
{
    return i < d->rows->len ? &g_array_index(d->rows, aidstat_diff_row_t, i) : NULL;
}

size_t aidstat_diff_groups(const aidstat_diff_t *d)
{
    return d->groups->len;
}

const aidstat_diff_row_t *aidstat_diff_group(const aidstat_diff_t *d, size_t i)
{
    return i < d->groups->len ? &g_array_index(d->groups, aidstat_diff_row_t, i) : NULL;
}

size_t aidstat_diff_donor_count(const aidstat_diff_t *d, int which)
{
    return (which ? d->added : d->removed)->len;
}

const char *aidstat_diff_donor(const aidstat_diff_t *d, int which, size_t i)
{
    const GPtrArray *a = which ? d->added : d->removed;
    return i < a->len ? g_ptr_array_index(a, i) : NULL;
}

const char *aidstat_diff_file(const aidstat_diff_t *d, int which)
{
    const char *f = d->side[which ? 1 : 0].file;
    return f ? f : "";
}

const char *aidstat_diff_source(const aidstat_diff_t *d, int which)
{
    const char *s = d->source[which ? 1 : 0];
    return s ? s : "";
}

static void unkey(int k, int *y, int *m)
{
    *y = k / 100;
    *m = k % 100;
}

void aidstat_diff_period(const aidstat_diff_t *d, int which, int *y0, int *m0, int *y1, int *m1)
{
    const side_t *s = &d->side[which ? 1 : 0];
    unkey(s->first, y0, m0);
    unkey(s->last, y1, m1);
}

void aidstat_diff_common_period(const aidstat_diff_t *d, int *y0, int *m0, int *y1, int *m1)
{
    unkey(d->c0, y0, m0);
    unkey(d->c1, y1, m1);
}

const char *aidstat_diff_currency(const aidstat_diff_t *d)
{
    return d->currency ? d->currency : "";
}

const char *aidstat_diff_filter(const aidstat_diff_t *d)
{
    return d->filter ? d->filter : "";
}

bool aidstat_diff_has_measure(const aidstat_diff_t *d, aidstat_measure_t m)
{
    return (unsigned)m < NM && d->compared[m];
}

size_t aidstat_diff_note_count(const aidstat_diff_t *d)
{
    return d->notes->len;
}

const char *aidstat_diff_note(const aidstat_diff_t *d, size_t i)
{
    return i < d->notes->len ? g_ptr_array_index(d->notes, i) : NULL;
}
