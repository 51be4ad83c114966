/* compare: a streaming group-by over aid records.
 *
 * Records are summed into cells (row key x column key) with one running
 * sum per measure, so a single pass can answer "allocations" or, when a key
 * is the measure, several measures side by side, and the choice of measure
 * can wait until the end. Row and column totals are kept as their own
 * cells, fed once per record: a donor in three regions adds to three region
 * rows but only once to the total, so overlapping groups never double count.
 * Sums use Neumaier's compensated summation. Memory grows with the number
 * of groups, never with the number of records.
 */
#include "config.h"
#include "stats/names.h"
#include "data/intl.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intern.h"
#include "data/period.h"
#include "data/region.h"
#include "stats/groups.h"
#include "stats/sum.h"
#include "stats/sourcing.h"
#include "stats/selection.h"

#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define NM AIDSTAT_MEASURE_COUNT

typedef struct {
    int measure;
    double value;
} sample_t;

static const char *const stat_names[] = {"sum", "count", "mean", "median", "min", "max", "sd"};

int aid_stat_parse(const char *s)
{
    for (int i = 0; i < (int)G_N_ELEMENTS(stat_names); i++)
        if (g_ascii_strcasecmp(s, stat_names[i]) == 0)
            return i;
    return -1;
}

aidstat_status_t aidstat_stat_parse(const char *s, aidstat_stat_t *out)
{
    int v = s ? aid_stat_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_stat_t)v;
    return AIDSTAT_OK;
}

const char *aidstat_stat_name(aidstat_stat_t st)
{
    return (unsigned)st < G_N_ELEMENTS(stat_names) ? stat_names[st] : "?";
}

/* Whether the stat needs the values themselves, not just sums and counts. */
static bool needs_values(aidstat_stat_t st)
{
    return st == AIDSTAT_STAT_MEDIAN || st == AIDSTAT_STAT_MIN || st == AIDSTAT_STAT_MAX ||
           st == AIDSTAT_STAT_SD;
}

typedef struct {
    aid_sum_t sum[NM];
    uint64_t n[NM];
} cell_t;

static void cell_add(cell_t *c, int m, double x)
{
    aid_sum_add(&c->sum[m], x);
    c->n[m]++;
}

static double cell_value(const cell_t *c, int m)
{
    return aid_sum_value(&c->sum[m]);
}

/* The value of a cell: the chosen measure, or (measure < 0, when a key is
 * the measure) the one measure the cell can hold. */
static double cell_pick(const cell_t *c, int measure)
{
    if (measure >= 0)
        return cell_value(c, measure);
    double s = 0;
    for (int m = 0; m < NM; m++)
        s += cell_value(c, m);
    return s;
}

/* The same for the cell's record count. */
static uint64_t cell_count(const cell_t *c, int measure)
{
    if (measure >= 0)
        return c->n[measure];
    uint64_t n = 0;
    for (int m = 0; m < NM; m++)
        n += c->n[m];
    return n;
}

typedef struct {
    aid_intern_t names;
    GArray *order; /* int per label: enum value, period key, region index */
    GArray *code;  /* const char* (interned in codes) per label: donor code */
    GArray *gdp;   /* double per label: donor GDP */
    GArray *gdp_year;
    aid_intern_cache_t cache;
} keyset_t;

struct aidstat_compare {
    aidstat_compare_options_t opt;
    keyset_t keys[2];
    aid_intern_t codes;
    GPtrArray *cells;  /* per row label: GArray of cell_t by column label */
    GArray *row_total; /* cell_t per row label */
    GArray *col_total; /* cell_t per column label */
    cell_t total;
    aid_selection_t sel; /* what the matched records were */
    /* grouping by sourcing: matched records that are no part of a split,
     * and where the first one came from */
    uint64_t unsplit;
    char *unsplit_file;
    long unsplit_line;
    GPtrArray *values;        /* per row label: GArray of sample_t, for --stat needing values */
    aidstat_error_t norm_err; /* the first record that could not be restated */
    uint64_t norm_failed;
    /* hot-path caches */
    int last_period[2];
    uint32_t last_period_id[2];
    GHashTable *region_cache; /* interned donor name -> GArray of uint32 region label ids */
    aid_intern_t donor_names;
    aid_groups_t groups; /* donors outside the groups, or in several */
};

/* A note: its neutral text, and what it says for front-ends that word it
 * themselves. */
typedef struct {
    aidstat_note_t code;
    char *text, *subject;
    size_t param[2];
} note_t;

struct aidstat_result {
    aidstat_key_t key[2];
    size_t nrows, ncols;
    struct row {
        char *label, *code;
        double value, abs, gdp, share, cum;
        size_t rank;
        bool others;
        size_t others_n;
        double *cells;
        int order;
    } * rows;
    char **col_labels;
    double *col_totals;
    double total;
    char *total_label;
    bool additive;
    aidstat_per_t per;
    int measure;
    char *types, *currency, *source, *filter;
    int y0, m0, y1, m1;
    uint64_t records, rows_read, rows_rejected;
    GArray *notes; /* note_t */
    bool groups_overlap;
    char *conc_why;
    aidstat_stat_t stat;
    bool cumulative;
    bool has_conc;
    aidstat_concentration_t conc;
    char *basis;
    long col_commit, col_alloc; /* measure columns, -1 if absent */
};

/* ---------------------------------------------------------------- keys */

static const char *const key_names[] = {"none", "donor",   "region", "type",    "measure",
                                        "year", "quarter", "month",  "sourcing"};

int aid_key_parse(const char *s)
{
    for (int k = 1; k < (int)G_N_ELEMENTS(key_names); k++)
        if (g_ascii_strcasecmp(s, key_names[k]) == 0)
            return k;
    if (g_ascii_strcasecmp(s, "country") == 0)
        return AIDSTAT_KEY_DONOR;
    return -1;
}

aidstat_status_t aidstat_key_parse(const char *s, aidstat_key_t *out)
{
    int v = s ? aid_key_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_key_t)v;
    return AIDSTAT_OK;
}

const char *aidstat_key_name(aidstat_key_t k)
{
    return (unsigned)k < G_N_ELEMENTS(key_names) ? key_names[k] : "?";
}

static bool key_is_time(aidstat_key_t k)
{
    return k == AIDSTAT_KEY_YEAR || k == AIDSTAT_KEY_QUARTER || k == AIDSTAT_KEY_MONTH;
}

void aidstat_compare_options_init(aidstat_compare_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
    opt->by[0] = AIDSTAT_KEY_DONOR;
}

static void keyset_init(keyset_t *k)
{
    aid_intern_init(&k->names);
    k->order = g_array_new(FALSE, TRUE, sizeof(int));
    k->code = g_array_new(FALSE, TRUE, sizeof(const char *));
    k->gdp = g_array_new(FALSE, TRUE, sizeof(double));
    k->gdp_year = g_array_new(FALSE, TRUE, sizeof(int));
}

static void keyset_clear(keyset_t *k)
{
    aid_intern_clear(&k->names);
    g_array_free(k->order, TRUE);
    g_array_free(k->code, TRUE);
    g_array_free(k->gdp, TRUE);
    g_array_free(k->gdp_year, TRUE);
}

