/* aidstat chart KIND: publication charts from the same selections as
 * compare and trend, written as PDF, SVG, PNG, PS or EPS by extension. */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* "160mm", "6.5in", "1200px" (at dpi), or a bare number of millimetres. */
static bool parse_length(const char *s, double dpi, double *pt)
{
    /* the number before the unit, read strictly */
    size_t n = strspn(s, "0123456789.eE+-");
    while (n && (s[n - 1] == 'e' || s[n - 1] == 'E')) /* "1e" of "1em" is no exponent */
        n--;
    char *num = g_strndup(s, n);
    const char *end = s + n;
    double v = 0;
    bool ok = aidstat_number_read(num, false, 1e-9, 1e9, &v) == AIDSTAT_NUMBER_OK;
    g_free(num);
    if (!ok)
        return false;
    if (!*end || !strcmp(end, "mm"))
        *pt = v * 72.0 / 25.4;
    else if (!strcmp(end, "cm"))
        *pt = v * 72.0 / 2.54;
    else if (!strcmp(end, "in"))
        *pt = v * 72.0;
    else if (!strcmp(end, "pt"))
        *pt = v;
    else if (!strcmp(end, "px"))
        *pt = v * 72.0 / dpi;
    else
        return false;
    return *pt <= 72.0 * 60; /* 60 inches is a poster */
}

/* Into standard output, keeping the errno of a failed write for the
 * message (cairo stops at the first failure and only says "write error"). */
static unsigned int write_stdout(void *closure, const unsigned char *data, unsigned int len)
{
    int *e = closure;
    errno = 0;
    if (fwrite(data, 1, len, stdout) == len && !ferror(stdout))
        return 0;
    if (!*e)
        *e = errno ? errno : EIO;
    return 1;
}

static void compare_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_compare_add_load_report(user, r);
}

static void series_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_series_add_load_report(user, r);
}

static void compare_caveat(void *user, const char *caveat)
{
    aidstat_compare_add_caveat(user, caveat);
}

static void series_caveat(void *user, const char *caveat)
{
    aidstat_series_add_caveat(user, caveat);
}

/* A chart over time reads its records into its series and into the
 * comparison its PDF attaches (the totals of the same selection). */
typedef struct {
    aidstat_series_t *ser;
    aidstat_compare_t *cmp;
} both_t;

static int both_add(const aidstat_record_t *rec, void *user)
{
    both_t *b = user;
    int r = aidstat_series_add(rec, b->ser);
    return r ? r : aidstat_compare_add(rec, b->cmp);
}

static void both_report(const aidstat_load_report_t *r, void *user)
{
    both_t *b = user;
    series_report(r, b->ser);
    compare_report(r, b->cmp);
}

static void both_caveat(void *user, const char *caveat)
{
    both_t *b = user;
    series_caveat(b->ser, caveat);
    compare_caveat(b->cmp, caveat);
}

/* The command line of `aidstat chart`, and what its phases build. */
typedef struct {
    gchar *by, *interval, *output, *width_s, *height_s, *title, *subtitle, *note, *theme, *font, *colors,
        *events_file, *per, *locale, *sort, *type, *rate, *rate_base, *top_s, *dpi_s, *date;
    gchar **highlight;
    gboolean percent, trend, facet, logaxes, alt, cumulative, fragment, no_attach;
    long top;
    double dpi, width, height;
    const char *kind_arg; /* KIND as given */
    aidstat_chart_kind_t kind;
    cli_data_opts_t data;
    cli_select_t sel;
    cli_norm_t norm;
    cli_eu_t eu;
    aidstat_compare_t *cmp;
    aidstat_result_t *res;
    aidstat_series_t *ser;
    aidstat_event_t *events;
    size_t nevents;
    gchar **color_list;
} chart_args_t;

/* Whether the output asked for is an HTML page or fragment. */
static bool wants_html(const chart_args_t *a)
{
    if (!a->output)
        return false;
    if (!strcmp(a->output, "-"))
        return a->type && !g_ascii_strcasecmp(a->type, "html");
    const char *dot = strrchr(a->output, '.');
    return dot && (!g_ascii_strcasecmp(dot, ".html") || !g_ascii_strcasecmp(dot, ".htm"));
}

