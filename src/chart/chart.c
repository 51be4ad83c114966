/* Charts: the data copied out of a comparison or a series, the frame
 * (title, subtitle, plot, footer with source and notes) and the dispatch
 * to one file per kind. Every chart states its measure, unit, period and
 * source, as every table does. */
#include "config.h"
#include "chart/chart.h"
#include "data/error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {"bar", "stacked", "grouped", "column",
                                         "line", "area", "dumbbell", "scatter"};

int aidstat_chart_kind_parse(const char *s)
{
    for (int i = 0; i < (int)G_N_ELEMENTS(kind_names); i++)
        if (g_ascii_strcasecmp(s, kind_names[i]) == 0)
            return i;
    return -1;
}

const char *aidstat_chart_kind_name(aidstat_chart_kind_t k)
{
    return (unsigned)k < G_N_ELEMENTS(kind_names) ? kind_names[k] : "?";
}

void aidstat_chart_options_init(aidstat_chart_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
}

/* ------------------------------------------------------------ building */

static const char *keep(aidstat_chart_t *c, const char *s)
{
    return s ? g_string_chunk_insert(c->strings, s) : NULL;
}

static aidstat_chart_t *chart_new(const aidstat_chart_options_t *opt, aidstat_error_t *err)
{
    aidstat_chart_t *c = g_new0(aidstat_chart_t, 1);
    c->strings = g_string_chunk_new(256);
    c->warnings = g_ptr_array_new_with_free_func(g_free);
    c->opt = *opt;
    c->opt.title = keep(c, opt->title);
    c->opt.subtitle = keep(c, opt->subtitle);
    c->opt.note = keep(c, opt->note);
    c->opt.font = keep(c, opt->font ? opt->font : "DejaVu Sans");
    c->opt.colors = NULL;
    c->opt.highlight = NULL;
    c->opt.events = NULL;
    c->opt.nevents = 0;
    c->theme = aid_theme_find(opt->theme);
    if (!c->theme) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown theme \"%s\" (themes: default, print)",
                      opt->theme);
        aidstat_chart_free(c);
        return NULL;
    }
    c->locale = opt->locale && !g_ascii_strcasecmp(opt->locale, "de") ? AID_LOCALE_DE : AID_LOCALE_EN;
    if (opt->locale && !c->locale && g_ascii_strcasecmp(opt->locale, "en")) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown locale \"%s\" (locales: en, de)", opt->locale);
        aidstat_chart_free(c);
        return NULL;
    }
    for (size_t i = 0; i < c->theme->npalette; i++)
        c->palette[c->npalette++] = c->theme->palette[i];
    if (opt->colors) {
        c->npalette = 0;
        for (const char *const *p = opt->colors; *p && c->npalette < G_N_ELEMENTS(c->palette); p++) {
            if (!aid_rgb_parse(*p, &c->palette[c->npalette])) {
                aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "colour \"%s\": use #RRGGBB", *p);
                aidstat_chart_free(c);
                return NULL;
            }
            c->npalette++;
        }
        if (!c->npalette) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no colours given");
            aidstat_chart_free(c);
            return NULL;
        }
    }
    if (opt->nevents) {
        aidstat_event_t *ev = g_new0(aidstat_event_t, opt->nevents);
        for (size_t i = 0; i < opt->nevents; i++) {
            ev[i] = opt->events[i];
            ev[i].label = keep(c, opt->events[i].label);
        }
        c->opt.events = ev;
        c->opt.nevents = opt->nevents;
    }
    return c;
}

void aidstat_chart_free(aidstat_chart_t *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nitems; i++) {
        g_free(c->items[i].label);
        g_free(c->items[i].v);
    }
    g_free(c->items);
    g_strfreev(c->series);
    g_strfreev(c->tlabels);
    g_free(c->years);
    g_free(c->months);
    g_free(c->complete);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->footer);
    g_free(c->alt);
    g_free(c->currency);
    g_free(c->unit_label);
    g_free(c->x_label);
    g_free(c->y_label);
    g_free((void *)c->opt.events);
    g_ptr_array_free(c->warnings, TRUE);
    g_string_chunk_free(c->strings);
    g_free(c);
}

static bool highlighted(const aidstat_chart_options_t *opt, const char *label)
{
    for (const char *const *h = opt->highlight; h && *h; h++)
        if (!g_ascii_strcasecmp(*h, label) || !g_utf8_collate(*h, label))
            return true;
    return false;
}

static double pick_scale(double maxabs)
{
    return maxabs >= 1e9 ? 1e9 : maxabs >= 1e6 ? 1e6 : maxabs >= 1e4 ? 1e3 : 1;
}

static char *unit_text(const char *currency, double scale, aid_locale_t loc)
{
    const char *word = scale >= 1e9 ? (loc ? "Mrd." : "billion") : scale >= 1e6 ? (loc ? "Mio." : "million")
                     : scale >= 1e3 ? (loc ? "Tsd." : "thousand") : "";
    const char *sym = !strcmp(currency, "EUR") ? "€" : !strcmp(currency, "USD") ? "$"
                    : !strcmp(currency, "GBP") ? "£" : currency;
    if (loc == AID_LOCALE_DE)
        return g_strdup_printf("%s%s%s", word, word[0] ? " " : "", sym);
    return g_strdup_printf("%s%s%s", sym, word[0] ? " " : "", word);
}

