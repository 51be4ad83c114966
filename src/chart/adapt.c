/* Results into chart data: a comparison, a series, dated values or a diff
 * copied into a chart, with its title, subtitle, unit, footer (source and
 * notes) and text description. Every chart states its measure, unit,
 * period and source, as every table does. */
#include "config.h"
#include "chart/chart.h"
#include "data/error.h"
#include "data/intl.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Whether h names label: as written, or as the same country in another
 * spelling or by code ("Türkiye", "TUR" for "Turkiye"). */
static bool names(const char *h, const char *label)
{
    if (!label)
        return false;
    if (!g_ascii_strcasecmp(h, label) || !g_utf8_collate(h, label))
        return true;
    const char *a, *b;
    return aidstat_country_find(h, &a, NULL) && aidstat_country_find(label, &b, NULL) && !strcmp(a, b);
}

/* The caller's options as this library's struct (see aid_options_take). */
static const aidstat_chart_options_t *take(aidstat_chart_options_t *o, const aidstat_chart_options_t *opt,
                                           aidstat_error_t *err)
{
    aidstat_chart_options_init(o);
    return aid_options_take(o, sizeof *o, opt, "aidstat_chart_options_init", err) ? o : NULL;
}

static bool highlighted(const aidstat_chart_options_t *opt, const char *label)
{
    for (const char *const *h = opt->highlight; h && *h; h++)
        if (names(*h, label))
            return true;
    return false;
}

/* A highlight that names no item is said, with a suggestion, not ignored. */
static void check_highlights(aidstat_chart_t *c, const aidstat_chart_options_t *opt)
{
    const char **labels = g_new(const char *, c->nitems + 1);
    for (size_t i = 0; i < c->nitems; i++)
        labels[i] = c->items[i].label;
    for (const char *const *h = opt->highlight; h && *h; h++) {
        bool hit = false;
        for (size_t i = 0; i < c->nitems && !hit; i++)
            hit = names(*h, c->items[i].label);
        if (hit)
            continue;
        const char *hint = aidstat_suggest(*h, labels, c->nitems);
        g_ptr_array_add(
            c->misses, hint ? g_strdup_printf(
                                  "highlight \"%s\" matches nothing in the chart; did you mean %s?", *h, hint)
                            : g_strdup_printf("highlight \"%s\" matches nothing in the chart", *h));
    }
    g_free(labels);
}

static char *unit_text(const char *currency, double scale, aid_locale_t loc)
{
    if (loc != AID_LOCALE_DE)
        return aidstat_wording_unit(currency, scale, true);
    const char *word = scale >= 1e9 ? "Mrd." : scale >= 1e6 ? "Mio." : scale >= 1e3 ? "Tsd." : "";
    const char *sym = aidstat_currency_symbol(currency) ? aidstat_currency_symbol(currency) : currency;
    return g_strdup_printf("%s%s%s", word, word[0] ? " " : "", sym);
}

/* Title (unless the options give one), subtitle and footer of a chart of
 * what w describes: the title and the subtitle's subject and unit come
 * from the wording module, as they do for every other door. per names
 * the period of a flow ("year"), or NULL. */
static void make_texts(aidstat_chart_t *c, const aidstat_wording_t *w, const char *per, int y0, int m0,
                       int y1, int m1, const char *source, const char *basis, GPtrArray *notes)
{
    char *what = aidstat_wording_subject(w);
    char *period = aidstat_wording_period(y0, m0, y1, m1);
    c->title = c->opt.title ? g_strdup(c->opt.title) : aidstat_wording_title(w);
    if (c->opt.subtitle) {
        c->subtitle = g_strdup(c->opt.subtitle);
    } else if (aidstat_currency_is_tiv(c->currency) && !c->percent_values) {
        char *u = aidstat_wording_unit_statement(c->currency, c->scale, per, 0);
        c->subtitle = g_strdup_printf("%s, %s%s%s", what, u, period[0] ? ", " : "", period);
        g_free(u);
    } else {
        c->subtitle = g_strdup_printf(
            "%s, %s%s%s%s", what, c->unit_label,
            (basis && basis[0]) || aidstat_currency_is_tiv(c->currency) ? "" : L_(", nominal"),
            period[0] ? ", " : "", period);
    }
    GString *f = g_string_new(NULL);
    g_string_append_printf(f, L_("Source: %s"), source && source[0] ? source : L_("not stated in the data"));
    if (basis && basis[0])
        g_string_append_printf(f, L_(". Basis: %s"), basis);
    for (guint i = 0; notes && i < notes->len; i++)
        g_string_append_printf(f, L_(". Note: %s"), (const char *)g_ptr_array_index(notes, i));
    if (c->opt.note)
        g_string_append_printf(f, ". %s", c->opt.note);
    c->footer = g_string_free(f, FALSE);
    g_free(what);
    g_free(period);
}

