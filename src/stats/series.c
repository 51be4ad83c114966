/* Time series: records summed into regular periods per group.
 *
 * Aid files list flows only where there was activity (the Kiel tracker has
 * no row for a donor's quiet month), so a series is laid on the data's
 * whole span and the gaps are explicit zeros. The span is that of every
 * record of the chosen measure, not of the group's own records, and is cut
 * to the filter's period; the last period may be incomplete (the data ends
 * in April: the year is partial), which callers can ask about.
 */
#include "config.h"
#include "stats/names.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intern.h"
#include "data/intl.h"
#include "data/period.h"
#include "data/region.h"
#include "stats/groups.h"
#include "stats/selection.h"
#include "stats/sum.h"
#include "stats/sourcing.h"

#include <glib.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef aid_sum_t acc_t;

typedef struct {
    aidstat_note_t code;
    size_t param[2];
    char *subject;
} note_info_t;

static void note_info_clear(gpointer p)
{
    g_free(((note_info_t *)p)->subject);
}

struct aidstat_series {
    aidstat_series_options_t opt;
    aid_selection_t sel;
    aid_intern_t names;                        /* group labels */
    GArray *order;                             /* int per group */
    GPtrArray *cells;                          /* per group: GHashTable (period * NM + measure) -> acc_t */
    int span_first[AID_NM], span_last[AID_NM]; /* months covered by all records, year*12+m-1 */
    int sel_first[AID_NM];                     /* the first month of a matched record */
    uint64_t undated[AID_NM];
    uint64_t year_only[AID_NM], by_month[AID_NM]; /* matched records, by how they are dated */
    char *year_only_file;                         /* the first matched record dated by year only */
    long year_only_line;
    uint64_t by_quarter[AID_NM]; /* of by_month: dated by a quarter (at its first month) */
    char *quarter_file;          /* the first matched record dated by a quarter */
    long quarter_line;
    aidstat_error_t norm_err; /* the first record that could not be restated */
    uint64_t norm_failed;
    GHashTable *region_cache;
    aid_intern_t donor_names;
    aid_groups_t donor_groups; /* donors outside the groups, or in several */
    uint64_t unsplit;          /* grouped by sourcing: records no part of a split */
    char *unsplit_file;
    long unsplit_line;
    /* after finish */
    bool finished;
    aid_selected_t what;
    aidstat_interval_t iv; /* the interval used: the one asked for, or chosen from the dates */
    int p0;                /* first period index */
    size_t len;
    int cov_first, cov_last; /* months covered, year*12+m-1 */
    int start_month;         /* the first month of the series: cov_first or later */
    GArray *groups;          /* uint32 group ids, in display order */
    double *values;          /* groups x len */
    GPtrArray *notes;
    GPtrArray *marked; /* the notes with their options marked (AID_OPT) */
    GArray *note_info; /* note_info_t per note: what a front-end words itself */
    char *shared;      /* donors in several of the groups shown: "" when none */
};

int aid_interval_parse(const char *s)
{
    if (!g_ascii_strcasecmp(s, "month") || !g_ascii_strcasecmp(s, "monthly"))
        return AIDSTAT_INTERVAL_MONTH;
    if (!g_ascii_strcasecmp(s, "quarter") || !g_ascii_strcasecmp(s, "quarterly"))
        return AIDSTAT_INTERVAL_QUARTER;
    if (!g_ascii_strcasecmp(s, "year") || !g_ascii_strcasecmp(s, "yearly") ||
        !g_ascii_strcasecmp(s, "annual"))
        return AIDSTAT_INTERVAL_YEAR;
    return -1;
}

aidstat_status_t aidstat_interval_parse(const char *s, aidstat_interval_t *out)
{
    int v = s ? aid_interval_parse(s) : -1;
    if (v < 0)
        return AIDSTAT_ERR_USAGE;
    *out = (aidstat_interval_t)v;
    return AIDSTAT_OK;
}

void aidstat_series_options_init(aidstat_series_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
    opt->interval = AIDSTAT_INTERVAL_AUTO;
}

