/* Inline figures: "{{ sum type=military region=europe | eur_bn }}". Each
 * is a function of a selection, computed from the report's data when the
 * report is built, so a sentence stays true with every release. */
#include "config.h"
#include "report/report.h"
#include "data/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const filter_keys[] = {"type", "measure",  "donor",  "recipient", "region",
                                          "from", "to",       "period", "baseline",  "n",
                                          "data", "interval", NULL};

/* "\u20ac64.6 bn" and friends. */
static char *format_value(const aid_rdata_t *d, double v, const char *fmt, const char *currency,
                          const char *deflt)
{
    char buf[96];
    const char *f = fmt ? fmt : deflt;
    if (!strcmp(f, "pct")) {
        char n[64];
        aid_num(v, fabs(v) < 10 ? 1 : 0, d->locale, n, sizeof n);
        snprintf(buf, sizeof buf, "%s %%", n);
    } else if (!strcmp(f, "pct1")) {
        char n[64];
        aid_num(v, 1, d->locale, n, sizeof n);
        snprintf(buf, sizeof buf, "%s %%", n);
    } else if (!strcmp(f, "eur_bn")) {
        aid_money(v, currency, 1e9, fabs(v) >= 100e9 ? 0 : 1, d->locale, buf, sizeof buf);
    } else if (!strcmp(f, "eur_m")) {
        aid_money(v, currency, 1e6, fabs(v) >= 100e6 ? 0 : 1, d->locale, buf, sizeof buf);
    } else if (!strcmp(f, "money")) {
        /* the scale every door picks: SIPRI's TIV in whole millions, as compare and charts print it */
        double a = fabs(v);
        double scale = aidstat_scale_pick_for(currency, a);
        bool whole = a / scale >= 100 || aidstat_currency_is_tiv(currency);
        aid_money(v, currency, scale, whole ? 0 : 1, d->locale, buf, sizeof buf);
    } else if (!strcmp(f, "int")) {
        aid_num(v, 0, d->locale, buf, sizeof buf);
    } else {
        aid_num(v, fabs(v) >= 100 ? 0 : 1, d->locale, buf, sizeof buf);
    }
    /* a figure is one word to the line breaker: "31 %" and "\u20ac5.6 bn" never
     * break between the number and its unit (no-break spaces) */
    GString *o = g_string_sized_new(strlen(buf) + 8);
    for (const char *p = buf; *p; p++) {
        if (*p == ' ')
            g_string_append(o, "\u00A0");
        else
            g_string_append_c(o, *p);
    }
    return g_string_free(o, FALSE);
}

static bool known_format(const char *f)
{
    static const char *const formats[] = {"eur_bn", "eur_m", "money", "pct", "pct1",
                                          "num",    "int",   "text",  NULL};
    for (const char *const *p = formats; *p; p++)
        if (!strcmp(*p, f))
            return true;
    return false;
}

/* Yearly totals of the selection from a yearly series; false when the
 * year is not complete in the data. */
/* A year written as a whole number, or 0. */
static int whole_year(const char *s)
{
    double y;
    return s && aidstat_number_read(s, true, 1900, 2100, &y) == AIDSTAT_NUMBER_OK ? (int)y : 0;
}

/* "YYYY" or "YYYY-YYYY". */
static bool baseline_years(const char *s, int *b0, int *b1)
{
    const char *dash = strchr(s, '-');
    char *first = dash ? g_strndup(s, (gsize)(dash - s)) : g_strdup(s);
    *b0 = whole_year(first);
    *b1 = dash ? whole_year(dash + 1) : *b0;
    g_free(first);
    return *b0 && *b1;
}

/* {{ sourced }}: the sourcing split's total as a share of the military
 * allocations of the report's data over the split's months. NULL with err
 * when there is no split or nothing to divide by. */