static void alt_text(aidstat_chart_t *c)
{
    GString *a = g_string_new(NULL);
    /* the kind as people name it, in the order of aidstat_chart_kind_t */
    static const char *const kind_words[] = {NC_("alt", "bar chart"),      NC_("alt", "stacked chart"),
                                             NC_("alt", "grouped chart"),  NC_("alt", "column chart"),
                                             NC_("alt", "line chart"),     NC_("alt", "area chart"),
                                             NC_("alt", "dumbbell chart"), NC_("alt", "scatter chart")};
    const char *kind = (size_t)c->opt.kind < G_N_ELEMENTS(kind_words)
                           ? aid_gettext_ctx("alt", kind_words[c->opt.kind])
                           : aidstat_chart_kind_name(c->opt.kind);
    g_string_append_printf(a, L_("%s: %s. %s."), kind, c->title, c->subtitle);
    char buf[64];
    if (c->nt == 0) {
        size_t n = MIN(c->nitems, (size_t)10);
        for (size_t i = 0; i < n; i++) {
            aid_item_t *it = &c->items[i];
            g_string_append_printf(a, " %s: ", it->label);
            for (size_t j = 0; j < c->nser; j++)
                g_string_append_printf(a, "%s%s%s%s", j ? ", " : "", c->nser > 1 ? c->series[j] : "",
                                       c->nser > 1 ? " " : "",
                                       aid_chart_value(c, it->v[j], -1, buf, sizeof buf));
            if (c->opt.kind == AIDSTAT_CHART_SCATTER)
                g_string_append_printf(
                    a, L_(" at %s"), aid_money(it->x, c->currency, c->scale, 1, c->locale, buf, sizeof buf));
            g_string_append_c(a, '.');
        }
        if (c->nitems > n)
            g_string_append_printf(a, L_(" And %zu more."), c->nitems - n);
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
                g_string_append_printf(
                    a, L_(" %s: from %s in %s to %s in %s; highest %s in %s, lowest %s in %s."), it->label,
                    aid_chart_value(c, it->v[0], -1, buf, sizeof buf), c->tlabels[0],
                    aid_chart_value(c, it->v[c->nt - 1], -1, b2, sizeof b2), c->tlabels[c->nt - 1],
                    aid_chart_value(c, hi, -1, b3, sizeof b3), c->tlabels[thi],
                    aid_chart_value(c, lo, -1, b4, sizeof b4), c->tlabels[tlo]);
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
    return L_("some donors");
}

/* A result's note worded for a chart, which shows neither shares nor a
 * total nor the command line's options; NULL to leave it out. */
static char *chart_note(const aidstat_result_t *r, size_t i, aidstat_chart_kind_t k)
{
    const char *subject = aidstat_result_note_subject(r, i);
    aidstat_key_t k0 = aidstat_result_key(r, 0);
    switch (aidstat_result_note_code(r, i)) {
    case AIDSTAT_NOTE_NOT_SHOWN: {
        size_t hidden = aidstat_result_note_count_param(r, i, 0),
               shown = aidstat_result_note_count_param(r, i, 1);
        return g_strdup_printf(L_("the %zu largest of %zu %s"), shown, shown + hidden,
                               k0 == AIDSTAT_KEY_DONOR
                                   ? aidstat_wording_key(k0, aidstat_result_currency(r), true)
                               : k0 == AIDSTAT_KEY_REGION ? L_("groups")
                                                          : subject);
    }
    case AIDSTAT_NOTE_SHARES_OVERLAP:
    case AIDSTAT_NOTE_COLUMNS_OVERLAP:
        return g_strdup_printf(L_("the groups share donors (%s): their bars overlap"), subject);
    case AIDSTAT_NOTE_RANKED_BY:
        /* a dumbbell is sorted by its gap: said apart */
        return k == AIDSTAT_CHART_DUMBBELL ? NULL : g_strdup_printf(L_("bars in order of %s"), subject);
    case AIDSTAT_NOTE_NO_RATIO:
        return g_strdup_printf(k == AIDSTAT_CHART_SCATTER ? L_("%s: not plotted") : L_("%s: shown as n/a"),
                               subject);
    default:
        return g_strdup(aidstat_result_note(r, i));
    }
}

/* Whether a comparison can be drawn as a chart of kind k. */
static bool result_fits(const aidstat_result_t *r, aidstat_chart_kind_t k, aidstat_error_t *err)
{
    aidstat_key_t k1 = aidstat_result_key(r, 1);
    size_t nc = aidstat_result_cols(r);
    switch (k) {
    case AIDSTAT_CHART_BAR:
        if (nc) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a bar chart compares by one key; use stacked or grouped for two");
            return false;
        }
        break;
    case AIDSTAT_CHART_STACKED:
    case AIDSTAT_CHART_GROUPED:
        if (!nc) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a %s chart needs a second key that splits the bars (e.g. by donor and type)",
                          aidstat_chart_kind_name(k));
            return false;
        }
        if (k == AIDSTAT_CHART_STACKED && k1 == AIDSTAT_KEY_REGION && aidstat_result_groups_overlap(r)) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a stacked chart cannot show groups that share donors (%s): each stack would "
                          "count them twice; draw grouped bars instead, or choose groups that share no donor",
                          shared_donors(r));
            return false;
        }
        break;
    case AIDSTAT_CHART_DUMBBELL:
        if (nc < 2) {
            aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                          "a dumbbell chart needs two values per row (e.g. by donor and measure)");
            return false;
        }
        break;
    case AIDSTAT_CHART_SCATTER:
        if (aidstat_result_per(r) != AIDSTAT_PER_GDP || nc) {
            aid_error_set(
                err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                "a scatter chart plots donors' totals against their share of GDP: compare them per GDP");
            return false;
        }
        break;
    default:
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "a %s chart is drawn over time: use a series",
                      aidstat_chart_kind_name(k));
        return false;
    }
    return true;
}

