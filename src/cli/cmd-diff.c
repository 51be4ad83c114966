/* aidstat diff OLD NEW: what changed between two versions of a dataset,
 * per donor x type x measure and per group of donors, as a table for
 * people or as CSV/TSV/JSON/Markdown; optionally a chart of the largest
 * revisions. The figures come from aidstat_diff (src/stats/diff.c). */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

typedef struct {
    const aidstat_diff_t *d;
    bool all;   /* unchanged rows too */
    size_t top; /* largest N donors per measure; 0 = all */
    double scale;
    int decimals;
    char unit[64], unit_long[96];
    bool new_col, old_col; /* periods only one file covers */
    FILE *fp;
} view_t;

static const char *type_text(aidstat_type_t t)
{
    return t == AIDSTAT_TYPE_TOTAL ? "all types" : aidstat_type_name(t);
}

/* the measure as a word ("allocations"; in German "Bereitstellungen") */
static char *measure_text(aidstat_measure_t m)
{
    return g_strdup(aidstat_wording_measure(m));
}

/* a row's status for people: the words of aidstat_diff_status_name */
static const char *status_text(aidstat_diff_status_t s)
{
    static const char *const words[] G_GNUC_UNUSED = {
        NC_("diff status", "same"), NC_("diff status", "revised"), NC_("diff status", "added"),
        NC_("diff status", "removed")};
    return cli_label_ctx("diff status", aidstat_diff_status_name(s));
}

static char *period_text(int y0, int m0, int y1, int m1)
{
    char a[32], b[32];
    if (y0 <= 0)
        return g_strdup("no dates");
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    return strcmp(a, b) ? g_strdup_printf("%s – %s", a, b) : g_strdup(a);
}

static char *side_period(const aidstat_diff_t *d, int which)
{
    int y0, m0, y1, m1;
    aidstat_diff_period(d, which, &y0, &m0, &y1, &m1);
    return period_text(y0, m0, y1, m1);
}

static char *common_period(const aidstat_diff_t *d)
{
    int y0, m0, y1, m1;
    aidstat_diff_common_period(d, &y0, &m0, &y1, &m1);
    return y0 > 0 ? period_text(y0, m0, y1, m1) : g_strdup("none");
}

/* Which donor rows are shown: changed ones (all with --all), and with
 * --top only the N donors with the largest all-types change per measure. */
static bool *shown_rows(const view_t *v)
{
    size_t n = aidstat_diff_rows(v->d);
    bool *show = g_new0(bool, n + 1);
    size_t donors = 0;
    int measure = -1;
    const char *donor = NULL;
    for (size_t i = 0; i < n; i++) {
        const aidstat_diff_row_t *r = aidstat_diff_row(v->d, i);
        if ((int)r->measure != measure) {
            measure = (int)r->measure;
            donors = 0;
            donor = NULL;
        }
        if (!donor || strcmp(donor, r->label)) {
            donor = r->label;
            donors++;
        }
        show[i] = (v->all || r->status != AIDSTAT_DIFF_SAME || r->new_periods != 0 || r->old_periods != 0) &&
                  (!v->top || donors <= v->top);
    }
    return show;
}

static char *fmt_money(const view_t *v, double x, bool sign, char *buf, size_t len)
{
    char tmp[64];
    cli_fmt_grouped(x / v->scale, v->decimals, tmp, sizeof tmp);
    bool zero = strspn(tmp, "-0.,") == strlen(tmp);
    if (zero && tmp[0] == '-')
        memmove(tmp, tmp + 1, strlen(tmp));
    snprintf(buf, len, "%s%s", sign && x > 0 && !zero ? "+" : "", tmp);
    return buf;
}

static char *fmt_pct(double x, char *buf, size_t len)
{
    if (isnan(x))
        snprintf(buf, len, "%s", L_("n/a"));
    else
        snprintf(buf, len, "%+.1f %%", x * 100.0);
    if (cli_lang_de())
        cli_num_german(buf);
    return buf;
}