static void cells_free(gpointer p)
{
    g_hash_table_destroy(p);
}

static void list_free(gpointer p)
{
    g_array_free(p, TRUE);
}

aidstat_series_t *aidstat_series_new(const aidstat_series_options_t *opt, aidstat_error_t *err)
{
    aidstat_series_options_t o;
    aidstat_series_options_init(&o);
    if (!aid_options_take(&o, sizeof o, opt, "aidstat_series_options_init", err))
        return NULL;
    opt = &o;
    aidstat_key_t by = opt->by;
    if (by != AIDSTAT_KEY_NONE && by != AIDSTAT_KEY_DONOR && by != AIDSTAT_KEY_REGION &&
        by != AIDSTAT_KEY_TYPE && by != AIDSTAT_KEY_MEASURE && by != AIDSTAT_KEY_SOURCING) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "\001by %s\002: a series groups by donor, region, type or measure",
                      aidstat_key_name(by));
        return NULL;
    }
    if (by == AIDSTAT_KEY_REGION && !opt->regions) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "grouping by region needs regions");
        return NULL;
    }
    if (opt->interval != AIDSTAT_INTERVAL_AUTO && opt->interval != AIDSTAT_INTERVAL_MONTH &&
        opt->interval != AIDSTAT_INTERVAL_QUARTER && opt->interval != AIDSTAT_INTERVAL_YEAR) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown interval");
        return NULL;
    }
    aidstat_series_t *s = g_new0(aidstat_series_t, 1);
    s->opt = *opt;
    s->iv = opt->interval ? opt->interval : AIDSTAT_INTERVAL_MONTH;
    aid_selection_init(&s->sel);
    aid_intern_init(&s->names);
    aid_intern_init(&s->donor_names);
    s->order = g_array_new(FALSE, TRUE, sizeof(int));
    s->cells = g_ptr_array_new_with_free_func(cells_free);
    s->region_cache = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, list_free);
    s->notes = g_ptr_array_new_with_free_func(g_free);
    s->marked = g_ptr_array_new_with_free_func(g_free);
    s->note_info = g_array_new(FALSE, TRUE, sizeof(note_info_t));
    g_array_set_clear_func(s->note_info, note_info_clear);
    bool grouped = opt->by == AIDSTAT_KEY_REGION || aid_filter_names_groups(opt->filter);
    aid_groups_init(&s->donor_groups, grouped ? opt->regions : NULL, opt->filter);
    for (int m = 0; m < AID_NM; m++)
        s->span_first[m] = s->sel_first[m] = INT_MAX, s->span_last[m] = INT_MIN;
    return s;
}

void aidstat_series_free(aidstat_series_t *s)
{
    if (!s)
        return;
    aid_selection_clear(&s->sel);
    aid_intern_clear(&s->names);
    aid_intern_clear(&s->donor_names);
    g_array_free(s->order, TRUE);
    g_ptr_array_free(s->cells, TRUE);
    g_hash_table_destroy(s->region_cache);
    g_ptr_array_free(s->notes, TRUE);
    g_ptr_array_free(s->marked, TRUE);
    g_array_free(s->note_info, TRUE);
    aid_groups_clear(&s->donor_groups);
    g_free(s->unsplit_file);
    g_free(s->year_only_file);
    g_free(s->quarter_file);
    g_free(s->shared);
    if (s->groups)
        g_array_free(s->groups, TRUE);
    g_free(s->values);
    aid_selected_clear(&s->what);
    g_free(s);
}

static uint32_t group_id(aidstat_series_t *s, const char *label, int order)
{
    uint32_t n = aid_intern_count(&s->names);
    uint32_t id = aid_intern(&s->names, label);
    if (id == n) {
        g_array_append_val(s->order, order);
        g_ptr_array_add(s->cells, g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free));
    }
    return id;
}

/* The groups a record belongs to (several for regions, none for a donor
 * outside every selected region). */