static char *period_text(int y0, int m0, int y1, int m1)
{
    char a[32], b[32];
    if (y0 <= 0)
        return g_strdup("");
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    return strcmp(a, b) ? g_strdup_printf("%s – %s", a, b) : g_strdup(a);
}

/* "Military aid allocations" from types and measure. */
static char *what_text(const char *types, int measure, const char *currency)
{
    GString *t = g_string_new(NULL);
    if (currency && !strcmp(currency, "TIV")) {
        g_string_append(t, "Major arms"); /* SIPRI's arms transfers: not all aid */
    } else if (strcmp(types, "all types") && !strchr(types, ',')) {
        g_string_append(t, types);
        t->str[0] = g_ascii_toupper(t->str[0]);
        g_string_append(t, " aid");
    } else {
        g_string_append(t, "Aid");
    }
    if (measure >= 0) {
        char *ml = g_ascii_strdown(aidstat_measure_label((aidstat_measure_t)measure), -1);
        g_string_append_printf(t, " %s", ml);
        g_free(ml);
    }
    return g_string_free(t, FALSE);
}

static void make_texts(aidstat_chart_t *c, const char *types, int measure, const char *by,
                       int y0, int m0, int y1, int m1, const char *source, const char *basis,
                       GPtrArray *notes)
{
    char *what = what_text(types, measure, c->currency);
    bool tiv = c->currency && !strcmp(c->currency, "TIV");
    char *period = period_text(y0, m0, y1, m1);
    if (c->opt.title)
        c->title = g_strdup(c->opt.title);
    else if (by)
        c->title = g_strdup_printf("%s by %s", what, by);
    else
        c->title = g_strdup(what);
    if (c->opt.subtitle)
        c->subtitle = g_strdup(c->opt.subtitle);
    else
        c->subtitle = g_strdup_printf("%s, %s%s%s%s", what, c->unit_label, (basis && basis[0]) || tiv ? "" : ", nominal",
                                      period[0] ? ", " : "", period);
    GString *f = g_string_new(NULL);
    g_string_append_printf(f, "Source: %s", source && source[0] ? source : "not stated in the data");
    if (basis && basis[0])
        g_string_append_printf(f, ". Basis: %s", basis);
    for (guint i = 0; notes && i < notes->len; i++)
        g_string_append_printf(f, ". Note: %s", (const char *)g_ptr_array_index(notes, i));
    if (c->opt.note)
        g_string_append_printf(f, ". %s", c->opt.note);
    c->footer = g_string_free(f, FALSE);
    g_free(what);
    g_free(period);
}

static void alt_text(aidstat_chart_t *c)
{
    GString *a = g_string_new(NULL);
    g_string_append_printf(a, "%s chart: %s. %s.", aidstat_chart_kind_name(c->opt.kind), c->title,
                           c->subtitle);
    char buf[64];
    if (c->nt == 0) {
        size_t n = MIN(c->nitems, (size_t)10);
        for (size_t i = 0; i < n; i++) {
            aid_item_t *it = &c->items[i];
            g_string_append_printf(a, " %s: ", it->label);
            for (size_t j = 0; j < c->nser; j++)
                g_string_append_printf(a, "%s%s%s%s", j ? ", " : "", c->nser > 1 ? c->series[j] : "",
                                       c->nser > 1 ? " " : "", aid_chart_value(c, it->v[j], -1, buf, sizeof buf));
            if (c->opt.kind == AIDSTAT_CHART_SCATTER)
                g_string_append_printf(a, " at %s", aid_money(it->x, c->currency, c->scale, 1, c->locale, buf, sizeof buf));
            g_string_append_c(a, '.');
        }
        if (c->nitems > n)
            g_string_append_printf(a, " And %zu more.", c->nitems - n);
    } else {
        for (size_t i = 0; i < c->nitems && i < 10; i++) {
            aid_item_t *it = &c->items[i];
            double lo = INFINITY, hi = -INFINITY;
            size_t tlo = 0, thi = 0;
            for (size_t t = 0; t < c->nt; t++)
                if (!isnan(it->v[t])) {
                    if (it->v[t] < lo)
                        lo = it->v[t], tlo = t;
                    if (it->v[t] > hi)
                        hi = it->v[t], thi = t;
                }
            char b2[64], b3[64], b4[64];
            if (isfinite(lo))
                g_string_append_printf(a, " %s: from %s in %s to %s in %s; highest %s in %s, lowest %s in %s.",
                                       it->label, aid_chart_value(c, it->v[0], -1, buf, sizeof buf), c->tlabels[0],
                                       aid_chart_value(c, it->v[c->nt - 1], -1, b2, sizeof b2),
                                       c->tlabels[c->nt - 1], aid_chart_value(c, hi, -1, b3, sizeof b3),
                                       c->tlabels[thi], aid_chart_value(c, lo, -1, b4, sizeof b4), c->tlabels[tlo]);
        }
    }
    g_string_append_printf(a, " %s", c->footer);
    c->alt = g_string_free(a, FALSE);
}

/* The donors the result's groups share, from its overlap note. */
static const char *shared_donors(const aidstat_result_t *r)
{
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        aidstat_note_t code = aidstat_result_note_code(r, i);
        if (code == AIDSTAT_NOTE_SHARES_OVERLAP || code == AIDSTAT_NOTE_COLUMNS_OVERLAP)
            return aidstat_result_note_subject(r, i);
    }
    return "some donors";
}