static GOptionContext *chart_context(chart_args_t *a)
{
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
         N_("Write to FILE: .pdf, .svg, .png, .ps, .eps or .html (- for standard output with --output-type)"),
         N_("FILE")},
        {"output-type", 0, 0, G_OPTION_ARG_STRING, &a->type,
         N_("Type for -o -: pdf, svg, png, ps, eps, html"), N_("TYPE")},
        {"fragment", 0, 0, G_OPTION_ARG_NONE, &a->fragment,
         N_("HTML: a fragment to paste into a page (a <figure> and its <style>), not a whole page"), NULL},
        {"by", 'b', 0, G_OPTION_ARG_STRING, &a->by,
         N_("Grouping (bar: donor; stacked, grouped: donor,type; dumbbell: donor,measure; line: none)"),
         N_("KEY[,KEY]")},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &a->interval,
         N_("Line, area, column: month, quarter or year"), N_("INTERVAL")},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &a->top_s,
         N_("The N largest rows or groups (bar default 15, grouped 8, lines 6, facets 12)"), N_("N")},
        {"sort", 's', 0, G_OPTION_ARG_STRING, &a->sort, N_("Bars by value (default) or name"),
         N_("value|name")},
        {"per", 0, 0, G_OPTION_ARG_STRING, &a->per, N_("Bars relative to the donor's GDP (from the data)"),
         N_("gdp")},
        {"percent", 0, 0, G_OPTION_ARG_NONE, &a->percent,
         /* xgettext:no-c-format */ N_("Stacked: 100 % stacks"), NULL},
        {"cumulative", 0, 0, G_OPTION_ARG_NONE, &a->cumulative, N_("Line, area, column: running totals"),
         NULL},
        {"trend", 0, 0, G_OPTION_ARG_NONE, &a->trend,
         /* xgettext:no-c-format */ N_("Line: least-squares trend with its 95 % confidence band"), NULL},
        {"events", 0, 0, G_OPTION_ARG_FILENAME, &a->events_file,
         N_("Line, area, column: markers from a CSV date,label"), N_("FILE")},
        {"facet", 0, 0, G_OPTION_ARG_NONE, &a->facet,
         N_("Line, area, column: one panel per group, shared scales"), NULL},
        {"log", 0, 0, G_OPTION_ARG_NONE, &a->logaxes, N_("Scatter: logarithmic axes"), NULL},
        {"highlight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->highlight,
         N_("Bar: colour this row, grey the rest (repeatable)"), N_("NAME")},
        {"title", 0, 0, G_OPTION_ARG_STRING, &a->title, N_("Title (default: from the data)"), N_("TEXT")},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &a->subtitle, N_("Subtitle (default: measure, unit, period)"),
         N_("TEXT")},
        {"note", 0, 0, G_OPTION_ARG_STRING, &a->note, N_("A note after the source line"), N_("TEXT")},
        {"width", 'W', 0, G_OPTION_ARG_STRING, &a->width_s, N_("Width: 160mm (default), 6in, 1200px"),
         N_("LENGTH")},
        {"height", 'H', 0, G_OPTION_ARG_STRING, &a->height_s, N_("Height: 100mm (default)"), N_("LENGTH")},
        {"dpi", 0, 0, G_OPTION_ARG_STRING, &a->dpi_s, N_("PNG resolution (default 150)"), N_("DPI")},
        {"theme", 0, 0, G_OPTION_ARG_STRING, &a->theme,
         N_("default (colour-blind-safe) or print (grayscale)"), N_("THEME")},
        {"font", 0, 0, G_OPTION_ARG_STRING, &a->font, N_("Font family (default DejaVu Sans)"), N_("FAMILY")},
        {"colors", 0, 0, G_OPTION_ARG_STRING, &a->colors, N_("Palette: #RRGGBB,#RRGGBB,..."), N_("LIST")},
        {"locale", 0, 0, G_OPTION_ARG_STRING, &a->locale, N_("Number format: en (1,234.5) or de (1.234,5)"),
         N_("LOCALE")},
        {"date", 0, 0, G_OPTION_ARG_STRING, &a->date,
         N_("The date stored in a PDF or PostScript file (default: SOURCE_DATE_EPOCH or now)"),
         N_("YYYY-MM-DD")},
        {"no-attach", 0, 0, G_OPTION_ARG_NONE, &a->no_attach,
         N_("PDF: attach no CSV file (default: the chart's numbers, as compare --format csv writes them)"),
         NULL},
        {"alt", 0, 0, G_OPTION_ARG_NONE, &a->alt,
         N_("Print the chart's text description (on stderr with -o -)"), NULL},
        {"rate", 0, 0, G_OPTION_ARG_STRING, &a->rate,
         N_("Line: plot the exchange rate of CODE from the --rates table, every observation"), N_("CODE")},
        {"rate-base", 0, 0, G_OPTION_ARG_STRING, &a->rate_base,
         N_("With --rate: per unit of this currency (default EUR)"), N_("CODE")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(N_("KIND [FILE...] - draw a chart"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, N_("KIND: bar, stacked, grouped, column, line, area, dumbbell, scatter.\n"
                "Without FILE, the embedded Kiel Ukraine Support Tracker data is used.\n\n"
                "Example: aidstat chart line --by region --region europe,usa --type military --cumulative -o "
                "aid.pdf"));
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
    cli_select_add_entries(&a->sel, ctx);
    cli_norm_add_entries(&a->norm, ctx);
    cli_eu_add_entries(&a->eu, ctx);
    g_option_context_add_group(ctx, cli_data_group(&a->data));
    return ctx;
}

/* Phase 1: the command line read and checked (kind, output, sizes). */
static int chart_parse(GOptionContext *ctx, chart_args_t *a, int *argc, char ***argv)
{
    GError *gerr = NULL;
    if (!g_option_context_parse(ctx, argc, argv, &gerr)) {
        int code = cli_error(EXIT_USAGE, "%s", gerr->message);
        g_error_free(gerr);
        return code;
    }
    if (*argc < 2)
        return cli_error(EXIT_USAGE,
                         "chart: give a KIND: bar, stacked, grouped, column, line, area, dumbbell, scatter");
    a->kind_arg = (*argv)[1];
    aidstat_chart_kind_t kind;
    if (aidstat_chart_kind_parse(a->kind_arg, &kind) != AIDSTAT_OK)
        return cli_error(
            EXIT_USAGE,
            "chart: unknown kind \"%s\"%s (bar, stacked, grouped, column, line, area, dumbbell, scatter)",
            a->kind_arg,
            cli_hint(a->kind_arg, "bar, stacked, grouped, column, line, area, dumbbell, scatter"));
    a->kind = (aidstat_chart_kind_t)kind;
    int dcode = cli_date_apply(a->date);
    if (dcode)
        return dcode;
    if (!a->output && !a->alt)
        return cli_error(EXIT_USAGE,
                         "chart: give an output file with -o FILE.pdf (or .svg, .png, .ps, .eps)");
    if (a->output && !strcmp(a->output, "-") && !a->type)
        return cli_error(EXIT_USAGE, "chart: -o - needs --output-type pdf, svg, png, ps, eps or html");
    if (a->fragment && !wants_html(a))
        return cli_error(EXIT_USAGE,
                         "chart: --fragment is for HTML: -o FILE.html (or -o - --output-type html)");
    int code;
    if ((code = cli_number("--dpi", a->dpi_s, 20, 2400, &a->dpi)) ||
        (code = cli_int("--top", a->top_s, 0, 1000, &a->top)))
        return code;
    if (a->sort && strcmp(a->sort, "value") && strcmp(a->sort, "name"))
        return cli_error(EXIT_USAGE, "--sort \"%s\": use value or name", a->sort);
    if (a->width_s && !parse_length(a->width_s, a->dpi, &a->width))
        return cli_error(EXIT_USAGE, "--width \"%s\": use a length such as 160mm, 6in or 1200px", a->width_s);
    if (a->height_s && !parse_length(a->height_s, a->dpi, &a->height))
        return cli_error(EXIT_USAGE, "--height \"%s\": use a length such as 100mm, 4in or 800px",
                         a->height_s);
    return cli_data_prepare(&a->data);
}

/* Phase 2: the chart's options from the command line (colours, events). */
static int chart_options(chart_args_t *a, aidstat_chart_options_t *co)
{
    aidstat_error_t err;
    aidstat_chart_options_init(co);
    co->kind = a->kind;
    co->title = a->title;
    co->subtitle = a->subtitle;
    co->note = a->note;
    co->theme = a->theme;
    co->font = a->font;
    co->percent = a->percent;
    co->trend = a->trend;
    co->facet = a->facet;
    co->log_x = co->log_y = a->logaxes;
    co->cumulative = a->cumulative;
    co->locale = a->locale;
    co->no_attach = a->no_attach;
    co->highlight = (const char *const *)a->highlight;
    if (a->colors) {
        gchar *one[] = {a->colors, NULL};
        a->color_list = cli_split_list(one);
        co->colors = (const char *const *)a->color_list;
    }
    if (a->events_file) {
        if (aidstat_events_load_file(a->events_file, &a->events, &a->nevents, &err) != AIDSTAT_OK)
            return cli_fail(&err);
        co->events = a->events;
        co->nevents = a->nevents;
    }
    return cli_norm_build(&a->norm);
}

/* Phase 3, --rate: the rates themselves, not aid: every observation of the table. */
static int chart_of_rates(chart_args_t *a, const aidstat_chart_options_t *co, aidstat_chart_t **chart,
                          aidstat_error_t *err)
{
    if (a->kind != AIDSTAT_CHART_LINE || !a->norm.rates)
        return cli_error(
            EXIT_USAGE, "--rate draws a line chart from a --rates table: chart line --rates FILE --rate USD");
    const char *rate = a->rate, *base = a->rate_base ? a->rate_base : "EUR";
    if (!cli_currency_code(rate) || !cli_currency_code(base))
        return cli_error(EXIT_USAGE, "--rate%s \"%s\": use a three-letter code such as USD",
                         cli_currency_code(rate) ? "-base" : "", cli_currency_code(rate) ? base : rate);
    int *dates = NULL;
    double *values = NULL;
    size_t n = aidstat_rates_observations(a->norm.rates, base, rate, &dates, &values);
    if (n < 2) {
        aidstat_free(dates);
        aidstat_free(values);
        return cli_error(EXIT_DATA, "%s: no %s per %s observations to draw", a->norm.rates_file, rate, base);
    }
    char *label = g_strdup_printf("%s per %s", rate, base);
    char *unit = g_strdup_printf("%s per %s", rate, base);
    *chart = aidstat_chart_from_dates(co, label, unit, aidstat_rates_describe(a->norm.rates), dates, values,
                                      n, err);
    g_free(label);
    g_free(unit);
    aidstat_free(dates);
    aidstat_free(values);
    return EXIT_OK;
}

/* Phase 3, line, area, column: a series of the files, its largest groups. */
static int chart_over_time(chart_args_t *a, int argc, char **argv, aidstat_chart_options_t *co,
                           aidstat_chart_t **chart, aidstat_error_t *err)
{
    aidstat_series_options_t so;
    aidstat_series_options_init(&so);
    if (a->by) {
        aidstat_key_t k = AIDSTAT_KEY_NONE;
        (void)aidstat_key_parse(a->by, &k);
        if (k != AIDSTAT_KEY_DONOR && k != AIDSTAT_KEY_REGION && k != AIDSTAT_KEY_TYPE &&
            k != AIDSTAT_KEY_MEASURE && k != AIDSTAT_KEY_SOURCING)
            return cli_error(EXIT_USAGE,
                             "--by \"%s\": a %s chart has one line or layer per donor, region, type, measure "
                             "or sourcing part",
                             a->by, a->kind_arg);
        so.by = (aidstat_key_t)k;
    }
    if (a->interval) {
        aidstat_interval_t iv;
        if (aidstat_interval_parse(a->interval, &iv) != AIDSTAT_OK)
            return cli_error(EXIT_USAGE, "--interval \"%s\": use month, quarter or year", a->interval);
        so.interval = (aidstat_interval_t)iv;
    }
    int code;
    if ((code = cli_select_build(&a->sel, &a->data, so.by == AIDSTAT_KEY_REGION)))
        return code;
    so.filter = a->sel.filter;
    so.regions = a->sel.regions_table;
    so.normalize = a->norm.active ? &a->norm.norm : NULL;
    if (!(a->ser = aidstat_series_new(&so, err)))
        return cli_fail(err);
    co->top = a->top >= 0 ? (size_t)a->top : aidstat_chart_default_top(a->kind, a->facet);
    if (!co->no_attach) {
        /* the totals by the chart's grouping (donor when it has none), its groups' number of rows */
        aidstat_compare_options_t opt;
        aidstat_compare_options_init(&opt);
        opt.by[0] = so.by != AIDSTAT_KEY_NONE ? so.by : AIDSTAT_KEY_DONOR;
        opt.top = so.by != AIDSTAT_KEY_NONE ? co->top : 0;
        opt.filter = so.filter;
        opt.regions = so.regions;
        opt.normalize = so.normalize;
        if (!(a->cmp = aidstat_compare_new(&opt, err)))
            return cli_fail(err);
    }
    both_t both = {a->ser, a->cmp};
    if ((code = a->cmp ? cli_eu_load(&a->eu, &a->data, argv + 2, argc - 2, both_add, &both, both_report,
                                     &both, both_caveat, &both)
                       : cli_eu_load(&a->eu, &a->data, argv + 2, argc - 2, aidstat_series_add, a->ser,
                                     series_report, a->ser, series_caveat, a->ser)))
        return code;
    if ((code = cli_select_check(&a->sel)))
        return code;
    if (aidstat_series_finish(a->ser, err) != AIDSTAT_OK)
        return cli_fail(err);
    if (a->cmp && !(a->res = aidstat_compare_finish(a->cmp, err)))
        return cli_fail(err);
    size_t ng = aidstat_series_groups(a->ser);
    if (co->top && ng > co->top && !a->data.quiet)
        fprintf(stderr, _("aidstat: note: showing the %zu largest of %zu groups (--top N to change)\n"),
                co->top, ng);
    *chart = aidstat_chart_from_series(a->ser, co, err);
    if (*chart && a->res)
        aidstat_chart_attach_result(*chart, a->res);
    return EXIT_OK;
}

/* Phase 3, bars, dumbbell, scatter: a comparison of the files. */
static int chart_compared(chart_args_t *a, int argc, char **argv, const aidstat_chart_options_t *co,
                          aidstat_chart_t **chart, aidstat_error_t *err)
{
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    const aidstat_chart_defaults_t *def = aidstat_chart_defaults(a->kind);
    gchar **keys = g_strsplit(a->by ? a->by : def->by, ",", 3);
    for (guint i = 0; keys[i] && i < 2; i++) {
        aidstat_key_t k;
        if (aidstat_key_parse(g_strstrip(keys[i]), &k) != AIDSTAT_OK) {
            int code = cli_error(EXIT_USAGE, "--by: unknown key \"%s\"%s", keys[i],
                                 cli_hint(keys[i], "donor, region, type, measure, year, quarter, month"));
            g_strfreev(keys);
            return code;
        }
        opt.by[i] = (aidstat_key_t)k;
    }
    g_strfreev(keys);
    opt.per = def->per;
    opt.sort = def->sort;
    if (a->per && !strcmp(a->per, "gdp"))
        opt.per = AIDSTAT_PER_GDP;
    else if (a->per)
        return cli_error(EXIT_USAGE, "--per \"%s\": charts support gdp", a->per);
    opt.top = a->top >= 0 ? (size_t)a->top : aidstat_chart_default_top(a->kind, false);
    if (a->sort)
        opt.sort = !strcmp(a->sort, "name") ? AIDSTAT_SORT_NAME : AIDSTAT_SORT_VALUE;
    int code;
    if ((code = cli_select_build(&a->sel, &a->data,
                                 opt.by[0] == AIDSTAT_KEY_REGION || opt.by[1] == AIDSTAT_KEY_REGION)))
        return code;
    opt.filter = a->sel.filter;
    opt.regions = a->sel.regions_table;
    opt.normalize = a->norm.active ? &a->norm.norm : NULL;
    if (!(a->cmp = aidstat_compare_new(&opt, err)))
        return cli_fail(err);
    if ((code = cli_eu_load(&a->eu, &a->data, argv + 2, argc - 2, aidstat_compare_add, a->cmp, compare_report,
                            a->cmp, compare_caveat, a->cmp)))
        return code;
    if ((code = cli_select_check(&a->sel)))
        return code;
    if (!(a->res = aidstat_compare_finish(a->cmp, err)))
        return cli_fail(err);
    *chart = aidstat_chart_from_result(a->res, co, err);
    return EXIT_OK;
}

/* Phase 4: the text description and the file, then the chart's warnings. */
static int chart_output(chart_args_t *a, aidstat_chart_t *chart)
{
    aidstat_error_t err;
    int code;
    bool to_stdout = a->output && !strcmp(a->output, "-");
    if (a->alt) {
        /* the chart itself owns standard output: the text goes to stderr */
        FILE *fp = to_stdout ? stderr : stdout;
        char *v = aidstat_text_visible(aidstat_chart_describe(chart));
        fprintf(fp, "%s\n", v);
        g_free(v);
    }
    if (wants_html(a)) {
        unsigned flags = a->fragment ? AIDSTAT_CHART_HTML_FRAGMENT : 0;
        if (!to_stdout) {
            if (aidstat_chart_write_html(chart, a->output, a->width, a->height, flags, &err) != AIDSTAT_OK)
                return cli_fail(&err);
        } else {
            char *page = aidstat_chart_html(chart, a->width, a->height, flags, &err);
            if (!page)
                return cli_fail(&err);
            fputs(page, stdout);
            aidstat_free(page);
        }
    } else if (a->output) {
        int werr = 0;
        aidstat_status_t st = !to_stdout
                                  ? aidstat_chart_write(chart, a->output, a->width, a->height, a->dpi, &err)
                                  : aidstat_chart_write_stream(chart, a->type, write_stdout, &werr, a->width,
                                                               a->height, a->dpi, &err);
        if (st != AIDSTAT_OK || werr)
            return werr ? cli_stdout_error(werr) : cli_fail(&err);
    }
    if ((to_stdout || a->alt) && (code = cli_stdout_check()))
        return code;
    for (size_t i = 0; !a->data.quiet && i < aidstat_chart_warning_count(chart); i++)
        cli_error(0, "warning: %s", aidstat_chart_warning(chart, i));
    return EXIT_OK;
}

static void chart_args_clear(chart_args_t *a)
{
    aidstat_result_free(a->res);
    aidstat_compare_free(a->cmp);
    aidstat_series_free(a->ser);
    aidstat_events_free(a->events, a->nevents);
    cli_select_clear(&a->sel);
    cli_norm_clear(&a->norm);
    cli_eu_clear(&a->eu);
    cli_data_clear(&a->data);
    g_strfreev(a->color_list);
    g_strfreev(a->highlight);
    gchar **strings[] = {&a->by,       &a->interval, &a->output, &a->width_s, &a->height_s, &a->title,
                         &a->subtitle, &a->note,     &a->theme,  &a->font,    &a->colors,   &a->events_file,
                         &a->per,      &a->locale,   &a->sort,   &a->type,    &a->rate,     &a->rate_base,
                         &a->top_s,    &a->dpi_s,    &a->date};
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
}

int cmd_chart(int argc, char **argv)
{
    chart_args_t a = {.top = -1, .dpi = 150, .width = 160 * 72 / 25.4, .height = 100 * 72 / 25.4};
    GOptionContext *ctx = chart_context(&a);
    aidstat_chart_options_t co;
    aidstat_chart_t *chart = NULL;
    aidstat_error_t err;
    int code = chart_parse(ctx, &a, &argc, &argv);
    if (!code)
        code = chart_options(&a, &co);
    if (!code) {
        if (a.rate)
            code = chart_of_rates(&a, &co, &chart, &err);
        else if (aidstat_chart_defaults(a.kind)->over_time)
            code = chart_over_time(&a, argc, argv, &co, &chart, &err);
        else
            code = chart_compared(&a, argc, argv, &co, &chart, &err);
        if (!code && !chart)
            code = cli_fail(&err);
    }
    if (!code)
        code = chart_output(&a, chart);
    aidstat_chart_free(chart);
    chart_args_clear(&a);
    g_option_context_free(ctx);
    return code;
}