static size_t groups_of(aidstat_series_t *s, const aidstat_record_t *rec, uint32_t *ids, size_t max)
{
    switch (s->opt.by) {
    case AIDSTAT_KEY_DONOR:
        ids[0] = group_id(s, rec->donor, 0);
        return 1;
    case AIDSTAT_KEY_TYPE:
        ids[0] = group_id(s, aidstat_type_label(rec->type), (int)rec->type);
        return 1;
    case AIDSTAT_KEY_MEASURE:
        ids[0] = group_id(s, aidstat_measure_label(rec->measure), (int)rec->measure);
        return 1;
    case AIDSTAT_KEY_SOURCING: {
        const char *label;
        int part = aid_sourcing_part(rec->part, &label);
        if (part < 0) {
            if (!s->unsplit++) {
                s->unsplit_file = g_strdup(rec->file ? rec->file : "");
                s->unsplit_line = rec->line;
            }
            return 0;
        }
        ids[0] = group_id(s, label, part);
        return 1;
    }
    case AIDSTAT_KEY_REGION: {
        const char *dn = aid_intern_str(&s->donor_names, aid_intern(&s->donor_names, rec->donor));
        GArray *list = g_hash_table_lookup(s->region_cache, dn);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(uint32_t));
            for (size_t i = 0; i < aidstat_regions_count(s->opt.regions); i++)
                if (aidstat_filter_has_region(s->opt.filter, s->opt.regions, i) &&
                    aidstat_regions_contains(s->opt.regions, i, rec->iso3, rec->donor)) {
                    uint32_t id = group_id(s, aidstat_regions_name(s->opt.regions, i), (int)i);
                    g_array_append_val(list, id);
                }
            g_hash_table_insert(s->region_cache, (gpointer)dn, list);
        }
        size_t n = MIN(list->len, max);
        for (size_t i = 0; i < n; i++)
            ids[i] = g_array_index(list, uint32_t, i);
        return n;
    }
    default:
        ids[0] = group_id(s, L_("Total"), 0);
        return 1;
    }
}

/* Period index of a month (year*12 + month - 1) under the interval. */
static int period_of(aidstat_interval_t iv, int mk)
{
    int y = mk / 12, m0 = mk % 12;
    switch (iv) {
    case AIDSTAT_INTERVAL_YEAR:
        return y;
    case AIDSTAT_INTERVAL_QUARTER:
        return y * 4 + m0 / 3;
    default:
        return mk;
    }
}

/* First month (year*12 + month - 1) of period p. */
static int period_first_month(aidstat_interval_t iv, int p)
{
    switch (iv) {
    case AIDSTAT_INTERVAL_YEAR:
        return p * 12;
    case AIDSTAT_INTERVAL_QUARTER:
        return (p / 4) * 12 + (p % 4) * 3;
    default:
        return p;
    }
}