/* Give label id of key set `which` its per-label slots on first sight. */
static void label_slots(aidstat_compare_t *c, int which, uint32_t id, int order)
{
    keyset_t *k = &c->keys[which];
    if (id < k->order->len)
        return;
    uint32_t n = id + 1;
    g_array_set_size(k->order, n);
    g_array_set_size(k->code, n);
    g_array_set_size(k->gdp, n);
    g_array_set_size(k->gdp_year, n);
    g_array_index(k->order, int, id) = order;
    g_array_index(k->code, const char *, id) = "";
    if (which == 0) {
        while (c->cells->len < n)
            g_ptr_array_add(c->cells, g_array_new(FALSE, TRUE, sizeof(cell_t)));
        g_array_set_size(c->row_total, n);
    } else {
        g_array_set_size(c->col_total, n);
    }
}

/* The id of label in key set `which`, registering order on first sight. */
static uint32_t label_id(aidstat_compare_t *c, int which, const char *label, int order)
{
    uint32_t id = aid_intern(&c->keys[which].names, label);
    label_slots(c, which, id, order);
    return id;
}

static void period_label(aidstat_key_t key, const aidstat_record_t *rec, char *buf, size_t len, int *order)
{
    if (rec->year <= 0) {
        snprintf(buf, len, "(no period)"); /* words for people: aid_label_people */
        *order = 0;
        return;
    }
    if (key == AIDSTAT_KEY_YEAR || rec->month == 0) {
        if (key == AIDSTAT_KEY_YEAR)
            snprintf(buf, len, "%d", rec->year);
        else if (key == AIDSTAT_KEY_QUARTER)
            snprintf(buf, len, "%d (quarter unknown)", rec->year);
        else
            snprintf(buf, len, "%d (month unknown)", rec->year);
        *order = rec->year * 100 + (key == AIDSTAT_KEY_YEAR ? 0 : 99);
    } else if (key == AIDSTAT_KEY_MONTH && (rec->flags & AIDSTAT_RECORD_QUARTER)) {
        /* dated by a quarter: no month of it is known; after its months */
        int q = (rec->month - 1) / 3 + 1;
        snprintf(buf, len, "%d Q%d (month unknown)", rec->year, q);
        *order = rec->year * 100 + 12 + q;
    } else if (key == AIDSTAT_KEY_QUARTER) {
        int q = (rec->month - 1) / 3 + 1;
        snprintf(buf, len, "%d Q%d", rec->year, q);
        *order = rec->year * 100 + q;
    } else {
        snprintf(buf, len, "%d-%02d", rec->year, rec->month);
        *order = rec->year * 100 + rec->month;
    }
}

/* Labels of rec under key `which`; regions may give several (or none). */
static size_t labels_of(aidstat_compare_t *c, int which, const aidstat_record_t *rec, uint32_t *ids,
                        size_t max)
{
    aidstat_key_t key = c->opt.by[which];
    char buf[64];
    int order;
    switch (key) {
    case AIDSTAT_KEY_NONE:
        ids[0] = c->keys[which].order->len ? 0 : label_id(c, which, "", 0);
        return 1;
    case AIDSTAT_KEY_DONOR: {
        keyset_t *k = &c->keys[which];
        uint32_t id = aid_intern_cached(&k->names, &k->cache, rec->donor);
        if (id >= k->order->len) /* a new donor: the test inline, the work in a call */
            label_slots(c, which, id, 0);
        const char **code = &g_array_index(k->code, const char *, id);
        if (!(*code)[0] && rec->iso3[0])
            *code = aid_intern_str(&c->codes, aid_intern(&c->codes, rec->iso3));
        if (g_array_index(k->gdp, double, id) == 0 && rec->gdp > 0) {
            g_array_index(k->gdp, double, id) = rec->gdp;
            g_array_index(k->gdp_year, int, id) = rec->gdp_year;
        }
        ids[0] = id;
        return 1;
    }
    case AIDSTAT_KEY_REGION: {
        uint32_t d = aid_intern(&c->donor_names, rec->donor);
        const char *dn = aid_intern_str(&c->donor_names, d);
        GArray *list = g_hash_table_lookup(c->region_cache, dn);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(uint32_t));
            for (size_t i = 0; i < aidstat_regions_count(c->opt.regions); i++)
                if (aidstat_filter_has_region(c->opt.filter, c->opt.regions, i) &&
                    aidstat_regions_contains(c->opt.regions, i, rec->iso3, rec->donor)) {
                    uint32_t id = label_id(c, which, aidstat_regions_name(c->opt.regions, i), (int)i);
                    g_array_append_val(list, id);
                }
            g_hash_table_insert(c->region_cache, (gpointer)dn, list);
        }
        size_t n = MIN(list->len, max);
        for (size_t i = 0; i < n; i++)
            ids[i] = g_array_index(list, uint32_t, i);
        return n;
    }
    case AIDSTAT_KEY_TYPE:
        ids[0] = label_id(c, which, aidstat_type_label(rec->type), (int)rec->type);
        return 1;
    case AIDSTAT_KEY_MEASURE:
        ids[0] = label_id(c, which, aidstat_measure_label(rec->measure), (int)rec->measure);
        return 1;
    case AIDSTAT_KEY_SOURCING: {
        const char *label;
        int part = aid_sourcing_part(rec->part, &label);
        if (part < 0) {
            if (!c->unsplit++) {
                c->unsplit_file = g_strdup(rec->file ? rec->file : "");
                c->unsplit_line = rec->line;
            }
            return 0;
        }
        ids[0] = label_id(c, which, label, part);
        return 1;
    }
    case AIDSTAT_KEY_YEAR:
    case AIDSTAT_KEY_QUARTER:
    case AIDSTAT_KEY_MONTH: {
        int pk = (rec->year * 100 + rec->month) * 2 + !!(rec->flags & AIDSTAT_RECORD_QUARTER);
        if (c->last_period[which] == pk)
            return ids[0] = c->last_period_id[which], 1;
        period_label(key, rec, buf, sizeof buf, &order);
        ids[0] = label_id(c, which, buf, order);
        c->last_period[which] = pk;
        c->last_period_id[which] = ids[0];
        return 1;
    }
    }
    return 0;
}

/* ---------------------------------------------------------- streaming */

static void region_list_free(gpointer p)
{
    g_array_free(p, TRUE);
}

static const char *per_name(aidstat_per_t per)
{
    return per == AIDSTAT_PER_GDP ? "gdp" : per == AIDSTAT_PER_CAPITA ? "capita" : "milex";
}