/* A result's note worded for a chart, which shows neither shares nor a
 * total nor the command line's options; NULL to leave it out. */
static char *chart_note(const aidstat_result_t *r, size_t i, aidstat_chart_kind_t k)
{
    const char *subject = aidstat_result_note_subject(r, i);
    aidstat_key_t k0 = aidstat_result_key(r, 0);
    switch (aidstat_result_note_code(r, i)) {
    case AIDSTAT_NOTE_NOT_SHOWN: {
        size_t hidden = aidstat_result_note_count_param(r, i, 0), shown = aidstat_result_note_count_param(r, i, 1);
        return g_strdup_printf("the %zu largest of %zu %s", shown, shown + hidden,
                               k0 == AIDSTAT_KEY_DONOR ? "donors" : k0 == AIDSTAT_KEY_REGION ? "groups" : subject);
    }
    case AIDSTAT_NOTE_SHARES_OVERLAP:
    case AIDSTAT_NOTE_COLUMNS_OVERLAP:
        return g_strdup_printf("the groups share donors (%s): their bars overlap", subject);
    case AIDSTAT_NOTE_RANKED_BY:
        /* a dumbbell is sorted by its gap: said apart */
        return k == AIDSTAT_CHART_DUMBBELL ? NULL : g_strdup_printf("bars in order of %s", subject);
    case AIDSTAT_NOTE_NO_RATIO:
        return g_strdup_printf("%s: %s", subject, k == AIDSTAT_CHART_SCATTER ? "not plotted" : "shown as n/a");
    default:
        return g_strdup(aidstat_result_note(r, i));
    }
}