int aidstat_series_add(const aidstat_record_t *in, void *series)
{
    aidstat_series_t *s = series;
    int m = in->measure;
    /* the span counts every record, matched or not: quiet groups are zeros */
    if (in->year > 0) {
        int lo = in->year * 12 + aid_record_month_first(in) - 1;
        int hi = in->year * 12 + aid_record_month_last(in) - 1;
        s->span_first[m] = MIN(s->span_first[m], lo);
        s->span_last[m] = MAX(s->span_last[m], hi);
    }
    if (s->opt.filter && !aidstat_filter_match(s->opt.filter, in)) {
        aid_selection_straddled(&s->sel, s->opt.filter, in);
        aidstat_record_t out = *in;
        aidstat_error_t e;
        /* outside every group asked for: counted for the note that says so */
        if (s->donor_groups.donors && in->year > 0 && aid_filter_outside_groups(s->opt.filter, in) &&
            (!s->opt.normalize || aidstat_normalize_record(s->opt.normalize, &out, &e) == AIDSTAT_OK))
            aid_groups_add(&s->donor_groups, &out, false);
        return 0;
    }
    aidstat_record_t copy = *in;
    const aidstat_record_t *rec = in;
    if (s->opt.normalize) {
        aidstat_error_t e;
        aidstat_error_clear(&e);
        if (aidstat_normalize_record(s->opt.normalize, &copy, &e) != AIDSTAT_OK) {
            if (!s->norm_failed++)
                s->norm_err = e;
            return 0;
        }
        rec = &copy;
    }
    if (rec->year <= 0) {
        s->undated[m]++;
        return 0;
    }
    /* cells are kept by month, and by year for records dated by year only:
     * the interval is settled at the end, when the dates are all known */
    int mk = rec->year * 12 + (rec->month ? rec->month - 1 : 0);
    if (rec->month) {
        s->by_month[m]++;
        if ((rec->flags & AIDSTAT_RECORD_QUARTER) && !s->by_quarter[m]++ && !s->quarter_file) {
            s->quarter_file = g_strdup(rec->file ? rec->file : "");
            s->quarter_line = rec->line;
        }
    } else if (!s->year_only[m]++ && !s->year_only_file) {
        s->year_only_file = g_strdup(rec->file ? rec->file : "");
        s->year_only_line = rec->line;
    }
    s->sel_first[m] = MIN(s->sel_first[m], mk);
    aid_selection_add(&s->sel, rec);
    aid_groups_add(&s->donor_groups, rec, true);
    int p = mk * 2 + (rec->month == 0);
    uint32_t ids[256];
    size_t n = groups_of(s, rec, ids, G_N_ELEMENTS(ids));
    for (size_t i = 0; i < n; i++) {
        GHashTable *h = g_ptr_array_index(s->cells, ids[i]);
        gpointer key = GINT_TO_POINTER(p * AID_NM + m);
        acc_t *a = g_hash_table_lookup(h, key);
        if (!a) {
            a = g_new0(acc_t, 1);
            g_hash_table_insert(h, key, a);
        }
        aid_sum_add(a, rec->value);
    }
    return 0;
}

void aidstat_series_add_load_report(aidstat_series_t *s, const aidstat_load_report_t *r)
{
    aid_selection_add_report(&s->sel, r);
}

void aidstat_series_add_caveat(aidstat_series_t *s, const char *caveat)
{
    aid_selection_add_caveat(&s->sel, caveat);
}