aidstat_compare_t *aidstat_compare_new(const aidstat_compare_options_t *opt, aidstat_error_t *err)
{
    aidstat_compare_options_t o;
    aidstat_compare_options_init(&o);
    if (!aid_options_take(&o, sizeof o, opt, "aidstat_compare_options_init", err))
        return NULL;
    opt = &o;
    for (int w = 0; w < 2; w++)
        if (opt->by[w] == AIDSTAT_KEY_REGION && !opt->regions) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "comparing by region needs regions");
            return NULL;
        }
    if (opt->by[0] == AIDSTAT_KEY_NONE) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no key to compare by");
        return NULL;
    }
    if (opt->by[1] != AIDSTAT_KEY_NONE && opt->by[1] == opt->by[0]) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001by\002: the two keys must differ (both are %s)", aidstat_key_name(opt->by[0]));
        return NULL;
    }
    if (opt->per != AIDSTAT_PER_NONE && (opt->by[0] != AIDSTAT_KEY_DONOR || opt->by[1])) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001per %s\002 compares donors: use it with \001by donor\002 alone",
                      per_name(opt->per));
        return NULL;
    }
    if (opt->per == AIDSTAT_PER_MILEX && !opt->milex) {
        aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "\001per milex\002 needs a military expenditure table (\001milex FILE\002: SIPRI's workbook)");
        return NULL;
    }
    if (opt->per == AIDSTAT_PER_MILEX && !aidstat_reftable_currency(opt->milex)[0]) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001per milex\002 divides by military expenditure in money: %s is not (use the "
                      "sheet \"Current US$\")",
                      aidstat_reftable_describe(opt->milex));
        return NULL;
    }
    if (opt->stat != AIDSTAT_STAT_SUM && (opt->by[1] || opt->per != AIDSTAT_PER_NONE || opt->cumulative)) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001stat %s\002 works with one key and without \001per\002 or \001cumulative\002",
                      aidstat_stat_name(opt->stat));
        return NULL;
    }
    if (opt->cumulative && !key_is_time(opt->by[0])) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001cumulative\002 runs over periods: use it with \001by year\002, quarter or month");
        return NULL;
    }
    aidstat_compare_t *c = g_new0(aidstat_compare_t, 1);
    c->opt = *opt;
    keyset_init(&c->keys[0]);
    keyset_init(&c->keys[1]);
    aid_intern_init(&c->codes);
    aid_selection_init(&c->sel);
    aid_intern_init(&c->donor_names);
    c->cells = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    c->row_total = g_array_new(FALSE, TRUE, sizeof(cell_t));
    c->col_total = g_array_new(FALSE, TRUE, sizeof(cell_t));
    c->region_cache = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, region_list_free);
    c->last_period[0] = c->last_period[1] = -1;
    c->values = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    bool grouped = opt->by[0] == AIDSTAT_KEY_REGION || opt->by[1] == AIDSTAT_KEY_REGION ||
                   aid_filter_names_groups(opt->filter);
    aid_groups_init(&c->groups, grouped ? opt->regions : NULL, opt->filter);
    return c;
}

void aidstat_compare_free(aidstat_compare_t *c)
{
    if (!c)
        return;
    keyset_clear(&c->keys[0]);
    keyset_clear(&c->keys[1]);
    g_free(c->unsplit_file);
    aid_intern_clear(&c->codes);
    aid_selection_clear(&c->sel);
    g_ptr_array_free(c->values, TRUE);
    g_ptr_array_free(c->cells, TRUE);
    g_array_free(c->row_total, TRUE);
    g_array_free(c->col_total, TRUE);
    g_hash_table_destroy(c->region_cache);
    aid_intern_clear(&c->donor_names);
    aid_groups_clear(&c->groups);
    g_free(c);
}

/* A record left out only because its donor is in none of the groups
 * asked for: counted for the note that says so. One that cannot be
 * restated is not counted (the comparison does not need it). */
static void add_outside(aidstat_compare_t *c, const aidstat_record_t *in)
{
    aidstat_record_t copy = *in;
    if (c->opt.normalize) {
        aidstat_error_t e;
        if (aidstat_normalize_record(c->opt.normalize, &copy, &e) != AIDSTAT_OK)
            return;
    }
    aid_groups_add(&c->groups, &copy, false);
}

int aidstat_compare_add(const aidstat_record_t *in, void *compare)
{
    aidstat_compare_t *c = compare;
    if (c->opt.filter && !aidstat_filter_match(c->opt.filter, in)) {
        if (c->groups.donors && aid_filter_outside_groups(c->opt.filter, in))
            add_outside(c, in);
        aid_selection_straddled(&c->sel, c->opt.filter, in);
        return 0;
    }
    aidstat_record_t copy;
    const aidstat_record_t *rec = in;
    if (c->opt.normalize) {
        aidstat_error_t e;
        aidstat_error_clear(&e);
        copy = *in;
        if (aidstat_normalize_record(c->opt.normalize, &copy, &e) != AIDSTAT_OK) {
            if (!c->norm_failed++)
                c->norm_err = e;
            return 0;
        }
        rec = &copy;
    }
    enum { MAXL = 256 };
    uint32_t r[MAXL], k[MAXL];
    size_t nr = labels_of(c, 0, rec, r, MAXL);
    size_t nk = labels_of(c, 1, rec, k, MAXL);
    int m = rec->measure;
    double x = rec->value;
    for (size_t i = 0; i < nr; i++) {
        GArray *row = g_ptr_array_index(c->cells, r[i]);
        for (size_t j = 0; j < nk; j++) {
            if (row->len <= k[j])
                g_array_set_size(row, k[j] + 1);
            cell_add(&g_array_index(row, cell_t, k[j]), m, x);
        }
        cell_add(&g_array_index(c->row_total, cell_t, r[i]), m, x);
        if (needs_values(c->opt.stat)) {
            while (c->values->len <= r[i])
                g_ptr_array_add(c->values, g_array_new(FALSE, FALSE, sizeof(sample_t)));
            sample_t smp = {m, x};
            g_array_append_val(g_ptr_array_index(c->values, r[i]), smp);
        }
    }
    for (size_t j = 0; j < nk; j++)
        cell_add(&g_array_index(c->col_total, cell_t, k[j]), m, x);
    cell_add(&c->total, m, x);
    aid_groups_add(&c->groups, rec, true);

    aid_selection_add(&c->sel, rec);
    return 0;
}

void aidstat_compare_add_load_report(aidstat_compare_t *c, const aidstat_load_report_t *r)
{
    aid_selection_add_report(&c->sel, r);
}

void aidstat_compare_add_caveat(aidstat_compare_t *c, const char *caveat)
{
    aid_selection_add_caveat(&c->sel, caveat);
}

/* -------------------------------------------------------------- finish */

static void note_v(aidstat_result_t *res, aidstat_note_t code, const char *subject, size_t p0, size_t p1,
                   const char *fmt, va_list ap)
{
    note_t n = {code, g_strdup_vprintf(fmt, ap), g_strdup(subject ? subject : ""), {p0, p1}};
    g_array_append_val(res->notes, n);
}