aidstat_chart_t *aidstat_chart_from_result(const aidstat_result_t *r, const aidstat_chart_options_t *opt,
                                           aidstat_error_t *err)
{
    aidstat_chart_kind_t k = opt->kind;
    aidstat_key_t k0 = aidstat_result_key(r, 0), k1 = aidstat_result_key(r, 1);
    size_t nc = aidstat_result_cols(r);
    bool per = aidstat_result_per(r) != AIDSTAT_PER_NONE;
    switch (k) {
    case AIDSTAT_CHART_BAR:
        if (nc) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a bar chart compares by one key; use stacked or grouped for two");
            return NULL;
        }
        break;
    case AIDSTAT_CHART_STACKED:
    case AIDSTAT_CHART_GROUPED:
        if (!nc) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a %s chart needs a second key that splits the bars (e.g. by donor and type)",
                          aidstat_chart_kind_name(k));
            return NULL;
        }
        if (k == AIDSTAT_CHART_STACKED && k1 == AIDSTAT_KEY_REGION && aidstat_result_groups_overlap(r)) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a stacked chart cannot show groups that share donors (%s): each stack would "
                          "count them twice; draw grouped bars instead, or choose groups that share no donor",
                          shared_donors(r));
            return NULL;
        }
        break;
    case AIDSTAT_CHART_DUMBBELL:
        if (nc < 2) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a dumbbell chart needs two values per row (e.g. by donor and measure)");
            return NULL;
        }
        break;
    case AIDSTAT_CHART_SCATTER:
        if (aidstat_result_per(r) != AIDSTAT_PER_GDP || nc) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a scatter chart plots donors' totals against their share of GDP: compare them per GDP");
            return NULL;
        }
        break;
    default:
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "a %s chart is drawn over time: use a series",
                      aidstat_chart_kind_name(k));
        return NULL;
    }
    aidstat_chart_t *c = chart_new(opt, err);
    if (!c)
        return NULL;
    size_t n = aidstat_result_rows(r);
    bool dumbbell = k == AIDSTAT_CHART_DUMBBELL;
    c->nser = k == AIDSTAT_CHART_BAR || k == AIDSTAT_CHART_SCATTER ? 1 : dumbbell ? 2 : nc;
    c->series = g_new0(char *, c->nser + 1);
    size_t pick[2] = {0, 1};
    if (dumbbell) {
        /* commitments against allocations where the columns are measures */
        for (size_t j = 0; j < nc; j++) {
            if (!strcmp(aidstat_result_col_label(r, j), aidstat_measure_label(AIDSTAT_MEASURE_COMMITMENT)))
                pick[0] = j;
            if (!strcmp(aidstat_result_col_label(r, j), aidstat_measure_label(AIDSTAT_MEASURE_ALLOCATION)))
                pick[1] = j;
        }
        if (pick[0] == pick[1])
            pick[1] = pick[0] ? 0 : 1;
    }
    for (size_t j = 0; j < c->nser; j++)
        c->series[j] = g_strdup(c->nser == 1 ? "" : aidstat_result_col_label(r, dumbbell ? pick[j] : j));
    c->items = g_new0(aid_item_t, n + 1);
    double maxabs = 0;
    for (size_t i = 0; i < n; i++) {
        aid_item_t *it = &c->items[c->nitems];
        size_t others = 0;
        it->label = g_strdup(aidstat_result_row_label(r, i));
        it->others = aidstat_result_row_is_others(r, i, &others);
        it->highlight = highlighted(opt, it->label) || highlighted(opt, aidstat_result_row_code(r, i));
        it->v = g_new0(double, c->nser + 1);
        if (c->nser == 1 && k != AIDSTAT_CHART_STACKED) {
            it->v[0] = aidstat_result_value(r, i);
            if (k == AIDSTAT_CHART_SCATTER) {
                it->x = aidstat_result_absolute(r, i);
                if (isnan(it->v[0])) { /* no GDP: cannot be placed */
                    aid_chart_warn(c, "%s has no GDP and is not plotted", it->label);
                    g_free(it->label);
                    g_free(it->v);
                    continue;
                }
                maxabs = MAX(maxabs, fabs(it->x));
            } else if (!per) {
                maxabs = MAX(maxabs, fabs(it->v[0]));
            }
        } else {
            for (size_t j = 0; j < c->nser; j++) {
                it->v[j] = aidstat_result_cell(r, i, dumbbell ? pick[j] : j);
                maxabs = MAX(maxabs, fabs(it->v[j]));
            }
        }
        c->nitems++;
    }
    if (!c->nitems) {
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "nothing to draw");
        aidstat_chart_free(c);
        return NULL;
    }
    c->currency = g_strdup(aidstat_result_currency(r));
    if (k == AIDSTAT_CHART_STACKED) {
        /* a stack adds parts of one whole: a negative part has no place in it */
        c->scale = pick_scale(maxabs);
        for (size_t i = 0; i < c->nitems; i++)
            for (size_t j = 0; j < c->nser; j++)
                if (c->items[i].v[j] < 0) {
                    char buf[64];
                    aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                  "a stacked bar cannot show the negative value of %s (%s%s%s); use grouped",
                                  c->items[i].label, c->series[j], c->series[j][0] ? ": " : "",
                                  aid_chart_value(c, c->items[i].v[j], -1, buf, sizeof buf));
                    aidstat_chart_free(c);
                    return NULL;
                }
    }
    c->percent_values = per && k != AIDSTAT_CHART_SCATTER;
    if (aidstat_result_per(r) == AIDSTAT_PER_GDP)
        c->percent_values = k != AIDSTAT_CHART_SCATTER;
    c->scale = pick_scale(maxabs);
    if (!strcmp(c->currency, "TIV"))
        c->scale = 1e6; /* SIPRI states TIVs in millions */
    if (aidstat_result_stat(r) == AIDSTAT_STAT_COUNT) {
        c->scale = 1;
        c->unit_label = g_strdup("records");
        g_free(c->currency);
        c->currency = g_strdup("");
    } else if (c->percent_values) {
        c->unit_label = g_strdup("% of donor GDP");
    } else {
        c->unit_label = unit_text(c->currency, c->scale, c->locale);
    }
    if (k == AIDSTAT_CHART_STACKED && opt->percent) {
        g_free(c->unit_label);
        c->unit_label = g_strdup("% of each bar");
    }
    if (k == AIDSTAT_CHART_SCATTER) {
        char *u = unit_text(c->currency, c->scale, c->locale);
        c->x_label = g_strdup_printf("Aid, %s", u);
        c->y_label = g_strdup("% of donor GDP");
        g_free(u);
    }
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        char *t = chart_note(r, i, k);
        if (t)
            g_ptr_array_add(notes, t);
    }
    char by[64];
    if ((k == AIDSTAT_CHART_STACKED || k == AIDSTAT_CHART_GROUPED) && k1)
        snprintf(by, sizeof by, "%s and %s", aidstat_key_name(k0), aidstat_key_name(k1));
    else
        snprintf(by, sizeof by, "%s", aidstat_key_name(k0));
    if (dumbbell) {
        /* the rows are sorted by the gap, not ranked by one measure */
        g_ptr_array_add(notes, g_strdup_printf("sorted by the gap between %s and %s", c->series[0], c->series[1]));
    }
    make_texts(c, aidstat_result_types(r), aidstat_result_measure(r), by, y0, m0, y1, m1,
               aidstat_result_source(r), aidstat_result_basis(r), notes);
    if (dumbbell && !opt->title) {
        g_free(c->title);
        c->title = g_strdup_printf("%s and %c%s by %s", c->series[0], g_ascii_tolower(c->series[1][0]),
                                   c->series[1] + 1, aidstat_key_name(k0));
    }
    if (k == AIDSTAT_CHART_SCATTER && !opt->title) {
        char *t = g_strdup_printf("%s: amount and share of GDP", c->title);
        g_free(c->title);
        c->title = t;
    }
    if (per && k != AIDSTAT_CHART_SCATTER) {
        g_free(c->title);
        char *what = what_text(aidstat_result_types(r), aidstat_result_measure(r), c->currency);
        c->title = opt->title ? g_strdup(opt->title) : g_strdup_printf("%s relative to GDP", what);
        g_free(what);
    }
    g_ptr_array_free(notes, TRUE);
    alt_text(c);
    return c;
}