static void note(aidstat_series_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(aidstat_series_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_ptr_array_add(s->notes, aid_text_neutral(m));
    g_ptr_array_add(s->marked, m);
    note_info_t info = {AIDSTAT_NOTE_TEXT, {0, 0}, g_strdup("")};
    g_array_append_val(s->note_info, info);
}

/* A note front-ends may word themselves: the last one added is coded. */
static void note_code(aidstat_series_t *s, aidstat_note_t code, const char *subject, size_t p0, size_t p1)
{
    note_info_t *info = &g_array_index(s->note_info, note_info_t, s->note_info->len - 1);
    info->code = code;
    info->param[0] = p0;
    info->param[1] = p1;
    g_free(info->subject);
    info->subject = g_strdup(subject ? subject : "");
}

typedef struct {
    const aidstat_series_t *s;
    const double *totals;
} order_ctx_t;

static gint group_cmp(gconstpointer pa, gconstpointer pb, gpointer user)
{
    const order_ctx_t *ctx = user;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    aidstat_key_t by = ctx->s->opt.by;
    if (by == AIDSTAT_KEY_TYPE || by == AIDSTAT_KEY_MEASURE || by == AIDSTAT_KEY_SOURCING) {
        int oa = g_array_index(ctx->s->order, int, a), ob = g_array_index(ctx->s->order, int, b);
        if (oa != ob)
            return oa < ob ? -1 : 1;
    } else if (ctx->totals[a] != ctx->totals[b]) {
        return ctx->totals[a] > ctx->totals[b] ? -1 : 1;
    }
    return g_utf8_collate(aid_intern_str(&ctx->s->names, a), aid_intern_str(&ctx->s->names, b));
}

static uint64_t count_of(const uint64_t *per_measure, unsigned mset)
{
    uint64_t n = 0;
    for (int m = 0; m < AID_NM; m++)
        if (mset & (1u << m))
            n += per_measure[m];
    return n;
}

/* The interval: the one asked for, or, when none was, yearly for data
 * dated by year (a record without a month has no place in a month) and
 * monthly otherwise. A monthly or quarterly series of records without a
 * month is refused: it would leave them out. */
static aidstat_status_t choose_interval(aidstat_series_t *s, unsigned mset, aidstat_error_t *err)
{
    uint64_t yo = count_of(s->year_only, mset), bm = count_of(s->by_month, mset);
    aidstat_interval_t asked = s->opt.interval;
    /* records dated by a quarter (and none by year only) have no month to
     * be shown in: quarterly unless asked otherwise; monthly is refused */
    uint64_t q = yo ? 0 : count_of(s->by_quarter, mset);
    if (q && asked == AIDSTAT_INTERVAL_AUTO) {
        s->iv = AIDSTAT_INTERVAL_QUARTER;
        return AIDSTAT_OK;
    }
    if (q && asked == AIDSTAT_INTERVAL_MONTH)
        return aid_error_set(err, AIDSTAT_ERR_DATA, s->quarter_file, s->quarter_line, 0,
                             "%" PRIu64 " of the selection's %" PRIu64 " dated records give a quarter but "
                             "no month (this row is the first of them), so a monthly series would show "
                             "each in its quarter's first month; use \001interval quarter\002 or "
                             "\001interval year\002",
                             q, bm);
    if (!yo || asked == AIDSTAT_INTERVAL_YEAR) {
        s->iv = asked ? asked : AIDSTAT_INTERVAL_MONTH;
        return AIDSTAT_OK;
    }
    if (asked == AIDSTAT_INTERVAL_AUTO) {
        s->iv = AIDSTAT_INTERVAL_YEAR;
        return AIDSTAT_OK;
    }
    bool quarterly = asked == AIDSTAT_INTERVAL_QUARTER;
    if (!bm)
        return quarterly ? aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                         "the selection's records are dated by year only, so they make no "
                                         "quarterly series; use \001interval year\002")
                         : aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                         "the selection's records are dated by year only, so they make no "
                                         "monthly series; use \001interval year\002");
    if (quarterly)
        return aid_error_set(err, AIDSTAT_ERR_DATA, s->year_only_file, s->year_only_line, 0,
                             "%" PRIu64 " of the selection's %" PRIu64 " dated records give a year but no "
                             "month (this row is the first of them), so a quarterly series would leave "
                             "them out; use \001interval year\002 to sum every record by year",
                             yo, yo + bm);
    return aid_error_set(err, AIDSTAT_ERR_DATA, s->year_only_file, s->year_only_line, 0,
                         "%" PRIu64 " of the selection's %" PRIu64 " dated records give a year but no "
                         "month (this row is the first of them), so a monthly series would leave them "
                         "out; use \001interval year\002 to sum every record by year",
                         yo, yo + bm);
}

/* The note on an interval chosen from the dates. */
static void interval_note(aidstat_series_t *s, unsigned mset)
{
    uint64_t yo = count_of(s->year_only, mset), bm = count_of(s->by_month, mset);
    uint64_t q = count_of(s->by_quarter, mset);
    if (s->opt.interval == AIDSTAT_INTERVAL_AUTO && !yo && q) {
        if (q == bm)
            note(s, L_("the data are dated by quarter, so the series is quarterly"));
        else
            note(s,
                 LP_("of the %" PRIu64 " records, %" PRIu64 " is dated by quarter: the series is "
                     "quarterly, and those dated by month are summed into their quarters",
                     "of the %" PRIu64 " records, %" PRIu64 " are dated by quarter: the series is "
                     "quarterly, and those dated by month are summed into their quarters",
                     (unsigned long)q),
                 bm, q);
        return;
    }
    if (s->opt.interval != AIDSTAT_INTERVAL_AUTO || !yo)
        return;
    if (!bm)
        note(s, L_("the data are dated by year only, so the series is yearly"));
    else
        note(s,
             LP_("%" PRIu64 " of %" PRIu64 " records are dated by year only, so the series is yearly: "
                 "the %" PRIu64 " dated by month are summed into their years",
                 "%" PRIu64 " of %" PRIu64 " records are dated by year only, so the series is yearly: "
                 "the %" PRIu64 " dated by month are summed into their years",
                 yo),
             yo, yo + bm, bm);
}