/* A chart of the comparison's rows: one value per row (bar, scatter), the
 * parts of each row (stacked, grouped) or its two ends (dumbbell). The
 * largest magnitude for the unit goes to *maxabs. */
static aidstat_chart_t *result_items(const aidstat_result_t *r, const aidstat_chart_options_t *opt,
                                     double *maxabs_out, aidstat_error_t *err)
{
    aidstat_chart_kind_t k = opt->kind;
    size_t nc = aidstat_result_cols(r);
    bool per = aidstat_result_per(r) != AIDSTAT_PER_NONE;
    aidstat_chart_t *c = aid_chart_new(opt, err);
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
    *maxabs_out = maxabs;
    return c;
}

/* The currency, scale and unit label of a chart of a comparison; false
 * (and err) when a stack would have a negative part. */
static bool result_unit(aidstat_chart_t *c, const aidstat_result_t *r, const aidstat_chart_options_t *opt,
                        double maxabs, aidstat_error_t *err)
{
    aidstat_chart_kind_t k = opt->kind;
    bool per = aidstat_result_per(r) != AIDSTAT_PER_NONE;
    c->currency = g_strdup(aidstat_result_currency(r));
    if (k == AIDSTAT_CHART_STACKED) {
        /* a stack adds parts of one whole: a negative part has no place in it */
        c->scale = aidstat_scale_pick_for(c->currency, maxabs);
        for (size_t i = 0; i < c->nitems; i++)
            for (size_t j = 0; j < c->nser; j++)
                if (c->items[i].v[j] < 0) {
                    char buf[64];
                    aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                  "a stacked bar cannot show the negative value of %s (%s%s%s); use grouped",
                                  c->items[i].label, c->series[j], c->series[j][0] ? ": " : "",
                                  aid_chart_value(c, c->items[i].v[j], -1, buf, sizeof buf));
                    return false;
                }
    }
    c->percent_values = per && k != AIDSTAT_CHART_SCATTER;
    if (aidstat_result_per(r) == AIDSTAT_PER_GDP)
        c->percent_values = k != AIDSTAT_CHART_SCATTER;
    c->scale = aidstat_scale_pick_for(c->currency, maxabs);
    if (aidstat_result_stat(r) == AIDSTAT_STAT_COUNT) {
        c->scale = 1;
        c->unit_label = g_strdup(L_("records"));
        g_free(c->currency);
        c->currency = g_strdup("");
    } else if (c->percent_values) {
        /* xgettext:no-c-format */
        c->unit_label = g_strdup(L_("% of donor GDP"));
    } else {
        c->unit_label = unit_text(c->currency, c->scale, c->locale);
    }
    if (k == AIDSTAT_CHART_STACKED && opt->percent) {
        g_free(c->unit_label);
        /* xgettext:no-c-format */
        c->unit_label = g_strdup(L_("% of each bar"));
    }
    if (k == AIDSTAT_CHART_SCATTER) {
        char *u = unit_text(c->currency, c->scale, c->locale);
        c->x_label = g_strdup_printf(L_("Aid, %s"), u);
        /* xgettext:no-c-format */
        c->y_label = g_strdup(L_("% of donor GDP"));
        g_free(u);
    }
    return true;
}