/* A statement. */
static void note(aidstat_result_t *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(aidstat_result_t *res, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_v(res, AIDSTAT_NOTE_TEXT, NULL, 0, 0, fmt, ap);
    va_end(ap);
}

/* A note front-ends may word themselves. */
static void note_coded(aidstat_result_t *res, aidstat_note_t code, const char *subject, size_t p0, size_t p1,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void note_coded(aidstat_result_t *res, aidstat_note_t code, const char *subject, size_t p0, size_t p1,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    note_v(res, code, subject, p0, p1, fmt, ap);
    va_end(ap);
}

static void note_clear(gpointer p)
{
    note_t *n = p;
    g_free(n->text);
    g_free(n->subject);
}

typedef struct {
    const aidstat_result_t *res;
    bool by_name;
} sort_ctx_t;

static int cmp_name(const struct row *a, const struct row *b, aidstat_key_t key)
{
    if (key_is_time(key) || key == AIDSTAT_KEY_TYPE || key == AIDSTAT_KEY_MEASURE ||
        key == AIDSTAT_KEY_SOURCING || key == AIDSTAT_KEY_REGION) {
        if (key != AIDSTAT_KEY_REGION && a->order != b->order)
            return a->order < b->order ? -1 : 1;
    }
    return g_utf8_collate(a->label, b->label);
}

static gint row_cmp(gconstpointer pa, gconstpointer pb, gpointer user)
{
    const struct row *a = pa, *b = pb;
    const sort_ctx_t *ctx = user;
    if (a->others != b->others)
        return a->others ? 1 : -1;
    if (!ctx->by_name) {
        double va = a->value != a->value ? -INFINITY : a->value;
        double vb = b->value != b->value ? -INFINITY : b->value;
        if (va != vb)
            return va > vb ? -1 : 1;
    }
    return cmp_name(a, b, ctx->res->key[0]);
}

static gint col_cmp(gconstpointer pa, gconstpointer pb, gpointer user)
{
    const struct {
        int order;
        double total;
        const char *label;
        size_t id;
    } *a = pa, *b = pb;
    aidstat_key_t key = *(aidstat_key_t *)user;
    if (key == AIDSTAT_KEY_DONOR && a->total != b->total)
        return a->total > b->total ? -1 : 1;
    if (key != AIDSTAT_KEY_DONOR && a->order != b->order)
        return a->order < b->order ? -1 : 1;
    return g_utf8_collate(a->label, b->label);
}

/* A row's --stat over its records of measure m. */
static double row_stat(const aidstat_compare_t *c, size_t i, const cell_t *rt, int m, aidstat_stat_t st)
{
    if (st == AIDSTAT_STAT_COUNT)
        return (double)rt->n[m];
    if (st == AIDSTAT_STAT_MEAN)
        return rt->n[m] ? cell_value(rt, m) / (double)rt->n[m] : NAN;
    GArray *all = i < c->values->len ? g_ptr_array_index(c->values, i) : NULL;
    GArray *v = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint k = 0; all && k < all->len; k++) {
        sample_t *smp = &g_array_index(all, sample_t, k);
        if (smp->measure == m)
            g_array_append_val(v, smp->value);
    }
    double out = NAN;
    aidstat_summary_t sum;
    if (v->len && aidstat_summary_compute((double *)(void *)v->data, v->len, &sum, NULL) == AIDSTAT_OK)
        out = st == AIDSTAT_STAT_MEDIAN ? sum.median
              : st == AIDSTAT_STAT_MIN  ? sum.min
              : st == AIDSTAT_STAT_MAX  ? sum.max
                                        : sum.sd;
    g_array_free(v, TRUE);
    return out;
}

/* What a grouped result must say: groups that share a donor (only then
 * do shares fail to add up), and the donors outside every group. */
static void groups_notes(const aidstat_compare_t *c, aidstat_result_t *res)
{
    const aidstat_compare_options_t *o = &c->opt;
    GString *names = g_string_new(NULL);
    size_t shared = aid_groups_shared(&c->groups, res->measure, names);
    res->groups_overlap = shared > 0 && (o->by[0] == AIDSTAT_KEY_REGION || o->by[1] == AIDSTAT_KEY_REGION);
    if (shared && o->by[0] == AIDSTAT_KEY_REGION && res->additive)
        note_coded(res, AIDSTAT_NOTE_SHARES_OVERLAP, names->str, shared, 0, "%s",
                   aidstat_filter_donors_set(o->filter)
                       ? L_("a donor can belong to several groups: shares are of the total of all selected "
                            "donors and do not add up to 100 %")
                       : L_("a donor can belong to several groups: shares are of the all-donor total and do "
                            "not add up to 100 %"));
    if (shared && o->by[1] == AIDSTAT_KEY_REGION)
        note_coded(res, AIDSTAT_NOTE_COLUMNS_OVERLAP, names->str, shared, 0, "%s",
                   L_("a donor can belong to several groups: region columns overlap"));
    g_string_free(names, TRUE);
    size_t n = 0;
    char *outside = aid_groups_outside_note(&c->groups, res->measure, res->currency, &n);
    if (outside) {
        note_coded(res, AIDSTAT_NOTE_OUTSIDE_GROUPS, NULL, n, 0, "%s", outside);
        g_free(outside);
    }
}

/* Sums of finite values that overflow a double come out as inf or (from
 * the compensation term) NaN: an error naming the group, never "n/a". */
static bool result_finite(const aidstat_result_t *res, aidstat_error_t *err)
{
    if (res->stat != AIDSTAT_STAT_SUM)
        return true; /* an sd or a median of one record is n/a, rightly */
    const char *where = NULL, *col = NULL;
    for (size_t i = 0; i < res->nrows && !where; i++) {
        if (!isfinite(res->rows[i].abs))
            where = res->rows[i].label;
        for (size_t j = 0; j < res->ncols && !where; j++)
            if (!isfinite(res->rows[i].cells[j]))
                where = res->rows[i].label, col = res->col_labels[j];
    }
    bool total = false;
    for (size_t j = 0; j < res->ncols && !where; j++)
        if (!isfinite(res->col_totals[j]))
            total = true, col = res->col_labels[j];
    total |= !where && res->additive && !isfinite(res->total);
    if (!where && !total)
        return true;
    char *what = where ? g_strdup_printf("\"%s\"", where) : g_strdup("the total");
    aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                  "the sum for %s%s%s%s is too large to compute (it overflows a double, "
                  "beyond 1.8e308): check the values' unit",
                  what, col ? " in column \"" : "", col ? col : "", col ? "\"" : "");
    g_free(what);
    return false;
}

/* What the phases of aidstat_compare_finish share. */
typedef struct {
    int order;
    double total;
    const char *label;
    size_t id;
} colsort_t; /* as col_cmp reads it */

typedef struct {
    aidstat_compare_t *c;
    const aidstat_compare_options_t *o;
    aidstat_result_t *res;
    int measure;
    bool overlap, split; /* rows are groups; groups that split the total */
    colsort_t *cs;       /* the columns shown, in order */
    size_t ncols;
    keyset_t *K0; /* the row keys, nall of them */
    size_t nall;
    /* --per: the reference table, or NULL for figures from the data */
    const aidstat_reftable_t *ref;
    const char *what; /* "GDP", "military expenditure", "population" */
    int ref_year;
    bool percent, convert;
    size_t ref_older; /* rows given an earlier year, named in older_names */
    GString *older_names;
    int used_lo, used_hi; /* the table years actually used */
    double gdp_abs, gdp_sum;
    size_t no_gdp; /* rows without a figure, named in no_gdp_names */
    GString *no_gdp_names;
    /* a table's 0 (SIPRI: Iceland has no armed forces) is a figure, but
     * nothing to divide by: said apart from a missing one */
    GString *zero_names;
} finish_t;