static void grid_header(const view_t *v, cli_grid_t *g, const char *first)
{
    cli_grid_put(g, first);
    cli_grid_put(g, _("Type"));
    cli_grid_put(g, _("Measure"));
    cli_grid_put(g, _("Old"));
    cli_grid_put(g, _("New"));
    cli_grid_put(g, _("Change"));
    /* xgettext:no-c-format */
    cli_grid_put(g, _("% change"));
    if (v->new_col)
        cli_grid_put(g, _("New periods"));
    if (v->old_col)
        cli_grid_put(g, _("Old periods"));
    cli_grid_put(g, _("Status"));
    for (size_t j = 3; j < g->ncols - 1; j++)
        g->right[j] = true;
}

static void grid_row(const view_t *v, cli_grid_t *g, const aidstat_diff_row_t *r)
{
    char buf[96];
    char *m = measure_text(r->measure);
    char *label = aidstat_label_people(r->group ? AIDSTAT_KEY_REGION : AIDSTAT_KEY_DONOR, r->label, r->code);
    char *ty = cli_types_people(type_text(r->type));
    cli_grid_put(g, label[0] ? label : _("(blank)"));
    cli_grid_put(g, ty);
    cli_grid_put(g, m);
    g_free(label);
    g_free(ty);
    cli_grid_put(g,
                 r->status == AIDSTAT_DIFF_ADDED ? "–" : fmt_money(v, r->old_value, false, buf, sizeof buf));
    cli_grid_put(g, r->status == AIDSTAT_DIFF_REMOVED ? "–"
                                                      : fmt_money(v, r->new_value, false, buf, sizeof buf));
    cli_grid_put(g, fmt_money(v, r->change, true, buf, sizeof buf));
    cli_grid_put(g, fmt_pct(r->pct_change, buf, sizeof buf));
    if (v->new_col)
        cli_grid_put(g, fmt_money(v, r->new_periods, false, buf, sizeof buf));
    if (v->old_col)
        cli_grid_put(g, fmt_money(v, r->old_periods, false, buf, sizeof buf));
    cli_grid_put(g, status_text(r->status));
    g_free(m);
}

static size_t ncols(const view_t *v)
{
    return 8 + (v->new_col ? 1 : 0) + (v->old_col ? 1 : 0);
}

static char *donor_list(const aidstat_diff_t *d, int which)
{
    size_t n = aidstat_diff_donor_count(d, which);
    if (!n)
        return g_strdup(_("none"));
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++) {
        char *name = aidstat_label_people(AIDSTAT_KEY_DONOR, aidstat_diff_donor(d, which, i), NULL);
        g_string_append_printf(s, "%s%s", i ? ", " : "", name);
        g_free(name);
    }
    return g_string_free(s, FALSE);
}

/* The lines under the tables: what was compared, with what. */
static GPtrArray *footer_lines(const view_t *v, size_t hidden)
{
    const aidstat_diff_t *d = v->d;
    GPtrArray *l = g_ptr_array_new_with_free_func(g_free);
    char *cp = common_period(d);
    g_ptr_array_add(l, g_strdup_printf(_("Compared: %s (the periods both files cover)%s"), cp,
                                       v->new_col || v->old_col
                                           ? _("; values for periods only one file covers are shown apart")
                                           : ""));
    g_free(cp);
    g_ptr_array_add(l, g_strdup_printf(_("Unit: %s (%s, nominal: current prices)"), v->unit_long,
                                       aidstat_diff_currency(d)));
    const char *f = aidstat_diff_filter(d);
    if (f[0]) {
        char *words = cli_selection_text(f, aidstat_diff_currency(d));
        g_ptr_array_add(l, g_strdup_printf(_("Selection: %s"), words));
        g_free(words);
    }
    char *added = donor_list(d, 1), *removed = donor_list(d, 0);
    g_ptr_array_add(l, g_strdup_printf(_("Donors added: %s; removed: %s"), added, removed));
    g_free(added);
    g_free(removed);
    if (hidden)
        g_ptr_array_add(
            l, g_strdup_printf(_("Rows not shown: %zu%s"), hidden,
                               v->top ? _(" (unchanged, or beyond --top; --all shows unchanged ones)")
                                      : _(" unchanged (--all shows them)")));
    for (size_t i = 0; i < aidstat_diff_note_count(d); i++)
        g_ptr_array_add(l, g_strdup_printf(_("Note: %s"), aidstat_diff_note(d, i)));
    return l;
}