/* Title, subtitle, footer (the result's notes worded for a chart) and
 * text description of a chart of a comparison. */
static void result_texts(aidstat_chart_t *c, const aidstat_result_t *r, const aidstat_chart_options_t *opt)
{
    aidstat_chart_kind_t k = opt->kind;
    aidstat_key_t k0 = aidstat_result_key(r, 0);
    bool dumbbell = k == AIDSTAT_CHART_DUMBBELL;
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        char *t = chart_note(r, i, k);
        if (t)
            g_ptr_array_add(notes, t);
    }
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, r);
    if (!(k == AIDSTAT_CHART_STACKED || k == AIDSTAT_CHART_GROUPED))
        w.key[1] = AIDSTAT_KEY_NONE;
    if (dumbbell) {
        /* the rows are sorted by the gap, not ranked by one measure */
        g_ptr_array_add(
            notes, g_strdup_printf(L_("sorted by the gap between %s and %s"), c->series[0], c->series[1]));
    }
    make_texts(c, &w, NULL, y0, m0, y1, m1, aidstat_result_source(r), aidstat_result_basis(r), notes);
    const char *k0w = aidstat_wording_key(k0, c->currency, false);
    if (dumbbell && !opt->title) {
        g_free(c->title);
        char *second = g_strdup(c->series[1]);
        if (!aid_lang_de()) /* English lowers the second; German keeps its nouns */
            second[0] = g_ascii_tolower(second[0]);
        c->title = g_strdup_printf(L_("%s and %s by %s"), c->series[0], second, k0w);
        g_free(second);
    }
    if (k == AIDSTAT_CHART_SCATTER && !opt->title) {
        char *t = g_strdup_printf(L_("%s: amount and share of GDP"), c->title);
        g_free(c->title);
        c->title = t;
    }
    g_ptr_array_free(notes, TRUE);
    check_highlights(c, opt);
    alt_text(c);
}