static char *sourced(const aid_rdata_t *d, const char *file, const char *fmt, aidstat_error_t *err)
{
    if (!d->sourcing) {
        aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                      "no sourcing split is loaded (procurement_trends.csv beside the data)");
        return NULL;
    }
    char *out = NULL;
    aid_rdata_t split = *d;
    split.table = d->sourcing;
    aid_opts_t none, mil;
    aid_opts_init(&none, file);
    aid_opts_init(&mil, file);
    aidstat_filter_t *fs = aid_query_filter(&split, &none, false, err), *fm = NULL;
    aidstat_result_t *a = fs ? aid_query_compare(&split, &none, fs, AIDSTAT_KEY_DONOR, err) : NULL, *b = NULL;
    if (a) {
        int y0, m0, y1, m1;
        aidstat_result_period(a, &y0, &m0, &y1, &m1);
        char from[16], to[16];
        snprintf(from, sizeof from, "%04d-%02d", y0, m0 ? m0 : 1);
        snprintf(to, sizeof to, "%04d-%02d", y1, m1 ? m1 : 12);
        aid_opts_add(&mil, "type", "military", 0, 0);
        aid_opts_add(&mil, "measure", "allocation", 0, 0);
        aid_opts_add(&mil, "from", from, 0, 0);
        aid_opts_add(&mil, "to", to, 0, 0);
        if (y0 && (fm = aid_query_filter(d, &mil, false, err)))
            b = aid_query_compare(d, &none, fm, AIDSTAT_KEY_DONOR, err);
        else if (!y0)
            aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "the sourcing split has no dates");
    }
    if (b && aidstat_result_total(b) > 0)
        out = format_value(d, aidstat_result_total(a) / aidstat_result_total(b) * 100.0, fmt, "", "pct");
    else if (b)
        aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                      "the data have no military allocations in the split's months");
    aidstat_result_free(a);
    aidstat_result_free(b);
    aidstat_filter_free(fs);
    aidstat_filter_free(fm);
    aid_opts_clear(&none);
    aid_opts_clear(&mil);
    return out;
}

/* One inline figure being evaluated. A figure's own mistakes go to err,
 * placed at the figure; a query's error goes to qerr with qfail set, and
 * is placed at the figure with its text quoted (place_query_error). */
typedef struct {
    const aid_rdata_t *d; /* the report's data, or with data= the table it names */
    aid_opts_t o;
    const char *func, *fmt;
    const char *expr; /* the figure as messages quote it */
    const char *file;
    long line, col;
    aidstat_error_t *err;
    aidstat_error_t qerr;
    bool qfail;
} fig_t;

static char *query_failed(fig_t *g)
{
    g->qfail = true;
    return NULL;
}

/* A comparison of the figure's selection (f) by key, with no other options. */
static aidstat_result_t *fig_compare(fig_t *g, aidstat_filter_t *f, aidstat_key_t key)
{
    aid_opts_t by;
    aid_opts_init(&by, g->file);
    aidstat_result_t *r = aid_query_compare(g->d, &by, f, key, &g->qerr);
    aid_opts_clear(&by);
    return r;
}

/* The figure's options without key, for the selection a share divides by. */
static void opts_without(const fig_t *g, const char *key, aid_opts_t *rest)
{
    aid_opts_init(rest, g->file);
    for (guint i = 0; i < g->o.keys->len; i++)
        if (strcmp(g_ptr_array_index(g->o.keys, i), key))
            aid_opts_add(rest, g_ptr_array_index(g->o.keys, i), g_ptr_array_index(g->o.values, i), g->line,
                         g->col);
}

/* The figures read from one comparison of the selection: sum, count,
 * top, release, first, latest. */