/* The result, with what the selection says of the records. */
static aidstat_result_t *finish_begin(finish_t *F, aid_selected_t *sel, bool by_measure)
{
    aidstat_compare_t *c = F->c;
    const aidstat_compare_options_t *o = F->o;
    int measure = F->measure;
    aidstat_result_t *res = g_new0(aidstat_result_t, 1);
    F->res = res;
    res->key[0] = o->by[0];
    res->key[1] = o->by[1];
    res->per = o->per;
    res->measure = measure;
    res->notes = g_array_new(FALSE, TRUE, sizeof(note_t));
    g_array_set_clear_func(res->notes, note_clear);
    res->conc_why = g_strdup("");
    /* the result takes the selection's strings */
    res->types = sel->types;
    res->currency = sel->currency;
    res->filter = sel->filter;
    res->source = sel->source;
    res->y0 = sel->y0, res->m0 = sel->m0, res->y1 = sel->y1, res->m1 = sel->m1;
    res->records = sel->records;
    res->rows_read = c->sel.rows_read;
    res->rows_rejected = c->sel.rows_rejected;
    res->stat = o->stat;
    res->cumulative = o->cumulative;
    res->basis = o->normalize ? aidstat_normalize_describe(o->normalize) : g_strdup("");
    for (guint i = 0; i < sel->caveats->len; i++)
        note(res, "%s", (const char *)g_ptr_array_index(sel->caveats, i));
    g_ptr_array_free(sel->caveats, TRUE);
    char *unsized = aid_selected_unsized_note(sel);
    if (unsized)
        note_coded(res, AIDSTAT_NOTE_SIZE_UNKNOWN, sel->currency, sel->unsized, 0, "%s", unsized);
    g_free(unsized);
    char *straddled = aid_selection_straddled_note(&c->sel, o->filter, measure);
    if (straddled)
        note(res, "%s", straddled);
    g_free(straddled);
    res->additive = !by_measure && o->per == AIDSTAT_PER_NONE && !o->cumulative &&
                    (o->stat == AIDSTAT_STAT_SUM || o->stat == AIDSTAT_STAT_COUNT);
    F->overlap = o->by[0] == AIDSTAT_KEY_REGION;
    /* groups that split the total fold and accumulate like any rows */
    F->split = F->overlap && aid_groups_partition(&c->groups, measure);
    return res;
}

/* Columns: those with records in the measure, in their natural order. */
static void finish_columns(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    aidstat_compare_t *c = F->c;
    int measure = F->measure;
    keyset_t *K1 = &c->keys[1];
    size_t ncols_all = o->by[1] ? aid_intern_count(&K1->names) : 0;
    colsort_t *cs = g_new0(colsort_t, ncols_all + 1);
    size_t ncols = 0;
    for (size_t j = 0; j < ncols_all; j++) {
        cell_t *ct = &g_array_index(c->col_total, cell_t, j);
        if (!cell_count(ct, measure))
            continue;
        cs[ncols].order = g_array_index(K1->order, int, j);
        cs[ncols].total = cell_pick(ct, measure);
        cs[ncols].label = aid_intern_str(&K1->names, (uint32_t)j);
        cs[ncols].id = j;
        ncols++;
    }
    aidstat_key_t k1 = o->by[1];
    g_qsort_with_data(cs, (gint)ncols, sizeof *cs, col_cmp, &k1);
    res->ncols = ncols;
    res->col_labels = g_new0(char *, ncols + 1);
    res->col_totals = g_new0(double, ncols + 1);
    for (size_t j = 0; j < ncols; j++) {
        res->col_labels[j] = aid_label_people(o->by[1], cs[j].label, NULL);
        res->col_totals[j] = cs[j].total;
    }
    F->cs = cs;
    F->ncols = ncols;
}

/* --per: the reference table and what it holds. */
static bool finish_reference(finish_t *F, int y1, aidstat_error_t *err)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    /* GDP, population or military expenditure from a table: one year for
     * every donor (the selection's last, unless asked), in the data's
     * currency */
    const aidstat_reftable_t *ref = o->per == AIDSTAT_PER_GDP      ? o->gdp
                                    : o->per == AIDSTAT_PER_CAPITA ? o->population
                                    : o->per == AIDSTAT_PER_MILEX  ? o->milex
                                                                   : NULL;
    bool money = o->per == AIDSTAT_PER_GDP || o->per == AIDSTAT_PER_MILEX;
    F->percent = money;
    const char *what = o->per == AIDSTAT_PER_GDP     ? "GDP"
                       : o->per == AIDSTAT_PER_MILEX ? "military expenditure"
                                                     : "population";
    int asked_year = o->per == AIDSTAT_PER_MILEX ? o->milex_year : o->gdp_year;
    F->ref_year = asked_year ? asked_year : y1;
    F->ref = ref;
    F->what = what;
    bool convert = F->convert = ref && money && strcmp(aidstat_reftable_currency(ref), res->currency) != 0;
    if (convert && !o->gdp_rates) {
        aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                      "\001per %s\002: the %s table is in %s and the data in %s: give a rates table with "
                      "\001rates FILE\002",
                      per_name(o->per), o->per == AIDSTAT_PER_GDP ? _("GDP") : _("military expenditure"),
                      aidstat_reftable_currency(ref), res->currency);
        return false;
    }
    return true;
}

/* The reference table's figure for a row (--per gdp, capita, milex), in
 * the data's currency; *zero when the table says 0. false on an error. */
static bool row_reference(finish_t *F, struct row *row, bool *zero, aidstat_error_t *err)
{
    const aidstat_compare_options_t *o = F->o;
    const aidstat_result_t *res = F->res;
    const aidstat_reftable_t *ref = F->ref;
    const char *what = F->what;
    bool convert = F->convert;
    int y = F->ref_year;
    double v = aidstat_reftable_get(ref, row->code, row->label, y);
    if (isnan(v)) {
        /* the latest earlier year the table has for this donor */
        int ly = aidstat_reftable_latest_year(ref, row->code, row->label);
        if (ly && ly < y) {
            y = ly;
            v = aidstat_reftable_get(ref, row->code, row->label, ly);
            if (F->ref_older++ < 5)
                g_string_append_printf(F->older_names, "%s%s", F->older_names->len ? ", " : "", row->label);
        }
    }
    if (!isnan(v) && convert) {
        /* at the average rate of the GDP's own year */
        double rate = aidstat_rates_get(o->gdp_rates, aidstat_reftable_currency(ref), res->currency, y, 0);
        int mf = 0, ml = 0;
        int months = aidstat_rates_year_months(o->gdp_rates, aidstat_reftable_currency(ref), res->currency, y,
                                               &mf, &ml);
        if (isnan(rate) || months < 12) {
            if (isnan(rate) || !months)
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "\001per %s\002: no %s rate for %d in %s to convert %s's %s", per_name(o->per),
                              aidstat_reftable_currency(ref), y, aidstat_rates_describe(o->gdp_rates),
                              row->label, what);
            else { /* a yearly average of part of the year is not the year's */
                char a[32], b[32];
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "\001per %s\002: the %s to %s rate for %d would be an average of "
                              "%s to %s only (%d months in %s), not of the year, to "
                              "convert %s's %s",
                              per_name(o->per), aidstat_reftable_currency(ref), res->currency, y,
                              aidstat_period_format(y, mf, a, sizeof a),
                              aidstat_period_format(y, ml, b, sizeof b), months,
                              aidstat_rates_describe(o->gdp_rates), row->label, what);
            }
            return false;
        }
        v *= rate;
    }
    if (!isnan(v)) {
        F->used_lo = F->used_lo ? MIN(F->used_lo, y) : y;
        F->used_hi = MAX(F->used_hi, y);
    }
    if (v == 0) {
        *zero = true;
        g_string_append_printf(F->zero_names, "%s%s", F->zero_names->len ? ", " : "", row->label);
    }
    row->gdp = isnan(v) ? 0 : v;
    return true;
}

/* A row's value as a ratio to its GDP, population or military
 * expenditure, added to the ratio of the totals. */