aidstat_chart_t *aidstat_chart_from_result(const aidstat_result_t *r, const aidstat_chart_options_t *opt,
                                           aidstat_error_t *err)
{
    aidstat_chart_options_t o_;
    if (!(opt = take(&o_, opt, err)))
        return NULL;
    if (!result_fits(r, opt->kind, err))
        return NULL;
    double maxabs = 0;
    aidstat_chart_t *c = result_items(r, opt, &maxabs, err);
    if (!c)
        return NULL;
    if (!result_unit(c, r, opt, maxabs, err)) {
        aidstat_chart_free(c);
        return NULL;
    }
    result_texts(c, r, opt);
    if (!opt->no_attach)
        aidstat_chart_attach_result(c, r);
    return c;
}

aidstat_chart_t *aidstat_chart_from_series(const aidstat_series_t *s, const aidstat_chart_options_t *opt,
                                           aidstat_error_t *err)
{
    aidstat_chart_options_t o_;
    if (!(opt = take(&o_, opt, err)))
        return NULL;
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
    aidstat_chart_t *c = aid_chart_new(opt, err);
    if (!c)
        return NULL;
    /* complete periods only: a year with four months of data is no year */
    size_t len = aidstat_series_length(s), a, b;
    aidstat_series_complete_span(s, &a, &b);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    char lbl[32];
    if (b < len)
        g_ptr_array_add(notes, g_strdup_printf(L_("%s is not shown: the data covers only part of it"),
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
        g_ptr_array_add(notes, g_strdup_printf(L_("the %zu largest of %zu groups"), opt->top, ng));
        ng = opt->top; /* groups come largest first */
    }
    c->items = g_new0(aid_item_t, ng + 1);
    c->nser = 1;
    c->series = g_new0(char *, 2);
    c->series[0] = g_strdup("");
    double maxabs = 0;
    for (size_t g = 0; g < ng; g++) {
        aid_item_t *it = &c->items[c->nitems++];
        it->label = aid_label_people(aidstat_series_key(s), aidstat_series_group(s, g), NULL);
        it->highlight = highlighted(opt, it->label);
        it->v = g_new0(double, c->nt + 1);
        memcpy(it->v, aidstat_series_values(s, g) + a, c->nt * sizeof(double));
        if (opt->cumulative)
            aidstat_cumulative(it->v, c->nt, it->v);
        for (size_t t = 0; t < c->nt; t++)
            maxabs = MAX(maxabs, fabs(it->v[t]));
        if (opt->trend && k == AIDSTAT_CHART_LINE) {
            aidstat_error_t terr;
            it->has_trend = aidstat_trend_line(it->v, c->nt, c->interval, &it->trend, &terr) == AIDSTAT_OK;
            if (!it->has_trend)
                g_ptr_array_add(notes, g_strdup_printf(L_("%s: no trend line: %s"), it->label, terr.message));
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
        /* xgettext:no-c-format */
        g_ptr_array_add(notes, g_strdup(L_("dashed: least-squares trend with its 95 % confidence band")));
    c->currency = g_strdup(aidstat_series_currency(s));
    c->scale = aidstat_scale_pick_for(c->currency, maxabs);
    char *u = unit_text(c->currency, c->scale, c->locale);
    const char *per = c->interval == AIDSTAT_INTERVAL_YEAR      ? aid_gettext_ctx("period", "year")
                      : c->interval == AIDSTAT_INTERVAL_QUARTER ? aid_gettext_ctx("period", "quarter")
                                                                : aid_gettext_ctx("period", "month");
    c->unit_label =
        opt->cumulative ? g_strdup_printf(L_("%s, cumulative"), u) : g_strdup_printf(L_("%s per %s"), u, per);
    g_free(u);
    int y0, m0, y1, m1; /* the period stated: the one report prose names (aidstat_series_complete_period) */
    aidstat_series_complete_period(s, &y0, &m0, &y1, &m1);
    for (size_t i = 0; i < aidstat_series_note_count(s); i++)
        /* TRANSLATORS: the words of the note "the last period, %s, is
         * incomplete: ..." that tell it apart (the chart leaves the period out) */
        if (!strstr(aidstat_series_note(s, i), L_("is incomplete")))
            g_ptr_array_add(notes, g_strdup(aidstat_series_note(s, i)));
    aidstat_wording_t w;
    aidstat_wording_from_series(&w, s);
    if (c->nitems < 2)
        w.key[0] = AIDSTAT_KEY_NONE;
    w.cumulative = opt->cumulative;
    make_texts(c, &w, opt->cumulative ? NULL : per, y0, m0, y1, m1, aidstat_series_source(s), "", notes);
    g_ptr_array_free(notes, TRUE);
    check_highlights(c, opt);
    alt_text(c);
    return c;
}

aidstat_chart_t *aidstat_chart_from_dates(const aidstat_chart_options_t *opt, const char *label,
                                          const char *unit, const char *source, const int *dates,
                                          const double *values, size_t n, aidstat_error_t *err)
{
    aidstat_chart_options_t o_;
    if (!(opt = take(&o_, opt, err)))
        return NULL;
    if (opt->kind != AIDSTAT_CHART_LINE) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "dated values are drawn as a line chart");
        return NULL;
    }
    if (n < 2) {
        aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "fewer than two values to draw");
        return NULL;
    }
    aidstat_chart_t *c = aid_chart_new(opt, err);
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
        c->tlabels[t] = dates[t] % 100
                            ? g_strdup_printf("%04d-%02d-%02d", c->years[t], c->months[t], dates[t] % 100)
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
    c->subtitle = opt->subtitle
                      ? g_strdup(opt->subtitle)
                      : g_strdup_printf("%s, %s – %s", c->unit_label, c->tlabels[0], c->tlabels[n - 1]);
    c->footer = g_strdup_printf(L_("Source: %s%s%s"), source && source[0] ? source : L_("not stated"),
                                opt->note ? ". " : "", opt->note ? opt->note : "");
    alt_text(c);
    return c;
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
    aidstat_chart_options_t o_;
    if (!(opt = take(&o_, opt, err)))
        return NULL;
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
    size_t n = MIN((size_t)picks->len,
                   opt->top ? opt->top : aidstat_chart_default_top(AIDSTAT_CHART_DUMBBELL, false));
    aidstat_chart_options_t o = *opt;
    o.kind = AIDSTAT_CHART_DUMBBELL;
    aidstat_chart_t *c = aid_chart_new(&o, err);
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
    c->scale = aidstat_scale_pick_for(c->currency, maxabs);
    c->unit_label = unit_text(c->currency, c->scale, c->locale);
    int y0, m0, y1, m1;
    aidstat_diff_common_period(d, &y0, &m0, &y1, &m1);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(notes,
                    g_strdup_printf("the %zu largest of %u changes, over the periods both versions cover", n,
                                    picks->len));
    char *fo = g_path_get_basename(aidstat_diff_file(d, 0)),
         *fn = g_path_get_basename(aidstat_diff_file(d, 1));
    char *src = g_strdup_printf("old version %s (%s); new version %s (%s)", aidstat_diff_source(d, 0), fo,
                                aidstat_diff_source(d, 1), fn);
    g_free(fo);
    g_free(fn);
    aidstat_wording_t w;
    aidstat_wording_init(&w);
    w.measure = m;
    w.currency = c->currency;
    w.key[0] = AIDSTAT_KEY_DONOR;
    make_texts(c, &w, NULL, y0, m0, y1, m1, src, NULL, notes);
    if (!opt->title) {
        char *what = aidstat_wording_subject(&w);
        g_free(c->title);
        const char *key = aidstat_wording_key(AIDSTAT_KEY_DONOR, c->currency, false);
        /* English lowercases the subject inside the title; German keeps its nouns */
        c->title = aid_lang_de() ? g_strdup_printf(L_("Largest revisions: %s by %s"), what, key)
                                 : g_strdup_printf("Largest revisions: %c%s by %s", g_ascii_tolower(what[0]),
                                                   what + 1, key);
        g_free(what);
    }
    g_free(src);
    g_ptr_array_free(notes, TRUE);
    g_array_free(picks, TRUE);
    alt_text(c);
    return c;
}