static char *side_text(const aidstat_diff_t *d, int which)
{
    const char *src = aidstat_diff_source(d, which);
    char *p = side_period(d, which);
    char *s = g_strdup_printf(_("%s: %s (%s), %s"), which ? _("New") : _("Old"),
                              src[0] ? src : _("source not stated"), aidstat_diff_file(d, which), p);
    g_free(p);
    return s;
}

static void print_table(const view_t *v, bool markdown)
{
    const aidstat_diff_t *d = v->d;
    FILE *fp = v->fp;
    bool *show = shown_rows(v);
    size_t hidden = 0;
    cli_grid_t *g = cli_grid_new(ncols(v));
    grid_header(v, g, _("Donor"));
    for (size_t i = 0; i < aidstat_diff_rows(d); i++) {
        if (show[i])
            grid_row(v, g, aidstat_diff_row(d, i));
        else
            hidden++;
    }
    cli_grid_t *gg = cli_grid_new(ncols(v));
    grid_header(v, gg, _("Group"));
    for (size_t i = 0; i < aidstat_diff_groups(d); i++)
        grid_row(v, gg, aidstat_diff_group(d, i));
    char *o = side_text(d, 0), *n = side_text(d, 1);
    GPtrArray *foot = footer_lines(v, hidden);
    const char *br = markdown ? "  \n" : "\n";
    char *title = g_strdup_printf(_("What changed between two versions, %s"), v->unit_long);
    if (markdown)
        fprintf(fp, "**%s**\n\n", title);
    else
        fprintf(fp, "%s\n", title);
    fprintf(fp, "%s%s%s\n\n", o, br, n);
    if (g->cells->len > g->ncols) {
        if (markdown)
            cli_grid_markdown(fp, g, false);
        else
            cli_grid_print(fp, g, false);
    } else {
        fputs(_("No donor's figures changed.\n"), fp);
    }
    fprintf(fp, markdown ? "\n**%s**\n\n" : "\n%s\n\n", _("By group"));
    if (markdown)
        cli_grid_markdown(fp, gg, false);
    else
        cli_grid_print(fp, gg, false);
    fputc('\n', fp);
    for (guint i = 0; i < foot->len; i++)
        fprintf(fp, "%s%s", (const char *)g_ptr_array_index(foot, i), i + 1 < foot->len ? br : "\n");
    g_ptr_array_free(foot, TRUE);
    g_free(title);
    g_free(o);
    g_free(n);
    g_free(show);
    cli_grid_free(g);
    cli_grid_free(gg);
}

static void csv_row(const view_t *v, const aidstat_diff_row_t *r, char sep)
{
    FILE *fp = v->fp;
    char *m = measure_text(r->measure);
    cli_csv_field(fp, r->group ? "group" : "donor", sep);
    fputc(sep, fp);
    cli_csv_field(fp, r->label, sep);
    fputc(sep, fp);
    cli_csv_field(fp, r->code, sep);
    fputc(sep, fp);
    cli_csv_field(fp, type_text(r->type), sep);
    fputc(sep, fp);
    fputs(aidstat_measure_name(r->measure), fp);
    double x[] = {r->old_value, r->new_value, r->change, r->pct_change, r->new_periods, r->old_periods};
    for (size_t k = 0; k < G_N_ELEMENTS(x); k++) {
        fputc(sep, fp);
        cli_csv_num(fp, x[k]);
    }
    fputc(sep, fp);
    fputs(aidstat_diff_status_name(r->status), fp);
    fputc(sep, fp);
    cli_csv_field(fp, aidstat_diff_currency(v->d), sep);
    fputc('\n', fp);
    g_free(m);
}