/* The periods of the series. The data's span, cut to the filter's period,
 * is what the data cover: it says which periods are complete. The series
 * itself begins with the period of the selection's first record, unless
 * the filter names a start: years before a recipient's first transfer are
 * no part of its trend (SIPRI's register reaches back to 1940). Returns
 * the last month covered. */
static int lay_span(aidstat_series_t *s, unsigned mset)
{
    int first = INT_MAX, last = INT_MIN, sel = INT_MAX;
    for (int m = 0; m < AID_NM; m++)
        if (mset & (1u << m)) {
            first = MIN(first, s->span_first[m]);
            last = MAX(last, s->span_last[m]);
            sel = MIN(sel, s->sel_first[m]);
        }
    int fy, fm, ty, tm;
    aidstat_filter_get_period(s->opt.filter, &fy, &fm, &ty, &tm);
    if (fy)
        first = MAX(first, fy * 12 + (fm ? fm - 1 : 0));
    if (ty)
        last = MIN(last, ty * 12 + (tm ? tm - 1 : 11));
    s->cov_first = first;
    s->cov_last = last;
    int start = first;
    if (!fy && sel != INT_MAX && sel > first)
        start = MAX(first, period_first_month(s->iv, period_of(s->iv, sel)));
    s->start_month = start;
    s->p0 = period_of(s->iv, start);
    s->len = (size_t)(period_of(s->iv, last) - s->p0 + 1);
    return last;
}