static char *fig_total(fig_t *g)
{
    aidstat_filter_t *f = aid_query_filter(g->d, &g->o, false, &g->qerr);
    aidstat_result_t *r = f ? fig_compare(g, f, AIDSTAT_KEY_DONOR) : NULL;
    aidstat_filter_free(f);
    if (!r)
        return query_failed(g);
    const aid_rdata_t *d = g->d;
    char *out = NULL;
    if (!strcmp(g->func, "sum")) {
        out = format_value(d, aidstat_result_total(r), g->fmt, aidstat_result_currency(r), "money");
    } else if (!strcmp(g->func, "count")) {
        out = format_value(d, (double)aidstat_result_rows(r), g->fmt, "", "int");
    } else if (!strcmp(g->func, "top")) {
        double nd = 1;
        if (aid_opts_number(&g->o, "n", true, 1, 100000, "a whole number", &nd, g->err) == AIDSTAT_OK) {
            size_t n = (size_t)nd;
            if (n > aidstat_result_rows(r))
                aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                              "{{ %s }}: there is no donor number %zu", g->expr, n);
            else
                out = g_strdup(aidstat_result_row_label(r, n - 1));
        }
    } else if (!strcmp(g->func, "release")) {
        out = g_strdup(aidstat_result_source(r)[0] ? aidstat_result_source(r) : "source not stated");
    } else {
        int y0, m0, y1, m1;
        char buf[32];
        aidstat_result_period(r, &y0, &m0, &y1, &m1);
        out = g_strdup(!strcmp(g->func, "latest") ? aidstat_period_format(y1, m1, buf, sizeof buf)
                                                  : aidstat_period_format(y0, m0, buf, sizeof buf));
    }
    aidstat_result_free(r);
    return out;
}

/* share: of what: the same selection without its donors and regions, or,
 * when it names none, without its aid types ("share type=military":
 * military aid's share of all aid). */
static char *fig_share(fig_t *g)
{
    bool where = aid_opts_get(&g->o, "donor") || aid_opts_get(&g->o, "region");
    aidstat_filter_t *f = aid_query_filter(g->d, &g->o, false, &g->qerr);
    aidstat_filter_t *all = NULL;
    if (f && where) {
        all = aid_query_filter(g->d, &g->o, true, &g->qerr);
    } else if (f) {
        aid_opts_t rest;
        opts_without(g, "type", &rest);
        all = aid_query_filter(g->d, &rest, false, &g->qerr);
        aid_opts_clear(&rest);
    }
    aidstat_result_t *a = all ? fig_compare(g, f, AIDSTAT_KEY_DONOR) : NULL;
    aidstat_result_t *b = a ? fig_compare(g, all, AIDSTAT_KEY_DONOR) : NULL;
    char *out = NULL;
    if (a && b)
        out =
            format_value(g->d, aidstat_result_total(a) / aidstat_result_total(b) * 100.0, g->fmt, "", "pct");
    aidstat_result_free(a);
    aidstat_result_free(b);
    aidstat_filter_free(all);
    aidstat_filter_free(f);
    return out ? out : query_failed(g);
}

/* allocated: allocations as a share of commitments, for the same selection. */
static char *fig_allocated(fig_t *g)
{
    aid_opts_t rest;
    opts_without(g, "measure", &rest);
    aid_opts_add(&rest, "measure", "allocation", g->line, g->col);
    aidstat_filter_t *fa = aid_query_filter(g->d, &rest, false, &g->qerr);
    g_free(g_ptr_array_index(rest.values, rest.values->len - 1));
    g_ptr_array_index(rest.values, rest.values->len - 1) = g_strdup("commitment");
    aidstat_filter_t *fc = fa ? aid_query_filter(g->d, &rest, false, &g->qerr) : NULL;
    aid_opts_clear(&rest);
    aidstat_result_t *a = fc ? fig_compare(g, fa, AIDSTAT_KEY_DONOR) : NULL;
    aidstat_result_t *c = a ? fig_compare(g, fc, AIDSTAT_KEY_DONOR) : NULL;
    char *out = NULL;
    if (a && c && aidstat_result_total(c) > 0)
        out =
            format_value(g->d, aidstat_result_total(a) / aidstat_result_total(c) * 100.0, g->fmt, "", "pct");
    aidstat_result_free(a);
    aidstat_result_free(c);
    aidstat_filter_free(fa);
    aidstat_filter_free(fc);
    return out ? out : query_failed(g);
}