static void row_ratio(finish_t *F, struct row *row, bool zero)
{
    const aidstat_compare_options_t *o = F->o;
    if (o->per == AIDSTAT_PER_CAPITA) {
        if (row->gdp > 0) {
            row->value = row->abs / row->gdp;
            F->gdp_abs += row->abs;
            F->gdp_sum += row->gdp;
        } else {
            row->value = NAN;
            if (!zero) {
                F->no_gdp++;
                g_string_append_printf(F->no_gdp_names, "%s%s", F->no_gdp_names->len ? ", " : "", row->label);
            }
        }
    }
    if (F->percent) {
        if (row->gdp > 0) {
            row->value = row->abs / row->gdp * 100.0;
            F->gdp_abs += row->abs;
            F->gdp_sum += row->gdp;
        } else {
            row->value = NAN;
            if (!zero) {
                F->no_gdp++;
                g_string_append_printf(F->no_gdp_names, "%s%s", F->no_gdp_names->len ? ", " : "", row->label);
            }
        }
    }
}

/* Rows: one per key with records, with their cells. */
static bool finish_rows(finish_t *F, aidstat_error_t *err)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    aidstat_compare_t *c = F->c;
    int measure = F->measure;
    keyset_t *K0 = F->K0 = &c->keys[0];
    size_t nall = F->nall = aid_intern_count(&K0->names);
    res->rows = g_new0(struct row, nall + 1);
    size_t n = 0;
    for (size_t i = 0; i < nall; i++) {
        cell_t *rt = &g_array_index(c->row_total, cell_t, i);
        if (!cell_count(rt, measure))
            continue;
        struct row *row = &res->rows[n++];
        row->code = g_strdup(g_array_index(K0->code, const char *, i));
        row->label = aid_label_people(o->by[0], aid_intern_str(&K0->names, (uint32_t)i), row->code);
        row->order = g_array_index(K0->order, int, i);
        row->abs = cell_pick(rt, measure);
        row->gdp = g_array_index(K0->gdp, double, i);
        if (o->by[0] == AIDSTAT_KEY_MEASURE)
            row->abs = cell_value(rt, row->order);
        int rm = o->by[0] == AIDSTAT_KEY_MEASURE ? row->order : measure;
        if (o->stat != AIDSTAT_STAT_SUM)
            row->abs = row_stat(c, i, rt, rm, o->stat);
        row->value = row->abs;
        bool zero = false;
        if (F->ref && !row_reference(F, row, &zero, err)) {
            res->nrows = n;
            return false;
        }
        row_ratio(F, row, zero);
        row->cells = g_new0(double, F->ncols + 1);
        GArray *cells = g_ptr_array_index(c->cells, i);
        for (size_t j = 0; j < F->ncols; j++) {
            size_t id = F->cs[j].id;
            row->cells[j] = id < cells->len ? cell_pick(&g_array_index(cells, cell_t, id), measure) : 0.0;
        }
    }
    res->nrows = n;
    g_free(F->cs);
    F->cs = NULL;
    return true;
}

/* What --per divides by, as a note's sentence names it. */
static const char *per_what_people(aidstat_per_t per)
{
    return per == AIDSTAT_PER_GDP     ? L_("GDP")
           : per == AIDSTAT_PER_MILEX ? L_("military expenditure")
                                      : L_("population");
}

/* "no GDP in the data for EU (Commission and Council)": whole sentences,
 * since their words agree with the figure named. */
static char *no_reference(aidstat_per_t per, bool table, const char *names)
{
    const char *fmt =
        per == AIDSTAT_PER_GDP ? (table ? L_("no GDP in the table for %s") : L_("no GDP in the data for %s"))
        : per == AIDSTAT_PER_MILEX
            ? (table ? L_("no military expenditure in the table for %s")
                     : L_("no military expenditure in the data for %s"))
            : (table ? L_("no population in the table for %s") : L_("no population in the data for %s"));
    return g_strdup_printf(fmt, names);
}

/* "GDP is 0 in the table for Iceland: no ratio" */
static char *zero_reference(aidstat_per_t per, const char *names)
{
    const char *fmt = per == AIDSTAT_PER_GDP ? L_("GDP is 0 in the table for %s: no ratio")
                      : per == AIDSTAT_PER_MILEX
                          ? L_("military expenditure is 0 in the table for %s: no ratio")
                          : L_("population is 0 in the table for %s: no ratio");
    return g_strdup_printf(fmt, names);
}

/* --per: what the ratios rest on, and the rows without one. */
static bool finish_ratio_notes(finish_t *F, aidstat_error_t *err)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    const aidstat_reftable_t *ref = F->ref;
    const char *what = F->what;
    bool convert = F->convert;
    if (o->per != AIDSTAT_PER_NONE) {
        if (F->gdp_sum == 0) {
            if (ref)
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "\001per %s\002: the table has no %s for any selected donor", per_name(o->per),
                              what);
            else
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "\001per %s\002: the data has no %s for any selected donor", per_name(o->per),
                              what);
            return false;
        }
        if (ref) {
            char years[32];
            if (F->used_lo == F->used_hi)
                snprintf(years, sizeof years, "%d", F->used_hi);
            else
                snprintf(years, sizeof years, "%d–%d", F->used_lo, F->used_hi);
            const char *whatp = per_what_people(o->per);
            if (convert)
                note(res, L_("%s of %s from %s, converted to %s at that year's average rate: %s"), whatp,
                     years, aidstat_reftable_describe(ref), res->currency,
                     aidstat_rates_describe(o->gdp_rates));
            else
                note(res, L_("%s of %s from %s"), whatp, years, aidstat_reftable_describe(ref));
            if (F->ref_older)
                note(res,
                     LP_("the table has no %s for %d: the latest earlier year is used for %zu donor (%s%s)",
                         "the table has no %s for %d: the latest earlier year is used for %zu donors (%s%s)",
                         F->ref_older),
                     whatp, F->ref_year, F->ref_older, F->older_names->str, F->ref_older > 5 ? ", ..." : "");
        } else {
            int gy = 0;
            for (size_t i = 0; i < F->nall && !gy; i++)
                gy = g_array_index(F->K0->gdp_year, int, i);
            if (gy)
                note(res, L_("GDP: %d, from the data"), gy);
        }
        if (F->no_gdp) {
            char *subject = no_reference(o->per, ref != NULL, F->no_gdp_names->str);
            note_coded(res, AIDSTAT_NOTE_NO_RATIO, subject, F->no_gdp, 0,
                       L_("%s: shown as n/a and left out of the total"), subject);
            g_free(subject);
        }
        if (F->zero_names->len) {
            char *subject = zero_reference(o->per, F->zero_names->str);
            note_coded(res, AIDSTAT_NOTE_NO_RATIO, subject, 0, 0,
                       L_("%s, shown as n/a and left out of the total"), subject);
            g_free(subject);
        }
    }
    return true;
}

/* The total row. */
static void finish_totals(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    aidstat_compare_t *c = F->c;
    int measure = F->measure;
    if (o->per != AIDSTAT_PER_NONE) {
        res->total = F->gdp_abs / F->gdp_sum * (F->percent ? 100.0 : 1.0);
        res->total_label = g_strdup(o->per == AIDSTAT_PER_GDP     ? L_("All donors with GDP")
                                    : o->per == AIDSTAT_PER_MILEX ? L_("All donors with milex")
                                                                  : L_("All donors with population"));
    } else if (res->additive && o->stat == AIDSTAT_STAT_COUNT) {
        res->total = (double)cell_count(&c->total, measure);
        res->total_label = g_strdup(L_("Total"));
    } else if (res->additive) {
        res->total = cell_pick(&c->total, measure);
        res->total_label = g_strdup(!F->overlap                            ? L_("Total")
                                    : aidstat_filter_donors_set(o->filter) ? L_("All selected donors")
                                                                           : L_("All donors"));
    } else {
        res->total = NAN;
        res->total_label = g_strdup("");
    }
}