aidstat_status_t aidstat_series_finish(aidstat_series_t *s, aidstat_error_t *err)
{
    if (s->finished)
        return AIDSTAT_OK;
    if (s->norm_failed) {
        if (err)
            *err = s->norm_err;
        return s->norm_err.code ? s->norm_err.code : AIDSTAT_ERR_DATA;
    }
    if (s->unsplit)
        return aid_sourcing_unsplit(s->unsplit, s->unsplit_file, s->unsplit_line, err);
    bool side_by_side = s->opt.by == AIDSTAT_KEY_MEASURE;
    if (aid_selection_choose(&s->sel, s->opt.filter, side_by_side, "analyse", &s->what, err) != AIDSTAT_OK)
        return err && err->code ? err->code : AIDSTAT_ERR_DATA;
    unsigned mset = 0;
    for (int m = 0; m < AID_NM; m++)
        if (s->sel.records[m] && (s->what.measure < 0 || s->what.measure == m))
            mset |= 1u << m;

    if (choose_interval(s, mset, err) != AIDSTAT_OK)
        return AIDSTAT_ERR_DATA;
    aidstat_interval_t iv = s->iv;
    uint64_t undated = 0;
    for (int m = 0; m < AID_NM; m++)
        if (mset & (1u << m))
            undated += s->undated[m];
    int last = lay_span(s, mset);

    size_t ng_all = aid_intern_count(&s->names);
    double *totals = g_new0(double, ng_all + 1);
    double *grid = g_new0(double, (ng_all + 1) * s->len);
    s->groups = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    for (uint32_t g = 0; g < ng_all; g++) {
        GHashTable *h = g_ptr_array_index(s->cells, g);
        GHashTableIter it;
        gpointer key, val;
        bool any = false;
        g_hash_table_iter_init(&it, h);
        while (g_hash_table_iter_next(&it, &key, &val)) {
            int k = GPOINTER_TO_INT(key);
            int m = k % AID_NM, p = period_of(iv, k / AID_NM / 2);
            if (!(mset & (1u << m)))
                continue;
            long t = (long)p - s->p0;
            if (t < 0 || (size_t)t >= s->len)
                continue; /* cannot happen: the span holds every matched record */
            acc_t *a = val;
            grid[g * s->len + (size_t)t] += aid_sum_value(a);
            totals[g] += aid_sum_value(a);
            any = true;
        }
        if (any)
            g_array_append_val(s->groups, g);
        /* sums of finite values that overflow a double: an error naming the
         * group, never a line that leaves the chart */
        for (size_t t = 0; any && t < s->len; t++)
            if (!isfinite(grid[g * s->len + t]) || !isfinite(totals[g])) {
                char label[32];
                aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                              "the sum for \"%s\" in %s is too large to compute (it overflows a "
                              "double, beyond 1.8e308): check the values' unit",
                              aid_intern_str(&s->names, g),
                              aidstat_series_period_label(s, t, label, sizeof label));
                g_free(totals);
                g_free(grid);
                return AIDSTAT_ERR_DATA;
            }
    }
    order_ctx_t ctx = {s, totals};
    g_array_sort_with_data(s->groups, group_cmp, &ctx);
    s->values = g_new0(double, s->groups->len * s->len + 1);
    for (guint i = 0; i < s->groups->len; i++)
        memcpy(s->values + i * s->len, grid + g_array_index(s->groups, uint32_t, i) * s->len,
               s->len * sizeof(double));
    g_free(grid);
    g_free(totals);

    for (guint i = 0; s->what.caveats && i < s->what.caveats->len; i++)
        note(s, "%s", (const char *)g_ptr_array_index(s->what.caveats, i));
    char *straddled = aid_selection_straddled_note(&s->sel, s->opt.filter, s->what.measure);
    if (straddled)
        note(s, "%s", straddled);
    g_free(straddled);
    char *unsized = aid_selected_unsized_note(&s->what);
    if (unsized) {
        note(s, "%s", unsized);
        note_code(s, AIDSTAT_NOTE_SIZE_UNKNOWN, s->what.currency, s->what.unsized, 0);
    }
    g_free(unsized);
    if (undated)
        note(s,
             LP_("%" PRIu64 " record without a date is not in the series",
                 "%" PRIu64 " records without a date are not in the series", undated),
             undated);
    interval_note(s, mset);
    if (s->start_month > s->cov_first) {
        char a[32], b[32];
        int y0 = s->start_month / 12, m0 = s->start_month % 12 + 1;
        int y1 = s->cov_first / 12, m1 = s->cov_first % 12 + 1;
        bool by_month = iv != AIDSTAT_INTERVAL_YEAR;
        note(s, L_("the series begins with the selection's first record, in %s; the data begin in %s"),
             aidstat_period_format(y0, by_month ? m0 : 0, a, sizeof a),
             aidstat_period_format(y1, by_month ? m1 : 0, b, sizeof b));
    }
    if (s->len && !aidstat_series_period_complete(s, s->len - 1)) {
        char b[32];
        note(s, L_("the last period, %s, is incomplete: the data ends in %s"),
             aidstat_series_period_label(s, s->len - 1, b, sizeof b),
             aidstat_period_format(last / 12, last % 12 + 1, (char[32]){0}, 32));
    }
    GString *shared = g_string_new(NULL);
    if (aid_groups_shared(&s->donor_groups, s->what.measure, shared) && s->opt.by == AIDSTAT_KEY_REGION)
        note(s, L_("the groups share donors (%s): each counts in every group it belongs to"), shared->str);
    else
        g_string_truncate(shared, 0);
    s->shared = g_string_free(shared, FALSE);
    char *outside = aid_groups_outside_note(&s->donor_groups, s->what.measure, s->what.currency, NULL);
    if (outside)
        note(s, "%s", outside);
    g_free(outside);
    s->finished = true;
    return AIDSTAT_OK;
}

const char *aidstat_series_shared_donors(const aidstat_series_t *s)
{
    return s->shared ? s->shared : "";
}

