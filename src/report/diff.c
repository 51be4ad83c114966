/* The ```diff block of a report: "What changed since the previous
 * release". The report's data is the new version; `old:` names the
 * previous release's file (any format aidstat reads). Shown as a table
 * of the largest revisions per donor with group totals, or (show: chart)
 * as a dumbbell chart of old and new values. The figures come from
 * aidstat_diff (src/stats/diff.c). */
#include "config.h"
#include "report/report.h"
#include "data/error.h"
#include "data/intl.h"

#include <math.h>
#include <string.h>

static const char *const diff_keys[] = {"old",  "show", "top",     "type",   "measure", "donor", "region",
                                        "from", "to",   "caption", "height", "title",   NULL};

bool aid_diff_block_is_chart(const aid_opts_t *o)
{
    const char *s = aid_opts_get(o, "show");
    return s && !strcmp(s, "chart");
}

/* Load the old file and the report's data into a finished diff. */
static aidstat_diff_t *compute(const aid_rdata_t *d, const aid_opts_t *o, long line, aidstat_filter_t **f,
                               aidstat_error_t *err)
{
    const char *old = aid_opts_get(o, "old");
    if (!old || !old[0]) {
        aid_opts_error(o, NULL, line, 1, err, "diff: give the previous release's file (old: FILE)");
        return NULL;
    }
    /* a file the spec names, as every other: confined like them */
    long oline = line, ocol = 1;
    aid_opts_where(o, "old", &oline, &ocol);
    char *path = aid_spec_file(d, o->file, old, "old", oline, ocol, err);
    if (!path)
        return NULL;
    if (!(*f = aid_query_filter(d, o, false, err))) {
        g_free(path);
        return NULL;
    }
    aidstat_diff_options_t opt;
    aidstat_diff_options_init(&opt);
    opt.filter = *f;
    opt.regions = d->regions;
    aidstat_diff_t *df = aidstat_diff_new(&opt, err);
    if (!df) {
        g_free(path);
        return NULL;
    }
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_load_options_t lo;
    aidstat_load_options_init(&lo);
    lo.display_name = old; /* messages name the file as the spec does */
    aidstat_status_t st = aidstat_load_file(path, &lo, aidstat_diff_add_old, df, r, err);
    if (st == AIDSTAT_OK) {
        aidstat_diff_add_load_report(df, 0, r);
        aidstat_diff_set_file(df, 1, "the report's data");
        st = aidstat_table_foreach(d->table, aidstat_diff_add_new, df);
    }
    if (st == AIDSTAT_OK)
        st = aidstat_diff_finish(df, err);
    aidstat_load_report_free(r);
    g_free(path);
    if (st != AIDSTAT_OK) {
        aidstat_diff_free(df);
        return NULL;
    }
    return df;
}

/* The measure shown: allocations when compared, else the first compared. */
static int main_measure(const aidstat_diff_t *df)
{
    if (aidstat_diff_has_measure(df, AIDSTAT_MEASURE_ALLOCATION))
        return AIDSTAT_MEASURE_ALLOCATION;
    for (int m = 0; m < AIDSTAT_MEASURE_COUNT; m++)
        if (aidstat_diff_has_measure(df, (aidstat_measure_t)m))
            return m;
    return -1;
}

/* A row's type is its measure's total: all types, or the one type shown. */
static bool is_total(const aidstat_diff_t *df, const aidstat_diff_row_t *r, bool group)
{
    size_t n = group ? aidstat_diff_groups(df) : aidstat_diff_rows(df);
    for (size_t i = 0; i < n; i++) {
        const aidstat_diff_row_t *x = group ? aidstat_diff_group(df, i) : aidstat_diff_row(df, i);
        if (x->measure == r->measure && !strcmp(x->label, r->label))
            return x == r; /* the first row of a donor and measure is its total */
    }
    return false;
}