/* ------------------------------------------------------- releases chart */

aidstat_chart_t *aidstat_chart_from_releases(const aidstat_result_t *const *res, const char *const *labels,
                                             size_t n, const aidstat_chart_options_t *opt,
                                             aidstat_error_t *err)
{
    if (n < 2 || aidstat_result_cols(res[n - 1])) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "a chart of releases needs two or more comparisons by one key");
        return NULL;
    }
    const aidstat_result_t *last = res[n - 1];
    /* rows in the newest release's order, then any only older ones have */
    GPtrArray *rows = g_ptr_array_new();
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t k = n; k-- > 0;)
        for (size_t i = 0; i < aidstat_result_rows(res[k]); i++) {
            const char *l = aidstat_result_row_label(res[k], i);
            if (!aidstat_result_row_is_others(res[k], i, NULL) && g_hash_table_add(seen, (gpointer)l))
                g_ptr_array_add(rows, (gpointer)l);
        }
    g_hash_table_destroy(seen);
    size_t top = opt->top ? opt->top : aidstat_chart_default_top(AIDSTAT_CHART_GROUPED, false);
    size_t ni = MIN((size_t)rows->len, top);
    aidstat_chart_options_t o = *opt;
    o.kind = AIDSTAT_CHART_GROUPED;
    aidstat_chart_t *c = aid_chart_new(&o, err);
    if (!c) {
        g_ptr_array_free(rows, TRUE);
        return NULL;
    }
    c->nser = n;
    c->series = g_new0(char *, n + 1);
    for (size_t k = 0; k < n; k++)
        c->series[k] = g_strdup(labels[k]);
    c->items = g_new0(aid_item_t, ni + 1);
    double maxabs = 0;
    for (size_t i = 0; i < ni; i++) {
        const char *l = rows->pdata[i];
        aid_item_t *it = &c->items[c->nitems++];
        it->label = g_strdup(l);
        it->highlight = highlighted(opt, l);
        it->v = g_new0(double, n + 1);
        for (size_t k = 0; k < n; k++) {
            it->v[k] = 0; /* a row a release does not have: nothing in it */
            for (size_t j = 0; j < aidstat_result_rows(res[k]); j++)
                if (!strcmp(aidstat_result_row_label(res[k], j), l) &&
                    !aidstat_result_row_is_others(res[k], j, NULL))
                    it->v[k] = aidstat_result_value(res[k], j);
            maxabs = MAX(maxabs, fabs(it->v[k]));
        }
    }
    g_ptr_array_free(rows, TRUE);
    c->currency = g_strdup(aidstat_result_currency(last));
    c->scale = aidstat_scale_pick_for(c->currency, maxabs);
    c->unit_label = unit_text(c->currency, c->scale, c->locale);
    int y0, m0, y1, m1;
    aidstat_result_period(last, &y0, &m0, &y1, &m1);
    /* "Kiel Institute, Ukraine Support Tracker: [1] Release 30 (07/2026); ...":
     * the publisher once, before the releases */
    GString *src = g_string_new(aidstat_result_source(last));
    const char *rel = strstr(src->str, ", Release");
    if (rel)
        g_string_truncate(src, (gsize)(rel - src->str));
    else
        g_string_truncate(src, 0);
    if (src->len)
        g_string_append(src, ": ");
    for (size_t k = 0; k < n; k++)
        g_string_append_printf(src, "%s%s", k ? "; " : "", labels[k]);
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(notes, g_strdup("the same selection in each release, oldest first"));
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, last);
    make_texts(c, &w, NULL, y0, m0, y1, m1, src->str, NULL, notes);
    if (!opt->title) {
        char *t = g_strdup_printf("%s, per release", c->title);
        g_free(c->title);
        c->title = t;
    }
    g_string_free(src, TRUE);
    g_ptr_array_free(notes, TRUE);
    alt_text(c);
    return c;
}