/* rank: the place of one donor among donors, or of one region among regions. */
static char *fig_rank(fig_t *g)
{
    const char *who = aid_opts_get(&g->o, "donor");
    const char *reg = aid_opts_get(&g->o, "region");
    if (!who == !reg) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                      "{{ %s }}: rank needs one donor= or one region=", g->expr);
        return NULL;
    }
    aidstat_filter_t *f = aid_query_filter(g->d, &g->o, true, &g->qerr);
    aidstat_result_t *r = f ? fig_compare(g, f, who ? AIDSTAT_KEY_DONOR : AIDSTAT_KEY_REGION) : NULL;
    aidstat_filter_free(f);
    if (!r)
        return query_failed(g);
    long id = who ? -1 : aidstat_regions_find(g->d->regions, reg);
    const char *want = who ? who : id >= 0 ? aidstat_regions_name(g->d->regions, (size_t)id) : reg;
    char *out = NULL;
    for (size_t i = 0; i < aidstat_result_rows(r) && !out; i++)
        if (!g_ascii_strcasecmp(aidstat_result_row_label(r, i), want) ||
            !g_ascii_strcasecmp(aidstat_result_row_code(r, i), want)) {
            char buf[32];
            snprintf(buf, sizeof buf, "%zu", aidstat_result_rank(r, i));
            out = g_strdup(buf);
        }
    aidstat_result_free(r);
    if (!out)
        aid_error_set(g->err, AIDSTAT_ERR_EMPTY, g->file, g->line, g->col,
                      "{{ %s }}: \"%s\" has no records in the selection", g->expr, want);
    return out;
}

/* slope: the least-squares trend per year of the selection's own series. */
static char *fig_slope(fig_t *g, const aidstat_series_t *s)
{
    aidstat_group_fit_t fit;
    if (aidstat_series_groups(s))
        aidstat_series_fit_group(s, 0, &fit);
    if (aidstat_series_groups(s) && fit.trend_status == AIDSTAT_OK)
        return format_value(g->d, fit.trend.slope_per_year, g->fmt, aidstat_series_currency(s), "money");
    aid_error_set(g->err, AIDSTAT_ERR_DATA, g->file, g->line, g->col, "{{ %s }}: no trend: %s", g->expr,
                  aidstat_series_groups(s) ? fit.trend_error.message : "no data");
    return NULL;
}

/* cagr: compound growth between the yearly totals of from= and to=. */
static char *fig_cagr(fig_t *g, const aidstat_series_t *s)
{
    int a = whole_year(aid_opts_get(&g->o, "from")), b = whole_year(aid_opts_get(&g->o, "to"));
    double va, vb;
    if (!a || !b || b <= a || !aidstat_series_year_total(s, 0, a, &va) ||
        !aidstat_series_year_total(s, 0, b, &vb)) {
        aid_error_set(g->err, AIDSTAT_ERR_DATA, g->file, g->line, g->col,
                      "{{ %s }}: cagr needs from=YYYY and to=YYYY, two complete years in the data", g->expr);
        return NULL;
    }
    double r = aidstat_cagr(va, vb, b - a);
    if (isnan(r)) {
        aid_error_set(g->err, AIDSTAT_ERR_DATA, g->file, g->line, g->col,
                      "{{ %s }}: no growth rate from zero", g->expr);
        return NULL;
    }
    return format_value(g->d, r * 100, g->fmt, "", "pct");
}

/* growth: the period (default: the last complete year) against the
 * average of the baseline years (default: all complete years before it). */