aidstat_key_t aidstat_series_key(const aidstat_series_t *s)
{
    return s->opt.by;
}

size_t aidstat_series_groups(const aidstat_series_t *s)
{
    return s->groups ? s->groups->len : 0;
}

const char *aidstat_series_group(const aidstat_series_t *s, size_t g)
{
    return aid_intern_str(&s->names, g_array_index(s->groups, uint32_t, g));
}

size_t aidstat_series_length(const aidstat_series_t *s)
{
    return s->len;
}

aidstat_interval_t aidstat_series_interval(const aidstat_series_t *s)
{
    return s->iv;
}

void aidstat_series_period(const aidstat_series_t *s, size_t t, int *year, int *month)
{
    int mk = period_first_month(s->iv, s->p0 + (int)t);
    *year = mk / 12;
    *month = mk % 12 + 1;
}

char *aidstat_series_period_label(const aidstat_series_t *s, size_t t, char *buf, size_t len)
{
    int y, m;
    aidstat_series_period(s, t, &y, &m);
    if (s->iv == AIDSTAT_INTERVAL_YEAR)
        snprintf(buf, len, "%d", y);
    else if (s->iv == AIDSTAT_INTERVAL_QUARTER)
        snprintf(buf, len, "%d Q%d", y, (m - 1) / 3 + 1);
    else
        snprintf(buf, len, "%d-%02d", y, m);
    return buf;
}

void aidstat_series_span(const aidstat_series_t *s, int *y0, int *m0, int *y1, int *m1)
{
    *y0 = s->start_month / 12, *m0 = s->start_month % 12 + 1;
    *y1 = s->cov_last / 12, *m1 = s->cov_last % 12 + 1;
}

bool aidstat_series_period_complete(const aidstat_series_t *s, size_t t)
{
    int p = s->p0 + (int)t;
    int lo = period_first_month(s->iv, p);
    int hi = period_first_month(s->iv, p + 1) - 1;
    return lo >= s->cov_first && hi <= s->cov_last;
}

const double *aidstat_series_values(const aidstat_series_t *s, size_t g)
{
    return s->values + g * s->len;
}

int aidstat_series_measure(const aidstat_series_t *s)
{
    return s->what.measure;
}
const char *aidstat_series_types(const aidstat_series_t *s)
{
    return s->what.types ? s->what.types : "";
}
const char *aidstat_series_currency(const aidstat_series_t *s)
{
    return s->what.currency ? s->what.currency : "";
}
const char *aidstat_series_source(const aidstat_series_t *s)
{
    return s->what.source ? s->what.source : "";
}
const char *aidstat_series_filter(const aidstat_series_t *s)
{
    return s->what.filter ? s->what.filter : "";
}
uint64_t aidstat_series_records(const aidstat_series_t *s)
{
    return s->what.records;
}
uint64_t aidstat_series_rows_read(const aidstat_series_t *s)
{
    return s->sel.rows_read;
}
uint64_t aidstat_series_rows_rejected(const aidstat_series_t *s)
{
    return s->sel.rows_rejected;
}
size_t aidstat_series_note_count(const aidstat_series_t *s)
{
    return s->notes->len;
}
const char *aidstat_series_note(const aidstat_series_t *s, size_t i)
{
    return g_ptr_array_index(s->notes, i);
}
const char *aidstat_series_note_marked(const aidstat_series_t *s, size_t i)
{
    return g_ptr_array_index(s->marked, i);
}
aidstat_note_t aidstat_series_note_code(const aidstat_series_t *s, size_t i)
{
    return g_array_index(s->note_info, note_info_t, i).code;
}
size_t aidstat_series_note_count_param(const aidstat_series_t *s, size_t i, int k)
{
    return (unsigned)k < 2 ? g_array_index(s->note_info, note_info_t, i).param[k] : 0;
}
const char *aidstat_series_note_subject(const aidstat_series_t *s, size_t i)
{
    return g_array_index(s->note_info, note_info_t, i).subject;
}