static char *num(const aid_rdata_t *d, double v, double scale, bool sign)
{
    char n[64];
    aid_num(v / scale, 3, d->locale, n, sizeof n);
    bool zero = strspn(n, "-0.,") == strlen(n);
    return g_strdup_printf("%s%s", sign && v > 0 && !zero ? "+" : "", zero && n[0] == '-' ? n + 1 : n);
}

static void put_row(const aid_rdata_t *d, aid_block_t *b, size_t *k, const aidstat_diff_row_t *r,
                    double scale, bool bold, bool periods)
{
    /* a donor's or a group's name in the language of names */
    char *who = aidstat_label_people(bold ? AIDSTAT_KEY_REGION : AIDSTAT_KEY_DONOR, r->label, r->code);
    char *e = g_markup_escape_text(who, -1);
    b->cells[(*k)++] = bold ? g_strdup_printf("<b>%s</b>", e) : g_strdup(e);
    g_free(e);
    g_free(who);
    b->cells[(*k)++] = r->status == AIDSTAT_DIFF_ADDED ? g_strdup("–") : num(d, r->old_value, scale, false);
    b->cells[(*k)++] = r->status == AIDSTAT_DIFF_REMOVED ? g_strdup("–") : num(d, r->new_value, scale, false);
    b->cells[(*k)++] = num(d, r->change, scale, true);
    char n[64];
    aid_num(fabs(r->pct_change) * 100, 1, d->locale, n, sizeof n);
    b->cells[(*k)++] = isnan(r->pct_change) ? g_strdup(L_("n/a"))
                                            : g_strdup_printf("%s%s %%",
                                                              r->pct_change > 0   ? "+"
                                                              : r->pct_change < 0 ? "−"
                                                                                  : "",
                                                              n);
    if (periods)
        b->cells[(*k)++] = num(d, r->new_periods, scale, false);
}

static char *period_text(int y0, int m0, int y1, int m1)
{
    char a[32], c[32];
    if (y0 <= 0)
        return g_strdup(L_("no common period"));
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, c, sizeof c);
    return strcmp(a, c) ? g_strdup_printf("%s – %s", a, c) : g_strdup(a);
}

static char *note_text(const aidstat_diff_t *df, int m, const char *unit)
{
    GString *s = g_string_new(NULL);
    int y0, m0, y1, m1;
    aidstat_diff_common_period(df, &y0, &m0, &y1, &m1);
    char *p = period_text(y0, m0, y1, m1);
    /* the measure's label starts with a capital ("Allocations", "Zusagen") */
    g_string_append_printf(s,
                           L_("%s, %s (nominal); revisions over %s, the periods both versions cover. "
                              "Previous version: %s (%s). New version: %s."),
                           aidstat_measure_label((aidstat_measure_t)m), unit, p, aidstat_diff_source(df, 0),
                           aidstat_diff_file(df, 0), aidstat_diff_source(df, 1));
    for (int w = 1; w >= 0; w--) {
        size_t n = aidstat_diff_donor_count(df, w);
        if (!n)
            continue;
        g_string_append(s, w ? L_(" Donors added: ") : L_(" Donors removed: "));
        for (size_t i = 0; i < n; i++) {
            char *name = aidstat_label_people(AIDSTAT_KEY_DONOR, aidstat_diff_donor(df, w, i), NULL);
            g_string_append_printf(s, "%s%s", i ? ", " : "", name);
            g_free(name);
        }
        g_string_append_c(s, '.');
    }
    for (size_t i = 0; i < aidstat_diff_note_count(df); i++)
        g_string_append_printf(s, " %s.", aidstat_diff_note(df, i));
    g_free(p);
    char *e = g_markup_escape_text(s->str, -1);
    g_string_free(s, TRUE);
    return e;
}