static char *fig_growth(fig_t *g, const aidstat_series_t *s)
{
    const char *bv = aid_opts_get(&g->o, "baseline");
    int cur = 0, b0 = 0, b1 = 0;
    double pd = 0;
    if (aid_opts_number(&g->o, "period", true, 1900, 2100, "a year", &pd, g->err) != AIDSTAT_OK)
        return NULL;
    if (bv && !baseline_years(bv, &b0, &b1)) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col, "{{ %s }}: baseline=YYYY-YYYY",
                      g->expr);
        return NULL;
    }
    aidstat_series_change_years(s, (int)pd, b0, b1, &cur, &b0, &b1);
    aidstat_change_t ch;
    aidstat_series_change(s, 0, cur, b0, b1, &ch);
    if (isnan(ch.change)) {
        aid_error_set(g->err, AIDSTAT_ERR_DATA, g->file, g->line, g->col,
                      "{{ %s }}: growth needs complete years for the period and the baseline", g->expr);
        return NULL;
    }
    return format_value(g->d, ch.change, g->fmt, "", "pct");
}

/* The figures read from a series of the selection: slope (at the data's
 * own interval), growth and cagr (yearly). */
static char *fig_series(fig_t *g)
{
    aidstat_filter_t *f = aid_query_filter(g->d, &g->o, false, &g->qerr);
    if (!f)
        return query_failed(g);
    aid_opts_t so;
    aid_opts_init(&so, g->file);
    if (strcmp(g->func, "slope"))
        aid_opts_add(&so, "interval", "year", g->line, g->col);
    aidstat_series_t *s = aid_query_series(g->d, &so, f, &g->qerr);
    aid_opts_clear(&so);
    aidstat_filter_free(f);
    if (!s)
        return query_failed(g);
    char *out = !strcmp(g->func, "slope")  ? fig_slope(g, s)
                : !strcmp(g->func, "cagr") ? fig_cagr(g, s)
                                           : fig_growth(g, s);
    aidstat_series_free(s);
    return out;
}

/* first and latest with interval=: the months of the complete periods of
 * the selection's series at that interval, the period a chart of the same
 * selection and interval states and draws (one home: src/stats). */
static char *fig_span(fig_t *g, const char *interval)
{
    aidstat_filter_t *f = aid_query_filter(g->d, &g->o, false, &g->qerr);
    if (!f)
        return query_failed(g);
    aid_opts_t so;
    aid_opts_init(&so, g->file);
    aid_opts_add(&so, "interval", interval, g->line, g->col);
    aidstat_series_t *s = aid_query_series(g->d, &so, f, &g->qerr);
    aid_opts_clear(&so);
    aidstat_filter_free(f);
    if (!s)
        return query_failed(g);
    int y0, m0, y1, m1;
    char buf[32], *out = NULL;
    if (aidstat_series_complete_period(s, &y0, &m0, &y1, &m1))
        out = g_strdup(!strcmp(g->func, "latest") ? aidstat_period_format(y1, m1, buf, sizeof buf)
                                                  : aidstat_period_format(y0, m0, buf, sizeof buf));
    else
        aid_error_set(g->err, AIDSTAT_ERR_EMPTY, g->file, g->line, g->col,
                      "{{ %s }}: no complete %s in the selection", g->expr, interval);
    aidstat_series_free(s);
    return out;
}

/* first and latest: of the records selected, or with interval= of the
 * complete periods a chart at that interval shows. */
static char *fig_period(fig_t *g)
{
    const char *iv = aid_opts_get(&g->o, "interval");
    return iv ? fig_span(g, iv) : fig_total(g);
}

static char *fig_sourced(fig_t *g)
{
    if (g->o.keys->len) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                      "{{ %s }}: sourced takes no options", g->expr);
        return NULL;
    }
    char *out = sourced(g->d, g->file, g->fmt, &g->qerr);
    return out ? out : query_failed(g);
}

static const struct {
    const char *name;
    char *(*eval)(fig_t *g);
} kinds[] = {
    {"sum", fig_total},       {"count", fig_total},   {"top", fig_total},   {"release", fig_total},
    {"latest", fig_period},   {"first", fig_period},  {"share", fig_share}, {"allocated", fig_allocated},
    {"rank", fig_rank},       {"growth", fig_series}, {"cagr", fig_series}, {"slope", fig_series},
    {"sourced", fig_sourced},
};