static void finish_measure_columns(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    size_t n = res->nrows;
    res->col_commit = res->col_alloc = -1;
    for (size_t j = 0; o->by[1] == AIDSTAT_KEY_MEASURE && j < F->ncols; j++) {
        if (!strcmp(res->col_labels[j], aidstat_measure_label(AIDSTAT_MEASURE_COMMITMENT)))
            res->col_commit = (long)j;
        if (!strcmp(res->col_labels[j], aidstat_measure_label(AIDSTAT_MEASURE_ALLOCATION)))
            res->col_alloc = (long)j;
    }

    /* measures side by side in columns: rank rows by one of them, the
     * allocations where present, since a sum across measures means nothing */
    if (o->by[1] == AIDSTAT_KEY_MEASURE && F->ncols > 0) {
        size_t pick = 0;
        for (size_t j = 0; j < F->ncols; j++)
            if (!strcmp(res->col_labels[j], aidstat_measure_label(AIDSTAT_MEASURE_ALLOCATION)))
                pick = j;
        for (size_t i = 0; i < n; i++)
            res->rows[i].value = res->rows[i].abs = res->rows[i].cells[pick];
        /* periods are listed in order, not ranked */
        if (!key_is_time(o->by[0])) {
            /* the measure as a word ("allocations"), as titles have it */
            const char *word = NULL;
            for (int m = 0; m < AIDSTAT_MEASURE_COUNT && !word; m++)
                if (!strcmp(res->col_labels[pick], aidstat_measure_label((aidstat_measure_t)m)))
                    word = aidstat_wording_measure(m);
            char *lower = word ? g_strdup(word) : g_utf8_strdown(res->col_labels[pick], -1);
            note_coded(res, AIDSTAT_NOTE_RANKED_BY, lower, 0, 0, L_("rows are ranked by %s"), lower);
            g_free(lower);
        }
    }
}

static void finish_ranks(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    size_t n = res->nrows;
    /* ranks by value */
    sort_ctx_t byval = {res, false};
    g_qsort_with_data(res->rows, (gint)n, sizeof *res->rows, row_cmp, &byval);
    /* ranking measures against each other, or periods, says nothing */
    bool rankable = o->by[0] != AIDSTAT_KEY_MEASURE && !key_is_time(o->by[0]);
    for (size_t i = 0; i < n; i++) {
        struct row *row = &res->rows[i];
        if (!rankable || row->value != row->value)
            row->rank = 0;
        else if (i > 0 && res->rows[i - 1].value == row->value)
            row->rank = res->rows[i - 1].rank;
        else
            row->rank = i + 1;
    }
}

static void finish_concentration(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    size_t n = res->nrows;
    int measure = F->measure;
    /* concentration among donors, before any folding */
    if (o->by[0] == AIDSTAT_KEY_DONOR && !o->by[1] && o->stat == AIDSTAT_STAT_SUM &&
        o->per == AIDSTAT_PER_NONE && measure >= 0 && n > 0) {
        double *v = g_new(double, n);
        for (size_t i = 0; i < n; i++)
            v[i] = res->rows[i].abs;
        aidstat_error_t cerr;
        res->has_conc = aidstat_concentration_compute(v, n, &res->conc, &cerr) == AIDSTAT_OK;
        if (!res->has_conc) {
            /* say which donor, not which sorted value */
            const char *neg = NULL;
            for (size_t i = 0; i < n && !neg; i++)
                if (res->rows[i].abs < 0)
                    neg = res->rows[i].label;
            g_free(res->conc_why);
            res->conc_why =
                neg ? g_strdup_printf(L_("shares of a whole need values of zero or more, and %s's is "
                                         "negative"),
                                      neg)
                    : g_strdup(cerr.message);
        }
        g_free(v);
    }
}

static void finish_top(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    size_t n = res->nrows;
    /* top N: fold the rest into "Others" where adding up is meaningful */
    if (o->top > 0 && n > o->top) {
        size_t rest = n - o->top;
        /* measures side by side still add up column by column */
        if ((res->additive || o->by[1] == AIDSTAT_KEY_MEASURE) && (!F->overlap || F->split) &&
            o->stat == AIDSTAT_STAT_SUM && o->per == AIDSTAT_PER_NONE) {
            struct row *oth = &res->rows[o->top];
            struct row folded = {0};
            folded.others = true;
            folded.others_n = rest;
            folded.cells = g_new0(double, F->ncols + 1);
            for (size_t i = o->top; i < n; i++) {
                struct row *row = &res->rows[i];
                folded.value += row->value;
                folded.abs += row->abs;
                for (size_t j = 0; j < F->ncols; j++)
                    folded.cells[j] += row->cells[j];
                g_free(row->label);
                g_free(row->code);
                g_free(row->cells);
            }
            /* TRANSLATORS: the row that folds the rest of the donors, with their number */
            folded.label = g_strdup_printf(L_("Others (%zu)"), rest);
            folded.code = g_strdup("");
            *oth = folded;
            n = o->top + 1;
        } else {
            for (size_t i = o->top; i < n; i++) {
                g_free(res->rows[i].label);
                g_free(res->rows[i].code);
                g_free(res->rows[i].cells);
            }
            n = o->top;
            const char *what_rows = o->by[0] == AIDSTAT_KEY_REGION ? "groups" : "rows";
            note_coded(res, AIDSTAT_NOTE_NOT_SHOWN, what_rows, rest, o->top,
                       "%zu more %s not shown (only the first %zu)", rest, what_rows, o->top);
        }
        res->nrows = n;
    }
}

static void finish_order(finish_t *F)
{
    const aidstat_compare_options_t *o = F->o;
    aidstat_result_t *res = F->res;
    size_t n = res->nrows;
    /* display order: by value unless asked for names; periods, types and
     * measures read best in their own order */
    aidstat_sort_t sort = o->sort;
    if (sort == AIDSTAT_SORT_DEFAULT)
        sort = (key_is_time(o->by[0]) || o->by[0] == AIDSTAT_KEY_MEASURE) ? AIDSTAT_SORT_NAME
                                                                          : AIDSTAT_SORT_VALUE;
    sort_ctx_t ctx = {res, sort == AIDSTAT_SORT_NAME};
    g_qsort_with_data(res->rows, (gint)n, sizeof *res->rows, row_cmp, &ctx);

    if (o->cumulative) {
        /* running totals need period order, whatever the sort asked */
        sort_ctx_t chrono = {res, true};
        g_qsort_with_data(res->rows, (gint)n, sizeof *res->rows, row_cmp, &chrono);
        double run = 0;
        double *runc = g_new0(double, F->ncols + 1);
        for (size_t i = 0; i < n; i++) {
            struct row *row = &res->rows[i];
            run += row->abs;
            row->value = row->abs = run;
            for (size_t j = 0; j < F->ncols; j++)
                row->cells[j] = runc[j] += row->cells[j];
            row->rank = 0;
        }
        g_free(runc);
    }

    double cum = 0;
    for (size_t i = 0; i < n; i++) {
        struct row *row = &res->rows[i];
        if (res->additive && res->total != 0) {
            row->share = row->abs / res->total;
            cum += row->abs; /* the running total, divided once: no drift from rounded shares */
            /* running shares mean something in value or time order only */
            bool ordered = sort == AIDSTAT_SORT_VALUE || key_is_time(o->by[0]);
            row->cum = (F->overlap && !F->split) || !ordered ? NAN : cum / res->total;
        } else {
            row->share = NAN;
            row->cum = NAN;
        }
    }
}