aidstat_chart_t *aidstat_chart_from_series(const aidstat_series_t *s, const aidstat_chart_options_t *opt,
                                           aidstat_error_t *err)
{
    aidstat_chart_kind_t k = opt->kind;
    if (k != AIDSTAT_CHART_LINE && k != AIDSTAT_CHART_AREA && k != AIDSTAT_CHART_COLUMN) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "a %s chart compares groups, not periods: use a comparison",
                      aidstat_chart_kind_name(k));
        return NULL;
    }
    bool stacks = k == AIDSTAT_CHART_AREA || (k == AIDSTAT_CHART_COLUMN && !opt->facet);
    const char *shared = aidstat_series_shared_donors(s);
    if (stacks && shared[0]) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "a stacked %s chart cannot show groups that share donors (%s): the stack would "
                      "count them twice; draw lines instead, or choose groups that share no donor",
                      aidstat_chart_kind_name(k), shared);
        return NULL;
    }
    aidstat_chart_t *c = chart_new(opt, err);
    if (!c)
        return NULL;
    /* complete periods only: a year with four months of data is no year */
    size_t len = aidstat_series_length(s), a = 0, b = len;
    while (a < b && !aidstat_series_period_complete(s, a))
        a++;
    while (b > a && !aidstat_series_period_complete(s, b - 1))
        b--;
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    char lbl[32];
    if (b < len)
        g_ptr_array_add(notes, g_strdup_printf("%s is not shown: the data covers only part of it",
                                               aidstat_series_period_label(s, b, lbl, sizeof lbl)));
    c->nt = b - a;
    if (!c->nt) {
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "no complete period to draw");
        g_ptr_array_free(notes, TRUE);
        aidstat_chart_free(c);
        return NULL;
    }
    c->interval = aidstat_series_interval(s);
    c->years = g_new0(int, c->nt);
    c->months = g_new0(int, c->nt);
    c->complete = g_new0(bool, c->nt);
    c->tlabels = g_new0(char *, c->nt + 1);
    for (size_t t = 0; t < c->nt; t++) {
        aidstat_series_period(s, a + t, &c->years[t], &c->months[t]);
        c->complete[t] = true;
        c->tlabels[t] = g_strdup(aidstat_series_period_label(s, a + t, lbl, sizeof lbl));
    }
    size_t ng = aidstat_series_groups(s);
    if (opt->top && ng > opt->top) {
        g_ptr_array_add(notes, g_strdup_printf("the %zu largest of %zu groups", opt->top, ng));
        ng = opt->top; /* groups come largest first */
    }
    c->items = g_new0(aid_item_t, ng + 1);
    c->nser = 1;
    c->series = g_new0(char *, 2);
    c->series[0] = g_strdup("");
    double maxabs = 0;
    double ppy = 12.0 / (double)c->interval;
    for (size_t g = 0; g < ng; g++) {
        aid_item_t *it = &c->items[c->nitems++];
        it->label = g_strdup(aidstat_series_group(s, g));
        it->highlight = highlighted(opt, it->label);
        it->v = g_new0(double, c->nt + 1);
        memcpy(it->v, aidstat_series_values(s, g) + a, c->nt * sizeof(double));
        if (opt->cumulative)
            aidstat_cumulative(it->v, c->nt, it->v);
        for (size_t t = 0; t < c->nt; t++)
            maxabs = MAX(maxabs, fabs(it->v[t]));
        if (opt->trend && k == AIDSTAT_CHART_LINE) {
            double *x = g_new(double, c->nt);
            for (size_t t = 0; t < c->nt; t++)
                x[t] = (double)t;
            aidstat_error_t terr;
            it->has_trend = aidstat_trend_fit(x, it->v, c->nt, ppy, &it->trend, &terr) == AIDSTAT_OK;
            if (!it->has_trend)
                g_ptr_array_add(notes, g_strdup_printf("%s: no trend line: %s", it->label, terr.message));
            g_free(x);
        }
    }
    if (!c->nitems) {
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "nothing to draw");
        g_ptr_array_free(notes, TRUE);
        aidstat_chart_free(c);
        return NULL;
    }
    if (k == AIDSTAT_CHART_AREA || (k == AIDSTAT_CHART_COLUMN && !opt->facet)) {
        /* stacks need parts of one whole: no negative parts */
        for (size_t g = 0; g < c->nitems; g++)
            for (size_t t = 0; t < c->nt; t++)
                if (c->items[g].v[t] < 0) {
                    aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                  "a stacked %s chart cannot show the negative value of %s in %s; "
                                  "use a line chart",
                                  aidstat_chart_kind_name(k), c->items[g].label, c->tlabels[t]);
                    g_ptr_array_free(notes, TRUE);
                    aidstat_chart_free(c);
                    return NULL;
                }
        double peak = 0;
        for (size_t t = 0; t < c->nt; t++) {
            double sum = 0;
            for (size_t g = 0; g < c->nitems; g++)
                sum += c->items[g].v[t];
            peak = MAX(peak, sum);
        }
        maxabs = MAX(maxabs, peak);
    }
    if (opt->trend && k == AIDSTAT_CHART_LINE)
        g_ptr_array_add(notes, g_strdup("dashed: least-squares trend with its 95 % confidence band"));
    c->currency = g_strdup(aidstat_series_currency(s));
    c->scale = pick_scale(maxabs);
    char *u = unit_text(c->currency, c->scale, c->locale);
    const char *per = c->interval == AIDSTAT_INTERVAL_YEAR ? "year" : c->interval == AIDSTAT_INTERVAL_QUARTER ? "quarter" : "month";
    c->unit_label = opt->cumulative ? g_strdup_printf("%s, cumulative", u) : g_strdup_printf("%s per %s", u, per);
    g_free(u);
    int y1 = c->years[c->nt - 1], m1 = c->months[c->nt - 1] + (int)c->interval - 1;
    for (size_t i = 0; i < aidstat_series_note_count(s); i++)
        if (!strstr(aidstat_series_note(s, i), "is incomplete"))
            g_ptr_array_add(notes, g_strdup(aidstat_series_note(s, i)));
    aidstat_key_t key = aidstat_series_key(s);
    const char *by = key && c->nitems > 1 ? aidstat_key_name(key) : NULL;
    make_texts(c, aidstat_series_types(s), aidstat_series_measure(s), by, c->years[0], c->months[0], y1, m1,
               aidstat_series_source(s), "", notes);
    if (opt->cumulative && !opt->title) {
        /* "Cumulative military aid ..." */
        char *t = g_strdup_printf("Cumulative %c%s", g_ascii_tolower(c->title[0]), c->title + 1);
        g_free(c->title);
        c->title = t;
    }
    g_ptr_array_free(notes, TRUE);
    alt_text(c);
    return c;
}