/* "donor=United_States" into g->o: values with spaces are written with
 * underscores or quotes; a key given twice or without a value is an error. */
static bool read_option(fig_t *g, char *word)
{
    char *eq = strchr(word, '=');
    if (!eq) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                      "{{ %s }}: \"%s\" is not key=value", g->expr, word);
        return false;
    }
    *eq = '\0';
    char *val = g_strdup(eq + 1);
    for (char *p = val; *p; p++)
        if (*p == '_' && strcmp(word, "type") && strcmp(word, "measure"))
            *p = ' ';
    if (val[0] == '"' && val[strlen(val) - 1] == '"' && strlen(val) >= 2) {
        memmove(val, val + 1, strlen(val));
        val[strlen(val) - 1] = '\0';
    }
    /* "type=" would select nothing and be ignored; "type=a type=b" would keep one */
    char *lower = g_ascii_strdown(word, -1);
    bool twice = aid_opts_get(&g->o, lower) != NULL;
    g_free(lower);
    if (!val[0] || twice) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                      val[0] ? "{{ %s }}: \"%s\" is given twice (give several values as %s=a,b)"
                             : "{{ %s }}: \"%s\" has no value",
                      g->expr, word, word);
        g_free(val);
        return false;
    }
    aid_opts_add(&g->o, word, val, g->line, g->col);
    g_free(val);
    return true;
}

/* The words of the figure: its function, then key=value options; then
 * its format (after "|") checked. */
static bool read_figure(fig_t *g, gchar **words)
{
    for (gchar **w = words; *w; w++) {
        if (!**w)
            continue;
        if (!g->func)
            g->func = *w;
        else if (!read_option(g, *w))
            return false;
    }
    if (!g->func) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col, "{{ }}: empty figure");
        return false;
    }
    if (g->fmt && !known_format(g->fmt)) {
        aid_error_set(g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
                      "{{ %s }}: unknown format \"%s\" (eur_bn, eur_m, money, pct, num, int, text)", g->expr,
                      g->fmt);
        return false;
    }
    if (aid_opts_check(&g->o, filter_keys, g->line, g->col, g->err) != AIDSTAT_OK) {
        /* say where: the whole figure */
        g->err->line = g->line;
        g->err->column = g->col;
        return false;
    }
    return true;
}

/* Pick the table data= names and compute the figure. */
static char *compute(fig_t *g)
{
    aid_rdata_t picked; /* data=weapons: the same data with the other table */
    if (aid_opts_get(&g->o, "data")) {
        const aidstat_table_t *t = aid_query_table(g->d, &g->o, &g->qerr);
        if (!t)
            return query_failed(g);
        picked = *g->d;
        picked.table = (aidstat_table_t *)t;
        g->d = &picked;
    }
    size_t i = 0;
    while (i < G_N_ELEMENTS(kinds) && strcmp(g->func, kinds[i].name))
        i++;
    if (i == G_N_ELEMENTS(kinds)) {
        aid_error_set(
            g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
            "{{ %s }}: unknown figure \"%s\" (sum, share, allocated, rank, count, growth, slope, cagr, "
            "sourced, latest, first, release, top)",
            g->expr, g->func);
        return NULL;
    }
    if (kinds[i].eval != fig_period && aid_opts_get(&g->o, "interval")) {
        aid_error_set(
            g->err, AIDSTAT_ERR_USAGE, g->file, g->line, g->col,
            "{{ %s }}: interval= is for first and latest (the period a chart at that interval shows)",
            g->expr);
        return NULL;
    }
    char *out = kinds[i].eval(g);
    g->d = NULL; /* picked goes out of scope */
    return out;
}