static void print_csv(const view_t *v, char sep)
{
    const char *cols[] = {"row",    "label",      "code",        "type",        "measure", "old",     "new",
                          "change", "pct_change", "new_periods", "old_periods", "status",  "currency"};
    for (size_t k = 0; k < G_N_ELEMENTS(cols); k++)
        fprintf(v->fp, "%s%s", k ? (sep == ',' ? "," : "\t") : "", cols[k]);
    fputc('\n', v->fp);
    bool *show = shown_rows(v);
    for (size_t i = 0; i < aidstat_diff_rows(v->d); i++)
        if (show[i])
            csv_row(v, aidstat_diff_row(v->d, i), sep);
    for (size_t i = 0; i < aidstat_diff_groups(v->d); i++)
        csv_row(v, aidstat_diff_group(v->d, i), sep);
    g_free(show);
}

static void json_row(const view_t *v, const aidstat_diff_row_t *r, bool first)
{
    FILE *fp = v->fp;
    fprintf(fp, "%s\n    {\"label\": ", first ? "" : ",");
    cli_json_str(fp, r->label);
    fputs(", \"code\": ", fp);
    cli_json_str(fp, r->code);
    fprintf(fp, ", \"type\": \"%s\", \"measure\": \"%s\"", type_text(r->type),
            aidstat_measure_name(r->measure));
    const char *names[] = {"old", "new", "change", "pct_change", "new_periods", "old_periods"};
    double x[] = {r->old_value, r->new_value, r->change, r->pct_change, r->new_periods, r->old_periods};
    for (size_t k = 0; k < G_N_ELEMENTS(x); k++) {
        fprintf(fp, ", \"%s\": ", names[k]);
        cli_json_num(fp, x[k]);
    }
    fprintf(fp, ", \"status\": \"%s\"}", aidstat_diff_status_name(r->status));
}

static void json_side(const view_t *v, int which)
{
    FILE *fp = v->fp;
    int y0, m0, y1, m1;
    aidstat_diff_period(v->d, which, &y0, &m0, &y1, &m1);
    char *a = cli_period_iso(y0, m0), *b = cli_period_iso(y1, m1);
    fprintf(fp, "  \"%s\": {\"file\": ", which ? "new" : "old");
    cli_json_str(fp, aidstat_diff_file(v->d, which));
    fputs(", \"source\": ", fp);
    cli_json_str(fp, aidstat_diff_source(v->d, which));
    fprintf(fp, ", \"from\": \"%s\", \"to\": \"%s\"},\n", a, b);
    g_free(a);
    g_free(b);
}

static void json_donors(const view_t *v, const char *name, int which)
{
    fprintf(v->fp, "  \"%s\": [", name);
    for (size_t i = 0; i < aidstat_diff_donor_count(v->d, which); i++) {
        if (i)
            fputs(", ", v->fp);
        cli_json_str(v->fp, aidstat_diff_donor(v->d, which, i));
    }
    fputs("],\n", v->fp);
}

static void print_json(const view_t *v)
{
    const aidstat_diff_t *d = v->d;
    FILE *fp = v->fp;
    fputs("{\n", fp);
    json_side(v, 0);
    json_side(v, 1);
    int y0, m0, y1, m1;
    aidstat_diff_common_period(d, &y0, &m0, &y1, &m1);
    char *a = cli_period_iso(y0, m0), *b = cli_period_iso(y1, m1);
    fprintf(fp, "  \"common\": {\"from\": \"%s\", \"to\": \"%s\"},\n  \"currency\": ", a, b);
    g_free(a);
    g_free(b);
    cli_json_str(fp, aidstat_diff_currency(d));
    fputs(",\n  \"filter\": ", fp);
    cli_json_str(fp, aidstat_diff_filter(d));
    fputs(",\n", fp);
    json_donors(v, "added", 1);
    json_donors(v, "removed", 0);
    fputs("  \"rows\": [", fp);
    bool *show = shown_rows(v);
    bool first = true;
    for (size_t i = 0; i < aidstat_diff_rows(d); i++)
        if (show[i]) {
            json_row(v, aidstat_diff_row(d, i), first);
            first = false;
        }
    g_free(show);
    fputs("\n  ],\n  \"groups\": [", fp);
    for (size_t i = 0; i < aidstat_diff_groups(d); i++)
        json_row(v, aidstat_diff_group(d, i), i == 0);
    fputs("\n  ],\n  \"notes\": [", fp);
    for (size_t i = 0; i < aidstat_diff_note_count(d); i++) {
        fputs(i ? ", " : "", fp);
        cli_json_str(fp, aidstat_diff_note(d, i));
    }
    fputs("]\n}\n", fp);
}