aidstat_chart_t *aidstat_chart_from_dates(const aidstat_chart_options_t *opt, const char *label,
                                          const char *unit, const char *source, const int *dates,
                                          const double *values, size_t n, aidstat_error_t *err)
{
    if (opt->kind != AIDSTAT_CHART_LINE) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "dated values are drawn as a line chart");
        return NULL;
    }
    if (n < 2) {
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "fewer than two values to draw");
        return NULL;
    }
    aidstat_chart_t *c = chart_new(opt, err);
    if (!c)
        return NULL;
    c->nt = n;
    c->interval = AIDSTAT_INTERVAL_MONTH;
    c->years = g_new0(int, n);
    c->months = g_new0(int, n);
    c->complete = g_new0(bool, n);
    c->tlabels = g_new0(char *, n + 1);
    for (size_t t = 0; t < n; t++) {
        c->years[t] = dates[t] / 10000;
        c->months[t] = MAX(1, dates[t] / 100 % 100);
        c->complete[t] = true;
        c->tlabels[t] = dates[t] % 100 ? g_strdup_printf("%04d-%02d-%02d", c->years[t], c->months[t], dates[t] % 100)
                                       : g_strdup_printf("%04d-%02d", c->years[t], c->months[t]);
    }
    c->items = g_new0(aid_item_t, 1);
    c->nitems = 1;
    c->items[0].label = g_strdup(label ? label : "");
    c->items[0].v = g_memdup2(values, n * sizeof(double));
    c->nser = 1;
    c->series = g_new0(char *, 2);
    c->series[0] = g_strdup("");
    c->currency = g_strdup("");
    c->scale = 1;
    c->plain_values = true;
    c->unit_label = g_strdup(unit ? unit : "");
    c->title = g_strdup(opt->title ? opt->title : label ? label : "");
    c->subtitle = opt->subtitle ? g_strdup(opt->subtitle)
                                : g_strdup_printf("%s, %s – %s", c->unit_label, c->tlabels[0], c->tlabels[n - 1]);
    c->footer = g_strdup_printf("Source: %s%s%s", source && source[0] ? source : "not stated",
                                opt->note ? ". " : "", opt->note ? opt->note : "");
    alt_text(c);
    return c;
}

/* ------------------------------------------------------------- helpers */

aid_rgb_t aid_chart_color(const aidstat_chart_t *c, size_t i)
{
    return c->palette[i % c->npalette];
}