char *aid_expr_eval(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                    aidstat_error_t *err)
{
    /* messages quote the figure as written, without the blanks inside the
     * braces, and a long one by its first 80 characters */
    char *copy = g_strstrip(g_strdup(text));
    char *expr;
    if (g_utf8_strlen(copy, -1) > 80) {
        char *head = g_utf8_substring(copy, 0, 80);
        expr = g_strconcat(head, "…", NULL);
        g_free(head);
    } else {
        expr = g_strdup(copy);
    }
    fig_t g = {.d = d, .expr = expr, .file = file, .line = line, .col = col, .err = err};
    char *bar = strchr(copy, '|');
    if (bar) {
        *bar = '\0';
        g.fmt = g_strstrip(bar + 1);
    }
    gchar **words = g_strsplit_set(g_strstrip(copy), " \t", -1);
    aid_opts_init(&g.o, file);
    aidstat_error_clear(&g.qerr);
    char *out = read_figure(&g, words) ? compute(&g) : NULL;
    if (!out && g.qfail) /* the query's message, placed at the figure */
        aid_error_set(err, g.qerr.code ? g.qerr.code : AIDSTAT_ERR_DATA, file, line, col, "{{ %s }}: %s",
                      expr, g.qerr.message);
    aid_opts_clear(&g.o);
    g_strfreev(words);
    g_free(copy);
    g_free(expr);
    return out;
}

static char *expand(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                    GPtrArray *figures, aidstat_error_t *err)
{
    GString *out = g_string_new(NULL);
    const char *p = text;
    /* position of the figure: lines and columns counted on from the last one */
    const char *seen = text;
    long l = line, c = col;
    while (*p) {
        const char *open = strstr(p, "{{");
        if (!open) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        for (; seen < open; seen++) {
            if (*seen == '\n') {
                l++;
                c = 1;
            } else if ((*seen & 0xC0) != 0x80) {
                c++;
            }
        }
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, file, l, c, "\"{{\" without \"}}\"");
            g_string_free(out, TRUE);
            return NULL;
        }
        char *expr = g_strndup(open + 2, (gsize)(close - open - 2));
        char *v = aid_expr_eval(d, expr, file, l, c, err);
        g_free(expr);
        if (!v) {
            g_string_free(out, TRUE);
            return NULL;
        }
        /* a figure is text: a donor called "*A*" or "<b>B</b>" must not
         * become emphasis or HTML in the Markdown around it, and a backslash
         * escape would show in code spans and HTML blocks; so the Markdown
         * gets a placeholder, replaced by the figure once it is parsed */
        if (figures) {
            g_string_append_printf(out, AID_FIGURE_OPEN "%u" AID_FIGURE_CLOSE, figures->len);
            g_ptr_array_add(figures, v);
        } else {
            g_string_append(out, v);
            g_free(v);
        }
        p = close + 2;
    }
    return g_string_free(out, FALSE);
}

char *aid_expr_expand(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                      aidstat_error_t *err)
{
    return expand(d, text, file, line, col, NULL, err);
}

char *aid_expr_expand_markdown(const aid_rdata_t *d, const char *text, const char *file, long line, long col,
                               GPtrArray *figures, aidstat_error_t *err)
{
    return expand(d, text, file, line, col, figures, err);
}

char *aid_expr_fill(const char *text, const GPtrArray *figures)
{
    if (!strstr(text, AID_FIGURE_OPEN))
        return NULL;
    GString *out = g_string_new(NULL);
    const char *p = text, *open;
    while ((open = strstr(p, AID_FIGURE_OPEN))) {
        g_string_append_len(out, p, open - p);
        const char *num = open + strlen(AID_FIGURE_OPEN);
        char *end;
        guint64 i = g_ascii_strtoull(num, &end, 10);
        if (end > num && g_ascii_isdigit(*num) && g_str_has_prefix(end, AID_FIGURE_CLOSE) &&
            i < figures->len) {
            g_string_append(out, g_ptr_array_index(figures, (guint)i));
            p = end + strlen(AID_FIGURE_CLOSE);
        } else {
            g_string_append(out, AID_FIGURE_OPEN);
            p = num;
        }
    }
    g_string_append(out, p);
    return g_string_free(out, FALSE);
}