/* The display unit from the largest figure, as compare chooses it. */
static void choose_scale(view_t *v, const char *want)
{
    double maxabs = 0;
    for (size_t i = 0; i < aidstat_diff_groups(v->d); i++) {
        const aidstat_diff_row_t *r = aidstat_diff_group(v->d, i);
        maxabs = MAX(maxabs, MAX(fabs(r->old_value), fabs(r->new_value)));
        v->new_col |= r->new_periods != 0;
        v->old_col |= r->old_periods != 0;
    }
    cli_unit_t u;
    cli_unit_choose(&u, maxabs, aidstat_diff_currency(v->d), want);
    v->scale = u.scale;
    g_strlcpy(v->unit, u.unit, sizeof v->unit);
    g_strlcpy(v->unit_long, u.unit_long, sizeof v->unit_long);
}

static void add_old(const aidstat_load_report_t *r, void *user)
{
    aidstat_diff_add_load_report(user, 0, r);
}

static void add_new(const aidstat_load_report_t *r, void *user)
{
    aidstat_diff_add_load_report(user, 1, r);
}

/* The chart of the largest revisions. */
static int write_chart(const aidstat_diff_t *d, const char *path, const char *measure, size_t top)
{
    aidstat_error_t err;
    aidstat_chart_options_t co;
    aidstat_chart_options_init(&co);
    co.kind = AIDSTAT_CHART_DUMBBELL;
    co.top = top ? top : aidstat_chart_default_top(AIDSTAT_CHART_DUMBBELL, false);
    int m = -1;
    aidstat_measure_t mv;
    if (measure && aidstat_measure_parse(measure, &mv) != AIDSTAT_OK)
        return cli_error(EXIT_USAGE,
                         "--chart-measure \"%s\": use commitment, allocation, delivery or to_be_allocated",
                         measure);
    if (measure)
        m = (int)mv;
    aidstat_chart_t *c = aidstat_chart_from_diff(d, &co, m, &err);
    if (!c)
        return cli_fail(&err);
    aidstat_status_t st = aidstat_chart_write(c, path, 720, 480, 150, &err);
    aidstat_chart_free(c);
    return st == AIDSTAT_OK ? EXIT_OK : cli_fail(&err);
}