static aidstat_status_t fill_table(const aid_rdata_t *d, const aidstat_diff_t *df, aid_block_t *b, size_t top)
{
    int m = main_measure(df);
    GPtrArray *rows = g_ptr_array_new(), *groups = g_ptr_array_new();
    double maxabs = 0;
    bool periods = false;
    for (size_t i = 0; i < aidstat_diff_rows(df); i++) {
        const aidstat_diff_row_t *r = aidstat_diff_row(df, i);
        if ((int)r->measure == m && r->status != AIDSTAT_DIFF_SAME && rows->len < top &&
            is_total(df, r, false))
            g_ptr_array_add(rows, (gpointer)r);
    }
    for (size_t i = 0; i < aidstat_diff_groups(df); i++) {
        const aidstat_diff_row_t *r = aidstat_diff_group(df, i);
        if ((int)r->measure != m || !is_total(df, r, true))
            continue;
        if (!strcmp(r->code, "europe") || !strcmp(r->code, "usa") || !strcmp(r->code, "all"))
            g_ptr_array_add(groups, (gpointer)r);
    }
    for (guint i = 0; i < groups->len; i++) {
        const aidstat_diff_row_t *r = g_ptr_array_index(groups, i);
        maxabs = fmax(maxabs, fmax(fabs(r->old_value), fabs(r->new_value)));
        periods |= r->new_periods != 0;
    }
    double scale = aidstat_scale_pick(maxabs);
    /* "€ m", German "Mio. €" (the wording module's order) */
    char *unit = aidstat_wording_unit(aidstat_diff_currency(df), scale, false);
    b->ncols = 5 + (periods ? 1 : 0);
    b->nrows = 1 + rows->len + groups->len;
    b->header_rows = 1;
    b->cells = g_new0(char *, b->ncols * b->nrows);
    b->right = g_new0(bool, b->ncols);
    size_t k = 0;
    const char *head[] = {L_("Donor"),
                          L_("Previous"),
                          L_("New"),
                          L_("Change"),
                          /* xgettext:no-c-format */ L_("% change"),
                          L_("New months")};
    for (size_t j = 0; j < b->ncols; j++) {
        b->cells[k++] = g_strdup(head[j]);
        b->right[j] = j > 0;
    }
    for (guint i = 0; i < rows->len; i++)
        put_row(d, b, &k, g_ptr_array_index(rows, i), scale, false, periods);
    for (guint i = 0; i < groups->len; i++)
        put_row(d, b, &k, g_ptr_array_index(groups, i), scale, true, periods);
    b->note = note_text(df, m, unit);
    g_free(unit);
    g_ptr_array_free(rows, TRUE);
    g_ptr_array_free(groups, TRUE);
    return AIDSTAT_OK;
}

aidstat_status_t aid_diff_block(const aid_rdata_t *d, aid_opts_t *o, long line, aid_block_t *b,
                                aidstat_error_t *err)
{
    aidstat_status_t st = aid_opts_check(o, diff_keys, line, 1, err);
    if (st != AIDSTAT_OK)
        return st;
    const char *t = aid_opts_get(o, "top");
    long top = t ? strtol(t, NULL, 10) : 10;
    if (top < 1 || top > 100)
        return aid_opts_error(o, "top", line, 1, err, "top: give a number of donors from 1 to 100");
    const char *show = aid_opts_get(o, "show");
    if (show && strcmp(show, "table") && strcmp(show, "chart"))
        return aid_opts_error(o, "show", line, 1, err, "show: use table or chart");
    aidstat_filter_t *f = NULL;
    aidstat_diff_t *df = compute(d, o, line, &f, err);
    if (!df) {
        aidstat_filter_free(f);
        return err->code ? err->code : AIDSTAT_ERR_DATA;
    }
    if (aid_diff_block_is_chart(o)) {
        aidstat_chart_options_t co;
        aidstat_chart_options_init(&co);
        co.kind = AIDSTAT_CHART_DUMBBELL;
        co.top = (size_t)top;
        co.title = aid_opts_get(o, "title");
        co.locale = d->locale == AID_LOCALE_DE ? "de" : "en";
        b->chart = aidstat_chart_from_diff(df, &co, -1, err);
        st = b->chart ? AIDSTAT_OK : err->code;
    } else {
        st = fill_table(d, df, b, (size_t)top);
    }
    aidstat_diff_free(df);
    aidstat_filter_free(f);
    return st;
}
