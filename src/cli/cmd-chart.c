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

int cmd_chart(int argc, char **argv)
{
    gchar *by = NULL, *interval = NULL, *output = NULL, *width_s = NULL, *height_s = NULL,
          *title = NULL, *subtitle = NULL, *note = NULL, *theme = NULL, *font = NULL, *colors = NULL,
          *events_file = NULL, *per = NULL, *locale = NULL, *sort = NULL, *type = NULL, *rate = NULL,
          *rate_base = NULL, *top_s = NULL, *dpi_s = NULL, *date = NULL;
    gchar **highlight = NULL;
    long top = -1;
    double dpi = 150;
    gboolean percent = FALSE, trend = FALSE, facet = FALSE, logaxes = FALSE, alt = FALSE,
             cumulative = FALSE;
    cli_data_opts_t data = {0};
    cli_select_t sel = {0};
    cli_norm_t norm = {0};
    cli_eu_t eu = {0};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         "Write to FILE: .pdf, .svg, .png, .ps or .eps (- for standard output with --output-type)", "FILE"},
        {"output-type", 0, 0, G_OPTION_ARG_STRING, &type, "Type for -o -: pdf, svg, png, ps, eps", "TYPE"},
        {"by", 'b', 0, G_OPTION_ARG_STRING, &by,
         "Grouping (bar: donor; stacked, grouped: donor,type; dumbbell: donor,measure; line: none)", "KEY[,KEY]"},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &interval, "Line, area, column: month, quarter or year", "INTERVAL"},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &top_s, "The N largest rows or groups (bar default 15, lines 6)", "N"},
        {"sort", 's', 0, G_OPTION_ARG_STRING, &sort, "Bars by value (default) or name", "value|name"},
        {"per", 0, 0, G_OPTION_ARG_STRING, &per, "Bars relative to the donor's GDP (from the data)", "gdp"},
        {"percent", 0, 0, G_OPTION_ARG_NONE, &percent, "Stacked: 100 % stacks", NULL},
        {"cumulative", 0, 0, G_OPTION_ARG_NONE, &cumulative, "Line, area, column: running totals", NULL},
        {"trend", 0, 0, G_OPTION_ARG_NONE, &trend, "Line: least-squares trend with its 95 % confidence band", NULL},
        {"events", 0, 0, G_OPTION_ARG_FILENAME, &events_file, "Line, area, column: markers from a CSV date,label", "FILE"},
        {"facet", 0, 0, G_OPTION_ARG_NONE, &facet, "Line, area, column: one panel per group, shared scales", NULL},
        {"log", 0, 0, G_OPTION_ARG_NONE, &logaxes, "Scatter: logarithmic axes", NULL},
        {"highlight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &highlight, "Bar: colour this row, grey the rest (repeatable)", "NAME"},
        {"title", 0, 0, G_OPTION_ARG_STRING, &title, "Title (default: from the data)", "TEXT"},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, "Subtitle (default: measure, unit, period)", "TEXT"},
        {"note", 0, 0, G_OPTION_ARG_STRING, &note, "A note after the source line", "TEXT"},
        {"width", 'W', 0, G_OPTION_ARG_STRING, &width_s, "Width: 160mm (default), 6in, 1200px", "LENGTH"},
        {"height", 'H', 0, G_OPTION_ARG_STRING, &height_s, "Height: 100mm (default)", "LENGTH"},
        {"dpi", 0, 0, G_OPTION_ARG_STRING, &dpi_s, "PNG resolution (default 150)", "DPI"},
        {"theme", 0, 0, G_OPTION_ARG_STRING, &theme, "default (colour-blind-safe) or print (grayscale)", "THEME"},
        {"font", 0, 0, G_OPTION_ARG_STRING, &font, "Font family (default DejaVu Sans)", "FAMILY"},
        {"colors", 0, 0, G_OPTION_ARG_STRING, &colors, "Palette: #RRGGBB,#RRGGBB,...", "LIST"},
        {"locale", 0, 0, G_OPTION_ARG_STRING, &locale, "Number format: en (1,234.5) or de (1.234,5)", "LOCALE"},
        {"date", 0, 0, G_OPTION_ARG_STRING, &date,
         "The date stored in a PDF or PostScript file (default: SOURCE_DATE_EPOCH or now)", "YYYY-MM-DD"},
        {"alt", 0, 0, G_OPTION_ARG_NONE, &alt, "Print the chart's text description (on stderr with -o -)", NULL},
        {"rate", 0, 0, G_OPTION_ARG_STRING, &rate,
         "Line: plot the exchange rate of CODE from the --rates table, every observation", "CODE"},
        {"rate-base", 0, 0, G_OPTION_ARG_STRING, &rate_base, "With --rate: per unit of this currency (default EUR)", "CODE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("KIND [FILE...] - draw a chart");
    g_option_context_set_summary(ctx,
        "KIND: bar, stacked, grouped, column, line, area, dumbbell, scatter.\n"
        "Without FILE, the embedded Kiel Ukraine Support Tracker data is used.\n\n"
        "Example: aidstat chart line --by region --region europe,usa --type military --cumulative -o aid.pdf");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_select_add_entries(&sel, ctx);
    cli_norm_add_entries(&norm, ctx);
    cli_eu_add_entries(&eu, ctx);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_compare_t *cmp = NULL;
    aidstat_result_t *res = NULL;
    aidstat_series_t *ser = NULL;
    aidstat_chart_t *chart = NULL;
    aidstat_event_t *events = NULL;
    size_t nevents = 0;
    gchar **color_list = NULL;
    aidstat_error_t err;

    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if (argc < 2) {
        code = cli_error(EXIT_USAGE, "chart: give a KIND: bar, stacked, grouped, column, line, area, dumbbell, scatter");
        goto done;
    }
    int kind = aidstat_chart_kind_parse(argv[1]);
    if (kind < 0) {
        code = cli_error(EXIT_USAGE, "chart: unknown kind \"%s\" (bar, stacked, grouped, column, line, area, dumbbell, scatter)",
                         argv[1]);
        goto done;
    }
    if ((code = cli_date_apply(date)))
        goto done;
    if (!output && !alt) {
        code = cli_error(EXIT_USAGE, "chart: give an output file with -o FILE.pdf (or .svg, .png, .ps, .eps)");
        goto done;
    }
    if (output && !strcmp(output, "-") && !type) {
        code = cli_error(EXIT_USAGE, "chart: -o - needs --output-type pdf, svg, png, ps or eps");
        goto done;
    }
    if ((code = cli_number("--dpi", dpi_s, 20, 2400, &dpi)) || (code = cli_int("--top", top_s, 0, 1000, &top)))
        goto done;
    if (sort && strcmp(sort, "value") && strcmp(sort, "name")) {
        code = cli_error(EXIT_USAGE, "--sort \"%s\": use value or name", sort);
        goto done;
    }
    double width = 160 * 72 / 25.4, height = 100 * 72 / 25.4;
    if (width_s && !parse_length(width_s, dpi, &width)) {
        code = cli_error(EXIT_USAGE, "--width \"%s\": use a length such as 160mm, 6in or 1200px", width_s);
        goto done;
    }
    if (height_s && !parse_length(height_s, dpi, &height)) {
        code = cli_error(EXIT_USAGE, "--height \"%s\": use a length such as 100mm, 4in or 800px", height_s);
        goto done;
    }
    if ((code = cli_data_prepare(&data)))
        goto done;

    aidstat_chart_options_t co;
    aidstat_chart_options_init(&co);
    co.kind = (aidstat_chart_kind_t)kind;
    co.title = title;
    co.subtitle = subtitle;
    co.note = note;
    co.theme = theme;
    co.font = font;
    co.percent = percent;
    co.trend = trend;
    co.facet = facet;
    co.log_x = co.log_y = logaxes;
    co.cumulative = cumulative;
    co.locale = locale;
    co.highlight = (const char *const *)highlight;
    if (colors) {
        gchar *one[] = {colors, NULL};
        color_list = cli_split_list(one);
        co.colors = (const char *const *)color_list;
    }
    if (events_file) {
        if (aidstat_events_load_file(events_file, &events, &nevents, &err) != AIDSTAT_OK) {
            code = cli_fail(&err);
            goto done;
        }
        co.events = events;
        co.nevents = nevents;
    }
    bool over_time = kind == AIDSTAT_CHART_LINE || kind == AIDSTAT_CHART_AREA || kind == AIDSTAT_CHART_COLUMN;
    if ((code = cli_norm_build(&norm)))
        goto done;
    if (rate) {
        /* the rates themselves, not aid: every observation of the table */
        if (kind != AIDSTAT_CHART_LINE || !norm.rates) {
            code = cli_error(EXIT_USAGE, "--rate draws a line chart from a --rates table: chart line --rates FILE --rate USD");
            goto done;
        }
        const char *base = rate_base ? rate_base : "EUR";
        if (!cli_currency_code(rate) || !cli_currency_code(base)) {
            code = cli_error(EXIT_USAGE, "--rate%s \"%s\": use a three-letter code such as USD",
                             cli_currency_code(rate) ? "-base" : "", cli_currency_code(rate) ? base : rate);
            goto done;
        }
        int *dates = NULL;
        double *values = NULL;
        size_t n = aidstat_rates_observations(norm.rates, base, rate, &dates, &values);
        if (n < 2) {
            aidstat_free(dates);
            aidstat_free(values);
            code = cli_error(EXIT_DATA, "%s: no %s per %s observations to draw", norm.rates_file, rate, base);
            goto done;
        }
        char *label = g_strdup_printf("%s per %s", rate, base);
        char *unit = g_strdup_printf("%s per %s", rate, base);
        chart = aidstat_chart_from_dates(&co, label, unit, aidstat_rates_describe(norm.rates), dates, values, n, &err);
        g_free(label);
        g_free(unit);
        aidstat_free(dates);
        aidstat_free(values);
    } else if (over_time) {
        aidstat_series_options_t so;
        aidstat_series_options_init(&so);
        if (by) {
            int k = aidstat_key_parse(by);
            if (k != AIDSTAT_KEY_DONOR && k != AIDSTAT_KEY_REGION && k != AIDSTAT_KEY_TYPE && k != AIDSTAT_KEY_MEASURE) {
                code = cli_error(EXIT_USAGE, "--by \"%s\": a %s chart has one line or layer per donor, region, type or measure",
                                 by, argv[1]);
                goto done;
            }
            so.by = (aidstat_key_t)k;
        }
        if (interval) {
            int iv = aidstat_interval_parse(interval);
            if (iv < 0) {
                code = cli_error(EXIT_USAGE, "--interval \"%s\": use month, quarter or year", interval);
                goto done;
            }
            so.interval = (aidstat_interval_t)iv;
        }
        if ((code = cli_select_build(&sel, &data, so.by == AIDSTAT_KEY_REGION)))
            goto done;
        so.filter = sel.filter;
        so.regions = sel.regions_table;
        so.normalize = norm.active ? &norm.norm : NULL;
        if (!(ser = aidstat_series_new(&so, &err))) {
            code = cli_fail(&err);
            goto done;
        }
        if ((code = cli_eu_load(&eu, &data, argv + 2, argc - 2, aidstat_series_add, ser, series_report, ser,
                                series_caveat, ser)))
            goto done;
        if (aidstat_series_finish(ser, &err) != AIDSTAT_OK) {
            code = cli_fail(&err);
            goto done;
        }
        size_t ng = aidstat_series_groups(ser);
        co.top = top >= 0 ? (size_t)top : (facet ? 12 : 6);
        if (co.top && ng > co.top && !data.quiet)
            fprintf(stderr, "aidstat: note: showing the %zu largest of %zu groups (--top N to change)\n", co.top, ng);
        chart = aidstat_chart_from_series(ser, &co, &err);
    } else {
        aidstat_compare_options_t opt;
        aidstat_compare_options_init(&opt);
        const char *def = kind == AIDSTAT_CHART_STACKED || kind == AIDSTAT_CHART_GROUPED ? "donor,type"
                        : kind == AIDSTAT_CHART_DUMBBELL ? "donor,measure" : "donor";
        gchar **keys = g_strsplit(by ? by : def, ",", 3);
        for (guint i = 0; keys[i] && i < 2; i++) {
            int k = aidstat_key_parse(g_strstrip(keys[i]));
            if (k < 0) {
                code = cli_error(EXIT_USAGE, "--by: unknown key \"%s\"", keys[i]);
                g_strfreev(keys);
                goto done;
            }
            opt.by[i] = (aidstat_key_t)k;
        }
        g_strfreev(keys);
        if (kind == AIDSTAT_CHART_SCATTER || (per && !strcmp(per, "gdp")))
            opt.per = AIDSTAT_PER_GDP;
        else if (per) {
            code = cli_error(EXIT_USAGE, "--per \"%s\": charts support gdp", per);
            goto done;
        }
        opt.top = top >= 0 ? (size_t)top : kind == AIDSTAT_CHART_SCATTER ? 0 : kind == AIDSTAT_CHART_GROUPED ? 8 : 15;
        if (sort)
            opt.sort = !strcmp(sort, "name") ? AIDSTAT_SORT_NAME : AIDSTAT_SORT_VALUE;
        if ((code = cli_select_build(&sel, &data,
                                     opt.by[0] == AIDSTAT_KEY_REGION || opt.by[1] == AIDSTAT_KEY_REGION)))
            goto done;
        opt.filter = sel.filter;
        opt.regions = sel.regions_table;
        opt.normalize = norm.active ? &norm.norm : NULL;
        if (!(cmp = aidstat_compare_new(&opt, &err))) {
            code = cli_fail(&err);
            goto done;
        }
        if ((code = cli_eu_load(&eu, &data, argv + 2, argc - 2, aidstat_compare_add, cmp, compare_report, cmp,
                                compare_caveat, cmp)))
            goto done;
        if (!(res = aidstat_compare_finish(cmp, &err))) {
            code = cli_fail(&err);
            goto done;
        }
        chart = aidstat_chart_from_result(res, &co, &err);
    }
    if (!chart) {
        code = cli_fail(&err);
        goto done;
    }
    bool to_stdout = output && !strcmp(output, "-");
    if (alt) {
        /* the chart itself owns standard output: the text goes to stderr */
        FILE *fp = to_stdout ? stderr : stdout;
        char *v = cli_visible(aidstat_chart_describe(chart));
        fprintf(fp, "%s\n", v);
        g_free(v);
    }
    if (output) {
        int werr = 0;
        aidstat_status_t st = !to_stdout
                                  ? aidstat_chart_write(chart, output, width, height, dpi, &err)
                                  : aidstat_chart_write_stream(chart, type, write_stdout, &werr, width, height, dpi, &err);
        if (st != AIDSTAT_OK || werr) {
            code = werr ? cli_stdout_error(werr) : cli_fail(&err);
            goto done;
        }
    }
    if ((to_stdout || alt) && (code = cli_stdout_check()))
        goto done;
    for (size_t i = 0; !data.quiet && i < aidstat_chart_warning_count(chart); i++)
        cli_error(0, "warning: %s", aidstat_chart_warning(chart, i));
done:
    aidstat_chart_free(chart);
    aidstat_result_free(res);
    aidstat_compare_free(cmp);
    aidstat_series_free(ser);
    aidstat_events_free(events, nevents);
    cli_select_clear(&sel);
    cli_norm_clear(&norm);
    cli_eu_clear(&eu);
    cli_data_clear(&data);
    g_strfreev(color_list);
    g_strfreev(highlight);
    g_free(by);
    g_free(interval);
    g_free(output);
    g_free(date);
    g_free(width_s);
    g_free(height_s);
    g_free(title);
    g_free(subtitle);
    g_free(note);
    g_free(theme);
    g_free(font);
    g_free(colors);
    g_free(events_file);
    g_free(per);
    g_free(locale);
    g_free(sort);
    g_free(type);
    g_free(rate);
    g_free(rate_base);
    g_free(top_s);
    g_free(dpi_s);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