static void finish_clear(finish_t *F)
{
    g_free(F->cs);
    if (F->older_names)
        g_string_free(F->older_names, TRUE);
    if (F->no_gdp_names)
        g_string_free(F->no_gdp_names, TRUE);
    if (F->zero_names)
        g_string_free(F->zero_names, TRUE);
}

aidstat_result_t *aidstat_compare_finish(aidstat_compare_t *c, aidstat_error_t *err)
{
    const aidstat_compare_options_t *o = &c->opt;
    bool by_measure = o->by[0] == AIDSTAT_KEY_MEASURE || o->by[1] == AIDSTAT_KEY_MEASURE;
    if (c->norm_failed) {
        if (err)
            *err = c->norm_err;
        return NULL;
    }
    if (c->unsplit) {
        aid_sourcing_unsplit(c->unsplit, c->unsplit_file, c->unsplit_line, err);
        return NULL;
    }
    aid_selected_t sel;
    if (aid_selection_choose(&c->sel, o->filter, by_measure, "compare", &sel, err) != AIDSTAT_OK)
        return NULL;

    finish_t F = {0};
    F.c = c;
    F.o = o;
    F.measure = sel.measure;
    F.older_names = g_string_new(NULL);
    F.no_gdp_names = g_string_new(NULL);
    F.zero_names = g_string_new(NULL);
    aidstat_result_t *res = finish_begin(&F, &sel, by_measure);
    finish_columns(&F);
    bool ok = finish_reference(&F, sel.y1, err) && finish_rows(&F, err);
    ok = ok && finish_ratio_notes(&F, err);
    if (ok) {
        finish_totals(&F);
        ok = result_finite(res, err);
    }
    finish_clear(&F);
    if (!ok) {
        aidstat_result_free(res);
        return NULL;
    }
    finish_measure_columns(&F);
    finish_ranks(&F);
    finish_concentration(&F);
    finish_top(&F);
    finish_order(&F);
    groups_notes(c, res);
    return res;
}

void aidstat_result_free(aidstat_result_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nrows; i++) {
        g_free(r->rows[i].label);
        g_free(r->rows[i].code);
        g_free(r->rows[i].cells);
    }
    g_free(r->rows);
    g_strfreev(r->col_labels);
    g_free(r->col_totals);
    g_free(r->total_label);
    g_free(r->types);
    g_free(r->currency);
    g_free(r->source);
    g_free(r->filter);
    g_free(r->basis);
    g_array_free(r->notes, TRUE);
    g_free(r->conc_why);
    g_free(r);
}

/* ----------------------------------------------------------- accessors */

aidstat_key_t aidstat_result_key(const aidstat_result_t *r, int which)
{
    return r->key[which ? 1 : 0];
}
size_t aidstat_result_rows(const aidstat_result_t *r)
{
    return r->nrows;
}
const char *aidstat_result_row_label(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].label;
}
const char *aidstat_result_row_code(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].code;
}
bool aidstat_result_row_is_others(const aidstat_result_t *r, size_t i, size_t *n)
{
    if (n)
        *n = r->rows[i].others_n;
    return r->rows[i].others;
}
double aidstat_result_value(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].value;
}
double aidstat_result_share(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].share;
}
double aidstat_result_cumulative_share(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].cum;
}
size_t aidstat_result_rank(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].rank;
}
double aidstat_result_absolute(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].abs;
}
double aidstat_result_gdp(const aidstat_result_t *r, size_t i)
{
    return r->rows[i].gdp;
}
size_t aidstat_result_cols(const aidstat_result_t *r)
{
    return r->ncols;
}
const char *aidstat_result_col_label(const aidstat_result_t *r, size_t j)
{
    return r->col_labels[j];
}
double aidstat_result_cell(const aidstat_result_t *r, size_t i, size_t j)
{
    return r->rows[i].cells[j];
}
double aidstat_result_col_total(const aidstat_result_t *r, size_t j)
{
    return r->col_totals[j];
}
bool aidstat_result_additive(const aidstat_result_t *r)
{
    return r->additive;
}
double aidstat_result_total(const aidstat_result_t *r)
{
    return r->total;
}
const char *aidstat_result_total_label(const aidstat_result_t *r)
{
    return r->total_label;
}
aidstat_per_t aidstat_result_per(const aidstat_result_t *r)
{
    return r->per;
}
int aidstat_result_measure(const aidstat_result_t *r)
{
    return r->measure;
}
const char *aidstat_result_types(const aidstat_result_t *r)
{
    return r->types;
}
const char *aidstat_result_currency(const aidstat_result_t *r)
{
    return r->currency;
}
void aidstat_result_period(const aidstat_result_t *r, int *y0, int *m0, int *y1, int *m1)
{
    *y0 = r->y0, *m0 = r->m0, *y1 = r->y1, *m1 = r->m1;
}
const char *aidstat_result_source(const aidstat_result_t *r)
{
    return r->source;
}
const char *aidstat_result_filter(const aidstat_result_t *r)
{
    return r->filter;
}
uint64_t aidstat_result_records(const aidstat_result_t *r)
{
    return r->records;
}
uint64_t aidstat_result_rows_read(const aidstat_result_t *r)
{
    return r->rows_read;
}
uint64_t aidstat_result_rows_rejected(const aidstat_result_t *r)
{
    return r->rows_rejected;
}
double aidstat_result_allocated_share(const aidstat_result_t *r, size_t i)
{
    if (r->col_commit < 0 || r->col_alloc < 0)
        return NAN;
    double c, a;
    if (i == (size_t)-1) {
        c = r->col_totals[r->col_commit];
        a = r->col_totals[r->col_alloc];
    } else {
        if (i >= r->nrows)
            return NAN;
        c = r->rows[i].cells[r->col_commit];
        a = r->rows[i].cells[r->col_alloc];
    }
    return c > 0 ? a / c : NAN;
}

bool aidstat_result_concentration(const aidstat_result_t *r, aidstat_concentration_t *out)
{
    if (r->has_conc && out)
        *out = r->conc;
    return r->has_conc;
}
aidstat_stat_t aidstat_result_stat(const aidstat_result_t *r)
{
    return r->stat;
}
bool aidstat_result_cumulative(const aidstat_result_t *r)
{
    return r->cumulative;
}
const char *aidstat_result_basis(const aidstat_result_t *r)
{
    return r->basis ? r->basis : "";
}
size_t aidstat_result_note_count(const aidstat_result_t *r)
{
    return r->notes->len;
}
const char *aidstat_result_note(const aidstat_result_t *r, size_t i)
{
    return g_array_index(r->notes, note_t, i).text;
}
aidstat_note_t aidstat_result_note_code(const aidstat_result_t *r, size_t i)
{
    return g_array_index(r->notes, note_t, i).code;
}
size_t aidstat_result_note_count_param(const aidstat_result_t *r, size_t i, int k)
{
    return (unsigned)k < 2 ? g_array_index(r->notes, note_t, i).param[k] : 0;
}
const char *aidstat_result_note_subject(const aidstat_result_t *r, size_t i)
{
    return g_array_index(r->notes, note_t, i).subject;
}
bool aidstat_result_groups_overlap(const aidstat_result_t *r)
{
    return r->groups_overlap;
}
const char *aidstat_result_concentration_why(const aidstat_result_t *r)
{
    return r->conc_why;
}