void aid_chart_warn(aidstat_chart_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(c->warnings, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

char *aid_chart_value(const aidstat_chart_t *c, double v, int decimals, char *buf, size_t len)
{
    if (isnan(v))
        return g_strlcpy(buf, "n/a", len), buf;
    if (c->percent_values) {
        char n[48];
        aid_num(v, decimals >= 0 ? decimals : (fabs(v) < 10 ? 2 : 1), c->locale, n, sizeof n);
        snprintf(buf, len, "%s %%", n);
        return buf;
    }
    if (c->plain_values) {
        int d = fabs(v) >= 1000 ? 0 : fabs(v) >= 100 ? 1 : fabs(v) >= 10 ? 2 : fabs(v) >= 1 ? 3 : 4;
        return aid_num(v, decimals >= 0 ? decimals : d, c->locale, buf, len);
    }
    if (!c->currency[0]) /* a count */
        return aid_num(v, 0, c->locale, buf, len);
    double shown = fabs(v / c->scale);
    int d = decimals >= 0 ? decimals : shown >= 100 ? 0 : shown >= 10 ? 1 : shown >= 1 ? 1 : 2;
    /* 99.96 rounds to 100.0: then it is shown as 100, like every other hundred */
    if (decimals < 0 && d > 0) {
        double r = round(shown * pow(10, d)) / pow(10, d);
        if ((d == 1 && r >= 100) || (d == 2 && r >= 1))
            d--;
    }
    return aid_money(v, c->currency, c->scale, d, c->locale, buf, len);
}

char *aid_chart_tick(const aidstat_chart_t *c, double v, double step, char *buf, size_t len)
{
    double unit = c->percent_values || !c->currency[0] ? 1 : c->scale;
    return aid_num(v / unit, aid_decimals_for_step(step / unit), c->locale, buf, len);
}

aid_font_t aid_font(const aid_frame_t *f, double rel, bool bold)
{
    aid_font_t font = {f->family, f->font * rel, bold, 0, 0, PANGO_ALIGN_LEFT};
    return font;
}

/* ------------------------------------------------------------- drawing */

typedef struct {
    aidstat_chart_t *c;
} draw_ctx_t;

static aidstat_status_t draw_all(cairo_t *cr, double w, double h, void *user, aidstat_error_t *err)
{
    aidstat_chart_t *c = user;
    g_ptr_array_set_size(c->warnings, 0);
    if (!(w >= AID_CHART_MIN_W && h >= AID_CHART_MIN_H))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "a chart of %.0f x %.0f pt is too small to be read (at least %.0f x %.0f pt, about %.0f x %.0f mm)",
                             w, h, AID_CHART_MIN_W, AID_CHART_MIN_H, ceil(AID_CHART_MIN_W * 25.4 / 72),
                             ceil(AID_CHART_MIN_H * 25.4 / 72));
    aid_frame_t f;
    f.family = c->opt.font;
    f.font = CLAMP(MIN(w, h) / 38.0, 6.5, 12.0);
    if (c->opt.text_size > 0) /* as asked, unless the chart is too short for it */
        f.font = fmin(c->opt.text_size, fmax(f.font, h / 20.0));
    double m = CLAMP(MIN(w, h) * 0.035, 6, 24);
    cairo_save(cr);
    aid_set_rgb(cr, c->theme->background);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
    double y = m, inner = w - 2 * m;

    aid_font_t tf = aid_font(&f, 1.45, true);
    tf.width = inner;
    tf.max_lines = 2;
    PangoLayout *l = aid_text(cr, c->title, &tf);
    double th;
    aid_text_extent(l, NULL, &th);
    aid_set_rgb(cr, c->theme->ink);
    aid_text_draw(cr, l, m, y);
    g_object_unref(l);
    y += th + f.font * 0.25;

    aid_font_t sf = aid_font(&f, 1.0, false);
    sf.width = inner;
    sf.max_lines = 2;
    l = aid_text(cr, c->subtitle, &sf);
    aid_text_extent(l, NULL, &th);
    aid_set_rgb(cr, c->theme->muted);
    aid_text_draw(cr, l, m, y);
    g_object_unref(l);
    y += th + f.font * 0.9;

    aid_font_t ff = aid_font(&f, 0.8, false);
    ff.width = inner;
    ff.max_lines = 4;
    l = aid_text(cr, c->footer, &ff);
    double fh;
    aid_text_extent(l, NULL, &fh);
    if (aid_text_ellipsized(l))
        aid_chart_warn(c, "the footer is shortened to fit: see the table output for all notes");
    aid_set_rgb(cr, c->theme->muted);
    aid_text_draw(cr, l, m, h - m - fh);
    g_object_unref(l);

    f.x = m;
    f.y = y;
    f.w = inner;
    f.h = h - m - fh - f.font * 0.8 - y;
    aidstat_status_t st;
    if (f.h < f.font * 4) {
        st = aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                           "no room left for the plot at %.0f x %.0f pt: make the chart taller or the texts shorter",
                           w, h);
    } else {
        switch (c->opt.kind) {
        case AIDSTAT_CHART_BAR:
            st = aid_draw_bar(c, cr, &f, err);
            break;
        case AIDSTAT_CHART_STACKED:
        case AIDSTAT_CHART_GROUPED:
            st = aid_draw_stacked(c, cr, &f, err);
            break;
        case AIDSTAT_CHART_DUMBBELL:
            st = aid_draw_dumbbell(c, cr, &f, err);
            break;
        case AIDSTAT_CHART_SCATTER:
            st = aid_draw_scatter(c, cr, &f, err);
            break;
        default:
            st = aid_draw_time(c, cr, &f, err);
            break;
        }
    }
    cairo_restore(cr);
    return st;
}

aidstat_status_t aidstat_chart_draw(aidstat_chart_t *c, cairo_t *cr, double width, double height,
                                    aidstat_error_t *err)
{
    return draw_all(cr, width, height, c, err);
}

aidstat_status_t aidstat_chart_write(aidstat_chart_t *c, const char *path, double width, double height,
                                     double dpi, aidstat_error_t *err)
{
    aid_out_t out;
    if (!aid_out_from_path(path, &out))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "%s: the file type follows the extension: .pdf, .svg, .png, .ps or .eps", path);
    aid_meta_t meta = {.title = c->title, .description = c->alt};
    return aid_render_file(path, out, width, height, dpi, &meta, draw_all, c, err);
}

/* The public write callback returns 0 for success, like cairo's. */
typedef struct {
    unsigned int (*write)(void *, const unsigned char *, unsigned int);
    void *closure;
} stream_t;