int cmd_diff(int argc, char **argv)
{
    gchar *format = NULL, *output = NULL, *scale = NULL, *chart = NULL, *chart_measure = NULL;
    gint top = 0, decimals = -1;
    gboolean all = FALSE;
    cli_data_opts_t data = {0};
    cli_select_t sel = {0};
    GOptionEntry entries[] = {
        {"all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Show unchanged rows too"), NULL},
        {"top", 'n', 0, G_OPTION_ARG_INT, &top,
         N_("Only the N donors with the largest change per measure (chart: 15 by default)"), N_("N")},
        {"chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
         N_("Also draw the largest revisions (old and new per donor) to FILE (.pdf, .svg, .png)"),
         N_("FILE")},
        {"chart-measure", 0, 0, G_OPTION_ARG_STRING, &chart_measure,
         N_("Measure of the chart (default: allocations when compared, else the first)"), N_("MEASURE")},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output: table, csv, tsv, json, markdown"),
         N_("FORMAT")},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of stdout"),
         N_("FILE")},
        {"scale", 0, 0, G_OPTION_ARG_STRING, &scale, N_("Table unit: bn, m, k or 1 (default: automatic)"),
         N_("UNIT")},
        {"decimals", 0, 0, G_OPTION_ARG_INT, &decimals, N_("Decimals in the table (default 3)"), N_("N")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx =
        g_option_context_new(N_("OLD NEW - what changed between two versions of a dataset"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, /* xgettext:no-c-format */ N_(
            "Per donor, type and measure: the old and new value over the periods both files\n"
            "cover, the change and % change; values for periods only one covers apart;\n"
            "donors added and removed; totals per group. The files may be in different\n"
            "formats (a release's workbook against the website's CSV).\n\n"
            "Example: aidstat diff --type military old/data_explorer.csv data_explorer.csv"));
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
    cli_select_add_entries(&sel, ctx);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_diff_t *d = NULL;
    aidstat_error_t err;
    cli_output_t out = {0};

    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if (argc != 3) {
        code = cli_error(EXIT_USAGE, "diff compares two files: give OLD and NEW (%d given)", argc - 1);
        goto done;
    }
    if ((code = cli_data_prepare(&data)))
        goto done;
    if ((code = cli_select_build(&sel, &data, true)))
        goto done;
    if (top < 0) {
        code = cli_error(EXIT_USAGE, "--top %d: give a positive number (0 shows all rows)", top);
        goto done;
    }
    cli_format_t fmt = CLI_FMT_TABLE;
    if (format && !cli_format_parse(format, &fmt)) {
        code = cli_error(EXIT_USAGE, "--format \"%s\": use table, csv, tsv, json or markdown", format);
        goto done;
    }
    if (scale && strcmp(scale, "bn") && strcmp(scale, "m") && strcmp(scale, "k") && strcmp(scale, "1")) {
        code = cli_error(EXIT_USAGE, "--scale \"%s\": use bn, m, k or 1", scale);
        goto done;
    }
    if (decimals > 9) {
        code = cli_error(EXIT_USAGE, "--decimals %d: at most 9", decimals);
        goto done;
    }
    aidstat_diff_options_t opt;
    aidstat_diff_options_init(&opt);
    opt.filter = sel.filter;
    opt.regions = sel.regions_table;
    if (!(d = aidstat_diff_new(&opt, &err))) {
        code = cli_fail(&err);
        goto done;
    }
    if ((code = cli_load(&data, argv + 1, 1, aidstat_diff_add_old, d, add_old, d)) ||
        (code = cli_load(&data, argv + 2, 1, aidstat_diff_add_new, d, add_new, d)))
        goto done;
    if (aidstat_diff_finish(d, &err) != AIDSTAT_OK) {
        code = cli_fail(&err);
        goto done;
    }
    view_t v = {0};
    v.d = d;
    v.all = all;
    v.top = (size_t)top;
    choose_scale(&v, scale);
    v.decimals = decimals >= 0 ? decimals : (v.scale > 1 ? 3 : 0);
    if (chart && (code = write_chart(d, chart, chart_measure, v.top)))
        goto done;
    if ((code = cli_output_open(&out, output)))
        goto done;
    v.fp = out.fp;
    switch (fmt) {
    case CLI_FMT_TABLE:
        print_table(&v, false);
        break;
    case CLI_FMT_MARKDOWN:
        print_table(&v, true);
        break;
    case CLI_FMT_CSV:
        print_csv(&v, ',');
        break;
    case CLI_FMT_TSV:
        print_csv(&v, '\t');
        break;
    case CLI_FMT_JSON:
        print_json(&v);
        break;
    }
    code = cli_output_commit(&out);
done:
    if (code && out.fp)
        cli_output_abort(&out);
    aidstat_diff_free(d);
    cli_select_clear(&sel);
    g_free(format);
    g_free(output);
    g_free(scale);
    g_free(chart);
    g_free(chart_measure);
    cli_data_clear(&data);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