static cairo_status_t stream_write(void *closure, const unsigned char *data, unsigned int len)
{
    stream_t *st = closure;
    return st->write(st->closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

aidstat_status_t aidstat_chart_write_stream(aidstat_chart_t *c, const char *type,
                                            unsigned int (*write)(void *, const unsigned char *, unsigned int),
                                            void *closure, double width, double height, double dpi,
                                            aidstat_error_t *err)
{
    aid_out_t out;
    char name[16];
    snprintf(name, sizeof name, "x.%s", type ? type : "");
    if (!aid_out_from_path(name, &out))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "unknown output type \"%s\"", type);
    aid_meta_t meta = {.title = c->title, .description = c->alt};
    stream_t st = {write, closure};
    return aid_render_stream(stream_write, &st, out, width, height, dpi, &meta, draw_all, c, err);
}

const char *aidstat_chart_describe(const aidstat_chart_t *c)
{
    return c->alt;
}

const char *aidstat_chart_title(const aidstat_chart_t *c)
{
    return c->title;
}

size_t aidstat_chart_warning_count(const aidstat_chart_t *c)
{
    return c->warnings->len;
}

const char *aidstat_chart_warning(const aidstat_chart_t *c, size_t i)
{
    return g_ptr_array_index(c->warnings, i);
}

/* ------------------------------------------------------------ diff chart */

typedef struct {
    const aidstat_diff_row_t *row;
} diff_pick_t;

static gint diff_pick_cmp(gconstpointer pa, gconstpointer pb)
{
    const aidstat_diff_row_t *a = ((const diff_pick_t *)pa)->row, *b = ((const diff_pick_t *)pb)->row;
    double x = fabs(a->change), y = fabs(b->change);
    return x > y ? -1 : x < y ? 1 : g_utf8_collate(a->label, b->label);
}

aidstat_chart_t *aidstat_chart_from_diff(const aidstat_diff_t *d, const aidstat_chart_options_t *opt, int m,
                                         aidstat_error_t *err)
{
    if (m < 0 && aidstat_diff_has_measure(d, AIDSTAT_MEASURE_ALLOCATION))
        m = AIDSTAT_MEASURE_ALLOCATION;
    for (int k = 0; m < 0 && k < AIDSTAT_MEASURE_COUNT; k++)
        if (aidstat_diff_has_measure(d, (aidstat_measure_t)k))
            m = k;
    if (m < 0 || !aidstat_diff_has_measure(d, (aidstat_measure_t)m)) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "the diff did not compare %s",
                      m < 0 ? "any measure" : aidstat_measure_label((aidstat_measure_t)m));
        return NULL;
    }
    GArray *picks = g_array_new(FALSE, FALSE, sizeof(diff_pick_t));
    for (size_t i = 0; i < aidstat_diff_rows(d); i++) {
        const aidstat_diff_row_t *r = aidstat_diff_row(d, i);
        if ((int)r->measure == m && r->type == AIDSTAT_TYPE_TOTAL && r->change != 0) {
            diff_pick_t p = {r};
            g_array_append_val(picks, p);
        }
    }
    if (!picks->len) {
        g_array_free(picks, TRUE);
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "no donor's %s changed: nothing to draw",
                      aidstat_measure_label((aidstat_measure_t)m));
        return NULL;
    }
    g_array_sort(picks, diff_pick_cmp);
    size_t n = MIN((size_t)picks->len, opt->top ? opt->top : 15);
    aidstat_chart_options_t o = *opt;
    o.kind = AIDSTAT_CHART_DUMBBELL;
    aidstat_chart_t *c = chart_new(&o, err);
    if (!c) {
        g_array_free(picks, TRUE);
        return NULL;
    }
    c->nser = 2;
    c->series = g_new0(char *, 3);
    c->series[0] = g_strdup("Old version");
    c->series[1] = g_strdup("New version");
    c->items = g_new0(aid_item_t, n + 1);
    double maxabs = 0;
    for (size_t i = 0; i < n; i++) {
        const aidstat_diff_row_t *r = g_array_index(picks, diff_pick_t, i).row;
        aid_item_t *it = &c->items[c->nitems++];
        it->label = g_strdup(r->label);
        it->highlight = highlighted(opt, r->label) || highlighted(opt, r->code);
        it->v = g_new0(double, 3);
        it->v[0] = r->status == AIDSTAT_DIFF_ADDED ? NAN : r->old_value;
        it->v[1] = r->status == AIDSTAT_DIFF_REMOVED ? NAN : r->new_value;
        maxabs = MAX(maxabs, MAX(fabs(r->old_value), fabs(r->new_value)));
    }
    c->currency = g_strdup(aidstat_diff_currency(d));
    c->scale = !strcmp(c->currency, "TIV") ? 1e6 : pick_scale(maxabs);
    c->unit_label = unit_text(c->currency, c->scale, c->locale);
    int y0, m0, y1, m1;
    aidstat_diff_common_period(d, &y0, &m0, &y1, &m1);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(notes, g_strdup_printf("the %zu largest of %u changes, over the periods both versions cover",
                                           n, picks->len));
    char *fo = g_path_get_basename(aidstat_diff_file(d, 0)), *fn = g_path_get_basename(aidstat_diff_file(d, 1));
    char *src = g_strdup_printf("old version %s (%s); new version %s (%s)", aidstat_diff_source(d, 0), fo,
                                aidstat_diff_source(d, 1), fn);
    g_free(fo);
    g_free(fn);
    make_texts(c, "all types", m, "donor", y0, m0, y1, m1, src, NULL, notes);
    if (!opt->title) {
        char *what = what_text("all types", m, c->currency);
        g_free(c->title);
        c->title = g_strdup_printf("Largest revisions: %c%s by donor", g_ascii_tolower(what[0]), what + 1);
        g_free(what);
    }
    g_free(src);
    g_ptr_array_free(notes, TRUE);
    g_array_free(picks, TRUE);
    alt_text(c);
    return c;
}
