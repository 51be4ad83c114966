/* aidstat compare: totals, shares and ranks, printed as a table for
 * people or as CSV/TSV/JSON/Markdown for programs. Every output states
 * the measure, types, unit, currency, price basis, period and source. */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

typedef struct {
    const aidstat_result_t *res;
    cli_format_t format;
    double scale; /* display divisor for money */
    int decimals;
    bool concentration;  /* add the concentration summary */
    bool quiet;          /* no notes on stderr */
    int base_year;       /* constant prices of this year; 0 = nominal */
    char unit[96];       /* "EUR bn" or "% of GDP" */
    char unit_long[128]; /* "EUR billion" */
    FILE *fp;
} view_t;

static char *period_text(const aidstat_result_t *r)
{
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    if (y0 <= 0)
        return g_strdup(L_("no dates in the data"));
    return aidstat_wording_period(y0, m0, y1, m1);
}

static char *measure_text(const aidstat_result_t *r)
{
    int m = aidstat_result_measure(r);
    if (m < 0)
        return g_strdup(L_("several (see rows or columns)"));
    return g_strdup(aidstat_wording_measure(m));
}

/* The title every door gives this comparison, and the unit. */
static char *title_text(const view_t *v)
{
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, v->res);
    char *t = aidstat_wording_title(&w);
    if (aidstat_result_stat(v->res) == AIDSTAT_STAT_COUNT)
        return t;
    char *out = g_strdup_printf("%s, %s", t, v->unit_long);
    g_free(t);
    return out;
}

/* Money in the display unit, or a percentage. */
static char *fmt_value(const view_t *v, double x, char *buf, size_t len)
{
    if (x != x)
        return g_strlcpy(buf, L_("n/a"), len), buf;
    if (aidstat_result_per(v->res) == AIDSTAT_PER_GDP || aidstat_result_per(v->res) == AIDSTAT_PER_MILEX ||
        aidstat_result_stat(v->res) == AIDSTAT_STAT_COUNT)
        return cli_fmt_grouped(x, v->decimals, buf, len);
    return cli_fmt_grouped(x / v->scale, v->decimals, buf, len);
}

/* ---------------------------------------------------------- terminal */

static char *footer_text(const view_t *v, const char *sep)
{
    const aidstat_result_t *r = v->res;
    char *measure = measure_text(r);
    char *period = period_text(r);
    const char *cur = aidstat_result_currency(r);
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, L_("Measure: %s"), measure);
    g_string_append(s, sep);
    char *ty = cli_types_people(aidstat_result_types(r));
    g_string_append_printf(s, L_("Type: %s"), ty);
    g_free(ty);
    g_string_append(s, sep);
    g_string_append(s, L_("Unit: "));
    const char *basis = aidstat_result_basis(r);
    bool restated = basis[0] != '\0';
    char *prices = aidstat_wording_prices(cur, v->base_year);
    if (aidstat_result_stat(r) == AIDSTAT_STAT_COUNT) {
        g_string_append(s, v->unit_long); /* a count has no currency */
    } else if (aidstat_result_per(r) != AIDSTAT_PER_NONE) {
        g_string_append_printf(s, L_("%s (aid in %s, %s)"), v->unit_long, cur,
                               v->base_year ? prices : L_("nominal"));
    } else {
        char *u = aidstat_wording_unit_statement(cur, v->scale, NULL, v->base_year);
        g_string_append(s, u);
        g_free(u);
    }
    g_free(prices);
    if (restated) {
        g_string_append(s, sep);
        g_string_append_printf(s, L_("Basis: %s"), basis);
    }
    g_string_append(s, sep);
    g_string_append_printf(s, L_("Period: %s"), period);
    const char *f = aidstat_result_filter(r);
    if (f[0]) {
        g_string_append(s, sep);
        char *words = cli_selection_text(f, aidstat_result_currency(r));
        g_string_append_printf(s, L_("Selection: %s"), words);
        g_free(words);
    }
    g_free(measure);
    g_free(period);
    return g_string_free(s, FALSE);
}

static char *source_text(const aidstat_result_t *r)
{
    const char *src = aidstat_result_source(r);
    return g_strdup_printf(L_("Source: %s"), src[0] ? src : L_("not stated in the data"));
}

static char *rows_text(const aidstat_result_t *r)
{
    return g_strdup_printf(L_("Records: %llu used; rows: %llu read, %llu rejected"),
                           (unsigned long long)aidstat_result_records(r),
                           (unsigned long long)aidstat_result_rows_read(r),
                           (unsigned long long)aidstat_result_rows_rejected(r));
}

/* A note of the result, worded for the command line: a note about
 * hidden rows names the option that shows them. Newly allocated. */
static char *note_text(const aidstat_result_t *r, size_t i)
{
    if (aidstat_result_note_code(r, i) == AIDSTAT_NOTE_NOT_SHOWN) {
        /* the subject says what the rows are: "groups" or "rows" (English
         * has one form for any number, German two) */
        size_t n = aidstat_result_note_count_param(r, i, 0);
        return g_strdup_printf(
            strcmp(aidstat_result_note_subject(r, i), "groups")
                ? LP_("%zu more rows not shown (--top %zu)", "%zu more rows not shown (--top %zu)", n)
                : LP_("%zu more groups not shown (--top %zu)", "%zu more groups not shown (--top %zu)", n),
            n, aidstat_result_note_count_param(r, i, 1));
    }
    return g_strdup(aidstat_result_note(r, i));
}

/* "Concentration: top 1 32.2 %, top 3 64.1 %, ..., HHI 1,612, Gini 0.78 (42 donors)" */
static char *concentration_text(const aidstat_result_t *r)
{
    aidstat_concentration_t c;
    if (!aidstat_result_concentration(r, &c))
        return NULL;
    char a[32], b[32], d[32], e[32], h[32];
    char gini[32];
    snprintf(gini, sizeof gini, "%.3f", c.gini);
    if (cli_lang_de())
        cli_num_german(gini);
    return g_strdup_printf(L_("Concentration: top 1 %s, top 3 %s, top 5 %s, top 10 %s of the total; "
                              "Herfindahl-Hirschman index %s; Gini %s (%zu donors)"),
                           cli_fmt_pct(c.top1, a, sizeof a), cli_fmt_pct(c.top3, b, sizeof b),
                           cli_fmt_pct(c.top5, d, sizeof d), cli_fmt_pct(c.top10, e, sizeof e),
                           cli_fmt_grouped(c.hhi, 0, h, sizeof h), gini, c.n);
}

static void print_table(const view_t *v, bool markdown)
{
    const aidstat_result_t *r = v->res;
    FILE *fp = v->fp;
    size_t nc = aidstat_result_cols(r);
    bool additive = aidstat_result_additive(r);
    bool per = aidstat_result_per(r) != AIDSTAT_PER_NONE;
    bool cum = false;
    for (size_t i = 0; i < aidstat_result_rows(r) && nc == 0; i++)
        cum |= !isnan(aidstat_result_cumulative_share(r, i));
    aidstat_key_t k0 = aidstat_result_key(r, 0);
    bool rank = k0 == AIDSTAT_KEY_DONOR || k0 == AIDSTAT_KEY_REGION || k0 == AIDSTAT_KEY_TYPE;
    bool share = additive;
    bool allocated = !isnan(aidstat_result_allocated_share(r, (size_t)-1));
    bool has_total = additive || per || allocated;
    bool row_value = !(nc > 0 && !additive);
    cli_grid_t *g = cli_grid_new((rank ? 1 : 0) + 1 + nc + (row_value ? 1 : 0) + (share ? 1 : 0) +
                                 (cum ? 1 : 0) + (allocated ? 1 : 0));
    for (size_t j = 0; j < g->ncols; j++)
        g->right[j] = true;
    g->right[rank ? 1 : 0] = false;

    char buf[CLI_NUM_MAX];
    /* header */
    if (rank)
        cli_grid_put(g, L_("Rank"));
    cli_grid_put(g, cli_key_title(aidstat_result_key(r, 0), aidstat_result_currency(r)));
    for (size_t j = 0; j < nc; j++)
        cli_grid_put(g, aidstat_result_col_label(r, j));
    if (row_value)
        cli_grid_put(g, nc ? (additive ? L_("Total") : v->unit) : v->unit);
    if (share)
        cli_grid_put(g, L_("Share"));
    if (cum)
        cli_grid_put(g, L_("Cum."));
    if (allocated)
        cli_grid_put(g, L_("Allocated"));
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        if (rank) {
            size_t k = aidstat_result_rank(r, i);
            snprintf(buf, sizeof buf, "%zu", k);
            cli_grid_put(g, k ? buf : "");
        }
        const char *label = aidstat_result_row_label(r, i);
        cli_grid_put(g, label[0] ? label : "(blank)");
        for (size_t j = 0; j < nc; j++)
            cli_grid_put(g, fmt_value(v, aidstat_result_cell(r, i, j), buf, sizeof buf));
        if (row_value)
            cli_grid_put(g, fmt_value(v, aidstat_result_value(r, i), buf, sizeof buf));
        if (share)
            cli_grid_put(g, cli_fmt_pct(aidstat_result_share(r, i), buf, sizeof buf));
        if (cum)
            cli_grid_put(g, cli_fmt_pct(aidstat_result_cumulative_share(r, i), buf, sizeof buf));
        if (allocated) {
            double al = aidstat_result_allocated_share(r, i);
            cli_grid_put(g, isnan(al) ? L_("n/a") : cli_fmt_pct(al, buf, sizeof buf));
        }
    }
    if (has_total) {
        if (rank)
            cli_grid_put(g, "");
        const char *tl = aidstat_result_total_label(r);
        cli_grid_put(g, tl[0] ? tl : L_("Total"));
        for (size_t j = 0; j < nc; j++)
            cli_grid_put(g, fmt_value(v, aidstat_result_col_total(r, j), buf, sizeof buf));
        if (row_value)
            cli_grid_put(g, fmt_value(v, aidstat_result_total(r), buf, sizeof buf));
        if (share)
            cli_grid_put(g, cli_fmt_pct(1.0, buf, sizeof buf));
        if (cum)
            cli_grid_put(g, "");
        if (allocated)
            cli_grid_put(g, cli_fmt_pct(aidstat_result_allocated_share(r, (size_t)-1), buf, sizeof buf));
    }

    char *title = title_text(v);
    char *foot = footer_text(v, markdown ? " · " : "\n");
    char *src = source_text(r);
    char *rows = rows_text(r);
    char *conc = v->concentration ? concentration_text(r) : NULL;
    if (v->concentration && !conc && !markdown && !v->quiet) {
        const char *why = aidstat_result_concentration_why(r);
        if (why[0])
            fprintf(stderr, _("aidstat: note: no concentration: %s\n"), why);
        else
            fprintf(stderr,
                    _("aidstat: note: --concentration applies to sums by donor without --per; not shown\n"));
    }
    if (!markdown) {
        fprintf(fp, "%s\n\n", title);
        cli_grid_print(fp, g, has_total);
        fprintf(fp, "\n%s\n", foot);
        if (conc)
            fprintf(fp, "%s\n", conc);
        for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
            char *t = note_text(r, i);
            fprintf(fp, L_("Note: %s\n"), t);
            g_free(t);
        }
        fprintf(fp, "%s\n%s\n", src, rows);
    } else {
        fprintf(fp, "**%s**\n\n", title);
        cli_grid_markdown(fp, g, has_total);
        fprintf(fp, "\n%s  \n", foot);
        if (conc)
            fprintf(fp, "%s  \n", conc);
        for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
            char *t = note_text(r, i);
            fprintf(fp, L_("Note: %s  \n"), t);
            g_free(t);
        }
        fprintf(fp, "%s  \n%s\n", src, rows);
    }
    g_free(title);
    g_free(foot);
    g_free(src);
    g_free(rows);
    g_free(conc);
    cli_grid_free(g);
}

/* --------------------------------------------------------------- JSON */

static void print_json(const view_t *v)
{
    const aidstat_result_t *r = v->res;
    FILE *fp = v->fp;
    size_t nc = aidstat_result_cols(r);
    bool per = aidstat_result_per(r) == AIDSTAT_PER_GDP || aidstat_result_per(r) == AIDSTAT_PER_MILEX;
    const char *denom = aidstat_result_per(r) == AIDSTAT_PER_MILEX ? ", \"milex\": " : ", \"gdp\": ";
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    char *from = cli_period_iso(y0, m0), *to = cli_period_iso(y1, m1);
    int m = aidstat_result_measure(r);

    fputs("{\n  \"by\": [", fp);
    cli_json_str(fp, aidstat_key_name(aidstat_result_key(r, 0)));
    if (aidstat_result_key(r, 1)) {
        fputs(", ", fp);
        cli_json_str(fp, aidstat_key_name(aidstat_result_key(r, 1)));
    }
    fputs("],\n  \"selection\": ", fp);
    cli_json_str(fp, aidstat_result_filter(r));
    fputs(",\n  \"measure\": ", fp);
    if (m >= 0)
        cli_json_str(fp, aidstat_measure_name((aidstat_measure_t)m));
    else
        fputs("null", fp);
    fputs(",\n  \"type\": ", fp);
    cli_json_str(fp, aidstat_result_types(r));
    fputs(",\n  \"currency\": ", fp);
    cli_json_str(fp, aidstat_result_currency(r));
    fputs(",\n  \"unit\": ", fp);
    char unit_buf[64];
    cli_json_str(fp, aidstat_result_unit_code(r, unit_buf, sizeof unit_buf));
    fputs(",\n  \"stat\": ", fp);
    cli_json_str(fp, aidstat_stat_name(aidstat_result_stat(r)));
    fprintf(fp, ",\n  \"cumulative\": %s", aidstat_result_cumulative(r) ? "true" : "false");
    fputs(",\n  \"price_basis\": ", fp);
    cli_json_str(fp, aidstat_wording_basis(aidstat_result_currency(r), aidstat_result_basis(r)));
    aidstat_concentration_t cc;
    if (aidstat_result_concentration(r, &cc)) {
        fprintf(fp, ",\n  \"concentration\": {\"donors\": %zu, \"hhi\": ", cc.n);
        cli_json_num(fp, cc.hhi);
        fputs(", \"gini\": ", fp);
        cli_json_num(fp, cc.gini);
        fputs(", \"top1\": ", fp);
        cli_json_num(fp, cc.top1);
        fputs(", \"top3\": ", fp);
        cli_json_num(fp, cc.top3);
        fputs(", \"top5\": ", fp);
        cli_json_num(fp, cc.top5);
        fputs(", \"top10\": ", fp);
        cli_json_num(fp, cc.top10);
        fputc('}', fp);
    }
    fputs(",\n  \"period\": {\"from\": ", fp);
    cli_json_str(fp, from);
    fputs(", \"to\": ", fp);
    cli_json_str(fp, to);
    fputs("},\n  \"source\": ", fp);
    cli_json_str(fp, aidstat_result_source(r));
    fprintf(fp,
            ",\n  \"records\": %" G_GUINT64_FORMAT ",\n  \"rows_read\": %" G_GUINT64_FORMAT
            ",\n  \"rows_rejected\": %" G_GUINT64_FORMAT ",\n  \"notes\": [",
            aidstat_result_records(r), aidstat_result_rows_read(r), aidstat_result_rows_rejected(r));
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        if (i)
            fputs(", ", fp);
        char *t = note_text(r, i);
        cli_json_str(fp, t);
        g_free(t);
    }
    fputs("],\n", fp);
    if (nc) {
        fputs("  \"columns\": [", fp);
        for (size_t j = 0; j < nc; j++) {
            if (j)
                fputs(", ", fp);
            cli_json_str(fp, aidstat_result_col_label(r, j));
        }
        fputs("],\n", fp);
    }
    fputs("  \"rows\": [\n", fp);
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        size_t others;
        fputs("    {\"label\": ", fp);
        cli_json_str(fp, aidstat_result_row_label(r, i));
        if (aidstat_result_key(r, 0) == AIDSTAT_KEY_DONOR) {
            fputs(", \"code\": ", fp);
            cli_json_str(fp, aidstat_result_row_code(r, i));
        }
        if (aidstat_result_row_is_others(r, i, &others))
            fprintf(fp, ", \"others\": %zu", others);
        fputs(", \"value\": ", fp);
        cli_json_num(fp, aidstat_result_value(r, i));
        if (per) {
            fputs(", \"aid\": ", fp);
            cli_json_num(fp, aidstat_result_absolute(r, i));
            fputs(denom, fp);
            cli_json_num(fp, aidstat_result_gdp(r, i) > 0 ? aidstat_result_gdp(r, i) : NAN);
        }
        fputs(", \"share\": ", fp);
        cli_json_num(fp, aidstat_result_share(r, i));
        fputs(", \"cumulative_share\": ", fp);
        cli_json_num(fp, aidstat_result_cumulative_share(r, i));
        double al = aidstat_result_allocated_share(r, i);
        if (!isnan(al)) {
            fputs(", \"allocated_share\": ", fp);
            cli_json_num(fp, al);
        }
        size_t rank = aidstat_result_rank(r, i);
        if (rank)
            fprintf(fp, ", \"rank\": %zu", rank);
        else
            fputs(", \"rank\": null", fp);
        if (nc) {
            fputs(", \"cells\": [", fp);
            for (size_t j = 0; j < nc; j++) {
                if (j)
                    fputs(", ", fp);
                cli_json_num(fp, aidstat_result_cell(r, i, j));
            }
            fputc(']', fp);
        }
        fprintf(fp, "}%s\n", i + 1 < aidstat_result_rows(r) ? "," : "");
    }
    fputs("  ],\n  \"total\": ", fp);
    cli_json_num(fp, aidstat_result_total(r));
    fputs(",\n  \"total_label\": ", fp);
    cli_json_str(fp, aidstat_result_total_label(r));
    if (nc) {
        fputs(",\n  \"column_totals\": [", fp);
        for (size_t j = 0; j < nc; j++) {
            if (j)
                fputs(", ", fp);
            cli_json_num(fp, aidstat_result_col_total(r, j));
        }
        fputc(']', fp);
    }
    fputs("\n}\n", fp);
    g_free(from);
    g_free(to);
}

/* ------------------------------------------------------------ command */

static void choose_scale(view_t *v, const char *want)
{
    const aidstat_result_t *r = v->res;
    double maxabs = 0;
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        double x = fabs(aidstat_result_value(r, i));
        if (x == x)
            maxabs = MAX(maxabs, x);
    }
    double t = fabs(aidstat_result_total(r));
    if (t == t)
        maxabs = MAX(maxabs, t);
    cli_unit_t u;
    bool per_person = aidstat_result_per(r) == AIDSTAT_PER_CAPITA;
    cli_unit_choose(&u, maxabs, aidstat_result_currency(r), per_person && !want ? "1" : want);
    v->scale = u.scale;
    if (aidstat_result_stat(r) == AIDSTAT_STAT_COUNT) {
        v->scale = 1;
        g_strlcpy(v->unit, L_("Records"), sizeof v->unit);
        g_strlcpy(v->unit_long, L_("records"), sizeof v->unit_long);
    } else if (per_person) {
        snprintf(v->unit, sizeof v->unit, L_("%s per person"), u.unit);
        snprintf(v->unit_long, sizeof v->unit_long, L_("%s per person"), u.unit_long);
    } else if (aidstat_result_per(r) == AIDSTAT_PER_GDP) {
        g_strlcpy(v->unit, /* xgettext:no-c-format */ L_("% of GDP"), sizeof v->unit);
        g_strlcpy(v->unit_long, /* xgettext:no-c-format */ L_("% of donor GDP"), sizeof v->unit_long);
    } else if (aidstat_result_per(r) == AIDSTAT_PER_MILEX) {
        g_strlcpy(v->unit, /* xgettext:no-c-format */ L_("% of milex"), sizeof v->unit);
        g_strlcpy(v->unit_long, /* xgettext:no-c-format */ L_("% of donor military expenditure"),
                  sizeof v->unit_long);
    } else {
        g_strlcpy(v->unit, u.unit, sizeof v->unit);
        g_strlcpy(v->unit_long, u.unit_long, sizeof v->unit_long);
    }
}

static void add_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_compare_add_load_report(user, r);
}

static void add_caveat(void *user, const char *caveat)
{
    aidstat_compare_add_caveat(user, caveat);
}

/* --by (one or two keys) and --pipeline into opt->by. */
static int parse_keys(const char *by, bool pipeline, aidstat_compare_options_t *opt)
{
    if (by) {
        gchar **keys = g_strsplit(by, ",", -1);
        guint nk = g_strv_length(keys);
        if (nk < 1 || nk > 2) {
            g_strfreev(keys);
            return cli_error(EXIT_USAGE, "--by \"%s\": give one or two keys", by);
        }
        for (guint i = 0; i < nk; i++) {
            aidstat_key_t k;
            if (aidstat_key_parse(g_strstrip(keys[i]), &k) != AIDSTAT_OK) {
                int code = cli_error(
                    EXIT_USAGE,
                    "--by: unknown key \"%s\"%s (keys: donor, region, type, measure, year, quarter, month, "
                    "sourcing)",
                    keys[i],
                    cli_hint(keys[i], "donor, region, type, measure, year, quarter, month, sourcing"));
                g_strfreev(keys);
                return code;
            }
            opt->by[i] = (aidstat_key_t)k;
        }
        g_strfreev(keys);
    }
    if (pipeline) {
        /* the stages are the columns */
        if (opt->by[1] || opt->by[0] == AIDSTAT_KEY_MEASURE)
            return cli_error(
                EXIT_USAGE,
                "--pipeline puts the measures in columns: give one --by key (donor, region or a period)");
        opt->by[1] = AIDSTAT_KEY_MEASURE;
    }
    return EXIT_OK;
}

/* --sort, --stat and --per into opt. */
static int parse_choices(const char *sort, const char *stat, const char *per, aidstat_compare_options_t *opt)
{
    if (sort) {
        if (!strcmp(sort, "value"))
            opt->sort = AIDSTAT_SORT_VALUE;
        else if (!strcmp(sort, "name"))
            opt->sort = AIDSTAT_SORT_NAME;
        else
            return cli_error(EXIT_USAGE, "--sort \"%s\": use value or name", sort);
    }
    if (stat) {
        aidstat_stat_t st;
        if (aidstat_stat_parse(stat, &st) != AIDSTAT_OK)
            return cli_error(EXIT_USAGE, "--stat \"%s\": use sum, count, mean, median, min, max or sd", stat);
        opt->stat = (aidstat_stat_t)st;
    }
    if (per) {
        if (!strcmp(per, "gdp"))
            opt->per = AIDSTAT_PER_GDP;
        else if (!strcmp(per, "capita"))
            opt->per = AIDSTAT_PER_CAPITA;
        else if (!strcmp(per, "milex"))
            opt->per = AIDSTAT_PER_MILEX;
        else
            return cli_error(EXIT_USAGE, "--per \"%s\": use gdp, capita or milex", per);
    }
    return EXIT_OK;
}

/* The reference tables for --per: GDP, population, military expenditure,
 * loaded into *gdp, *pop, *milex (the caller frees them) and set in opt. */
static int load_tables(const char *gdp_file, long gdp_year, const char *pop_file, const char *milex_file,
                       const char *milex_sheet, long milex_year, aidstat_compare_options_t *opt,
                       aidstat_reftable_t **gdp, aidstat_reftable_t **pop, aidstat_reftable_t **milex)
{
    aidstat_error_t err;
    if (gdp_file) {
        if (!(*gdp = aidstat_reftable_load_file(gdp_file, AIDSTAT_REF_GDP, NULL, &err)))
            return cli_fail(&err);
        opt->gdp = *gdp;
        opt->gdp_year = (int)gdp_year;
    }
    if (pop_file) {
        if (!(*pop = aidstat_reftable_load_file(pop_file, AIDSTAT_REF_POPULATION, NULL, &err)))
            return cli_fail(&err);
        opt->population = *pop;
    }
    if (milex_file) {
        if (!(*milex = aidstat_reftable_load_sheet(milex_file, AIDSTAT_REF_MILEX, milex_sheet, NULL, &err)))
            return cli_fail(&err);
        opt->milex = *milex;
        opt->milex_year = (int)milex_year;
    } else if (milex_sheet || milex_year) {
        return cli_error(EXIT_USAGE, "--milex-%s applies to a military expenditure table: give --milex FILE",
                         milex_sheet ? "sheet" : "year");
    }
    if (opt->per == AIDSTAT_PER_MILEX && !*milex)
        return cli_error(EXIT_USAGE,
                         "--per milex needs a military expenditure table (--milex FILE: SIPRI's workbook)");
    if (opt->per == AIDSTAT_PER_CAPITA && !*pop)
        return cli_error(EXIT_USAGE, "--per capita needs a population table (--population FILE)");
    return EXIT_OK;
}

/* Decimals in the table when --decimals does not say. */
static int default_decimals(const view_t *v, const aidstat_compare_options_t *opt)
{
    if (opt->per == AIDSTAT_PER_GDP)
        return 3;
    if (opt->stat == AIDSTAT_STAT_COUNT)
        return 0;
    if (opt->per == AIDSTAT_PER_CAPITA || opt->per == AIDSTAT_PER_MILEX)
        return 2;
    if (aidstat_currency_is_tiv(aidstat_result_currency(v->res)))
        return 0; /* SIPRI's TIVs are whole millions */
    return v->scale > 1 ? 2 : 0;
}

/* The comparison of the files (or the embedded data) into *res. */
static int run_compare(const aidstat_compare_options_t *opt, cli_data_opts_t *data, cli_eu_t *eu,
                       cli_select_t *sel, char **files, int nfiles, aidstat_result_t **res)
{
    aidstat_error_t err;
    aidstat_compare_t *cmp = aidstat_compare_new(opt, &err);
    if (!cmp)
        return cli_fail(&err);
    int code =
        cli_eu_load(eu, data, files, nfiles, aidstat_compare_add, cmp, add_report, cmp, add_caveat, cmp);
    if (!code)
        code = cli_select_check(sel);
    if (!code && !(*res = aidstat_compare_finish(cmp, &err)))
        code = cli_fail(&err);
    aidstat_compare_free(cmp);
    return code;
}

/* The result in the chosen format. */
static void print_result(const view_t *v)
{
    switch (v->format) {
    case CLI_FMT_TABLE:
        print_table(v, false);
        break;
    case CLI_FMT_MARKDOWN:
        print_table(v, true);
        break;
    case CLI_FMT_CSV:
    case CLI_FMT_TSV:
        cli_csv_result(v->fp, v->res, v->format == CLI_FMT_TSV ? '\t' : ',');
        break;
    case CLI_FMT_JSON:
        print_json(v);
        break;
    }
}

/* `aidstat compare`. Longer than 150 lines on purpose: most of it is the table
 * of options (GOptionEntry needs the addresses of these locals) and the
 * frees at "done"; the work itself is the named phases it calls. */
int cmd_compare(int argc, char **argv)
{
    gchar *by = NULL, *sort = NULL, *per = NULL, *format = NULL, *output = NULL, *scale = NULL, *stat = NULL,
          *gdp_file = NULL, *pop_file = NULL, *milex_file = NULL, *milex_sheet = NULL;
    gchar *top_s = NULL, *decimals_s = NULL, *gdp_year_s = NULL, *milex_year_s = NULL;
    long top = 0, decimals = -1, gdp_year = 0, milex_year = 0;
    gboolean cumulative = FALSE, concentration = FALSE, releases = FALSE, pipeline = FALSE, heavy = FALSE;
    gchar *heavy_category = NULL;
    cli_data_opts_t data = {0};
    cli_select_t sel = {0};
    cli_norm_t norm = {0};
    cli_eu_t eu = {0};
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &by,
         N_("Group by one or two keys: donor, region, type, measure, year, quarter, month, sourcing (e.g. "
            "region,type)"),
         N_("KEY[,KEY]")},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &top_s, N_("Keep the top N rows; fold the rest into \"Others\""),
         N_("N")},
        {"sort", 's', 0, G_OPTION_ARG_STRING, &sort, N_("Order rows by value or name"), N_("value|name")},
        {"stat", 0, 0, G_OPTION_ARG_STRING, &stat,
         N_("Value of a row over its records: sum (default), count, mean, median, min, max, sd"), N_("STAT")},
        {"per", 0, 0, G_OPTION_ARG_STRING, &per,
         N_("Relative to the donor's GDP (the data's, or --gdp FILE), population (--population FILE) "
            "or military expenditure (--milex FILE)"),
         N_("gdp|capita|milex")},
        {"gdp", 0, 0, G_OPTION_ARG_FILENAME, &gdp_file,
         N_("GDP table for --per gdp (World Bank CSV: current US$; convert with --rates)"), N_("FILE")},
        {"gdp-year", 0, 0, G_OPTION_ARG_STRING, &gdp_year_s,
         N_("Year of GDP for --per gdp with --gdp (default: the latest)"), N_("YYYY")},
        {"population", 0, 0, G_OPTION_ARG_FILENAME, &pop_file, N_("Population table for --per capita"),
         N_("FILE")},
        {"milex", 0, 0, G_OPTION_ARG_FILENAME, &milex_file,
         N_("Military expenditure for --per milex: SIPRI's workbook (US$; convert with --rates)"),
         N_("FILE")},
        {"milex-sheet", 0, 0, G_OPTION_ARG_STRING, &milex_sheet,
         N_("Sheet of the SIPRI workbook (default \"Current US$\"; or \"Constant (2023) US$\")"), N_("NAME")},
        {"milex-year", 0, 0, G_OPTION_ARG_STRING, &milex_year_s,
         N_("Year of military expenditure for --per milex (default: the latest)"), N_("YYYY")},
        {"cumulative", 0, 0, G_OPTION_ARG_NONE, &cumulative,
         N_("Running totals over periods (--by year, quarter or month)"), NULL},
        {"concentration", 0, 0, G_OPTION_ARG_NONE, &concentration,
         N_("Add donor concentration: top-k shares, Herfindahl-Hirschman index, Gini"), NULL},
        {"pipeline", 0, 0, G_OPTION_ARG_NONE, &pipeline,
         N_("Commitments, allocations and deliveries side by side, with what is pending between them (--by "
            "KEY)"),
         NULL},
        {"heavy-weapons", 0, 0, G_OPTION_ARG_NONE, &heavy,
         N_("Heavy weapons committed and delivered per donor, in units, from the Kiel release-7 workbook "
            "FILE"),
         NULL},
        {"heavy-category", 0, 0, G_OPTION_ARG_STRING, &heavy_category,
         N_("With --heavy-weapons: only this category of the workbook (e.g. Tank, Howitzer, MLRS)"),
         N_("NAME")},
        {"releases", 0, 0, G_OPTION_ARG_NONE, &releases,
         N_("Each FILE is a release of the same data: the selection per release, side by side (oldest "
            "first)"),
         NULL},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output: table, csv, tsv, json, markdown"),
         N_("FORMAT")},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of stdout"),
         N_("FILE")},
        {"scale", 0, 0, G_OPTION_ARG_STRING, &scale, N_("Table unit: bn, m, k or 1 (default: automatic)"),
         N_("UNIT")},
        {"decimals", 0, 0, G_OPTION_ARG_STRING, &decimals_s,
         /* xgettext:no-c-format */ N_("Decimals in the table (default 2; 3 for % of GDP)"), N_("N")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(N_("[FILE...] - compare aid totals"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, N_("Totals, shares and ranks of aid by donor, region, type, measure or period.\n"
                "Without FILE, the embedded Kiel Ukraine Support Tracker data is used.\n\n"
                "Example: aidstat compare --by region --type military --to 2025-04"));
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_csv_add_entries(ctx);
    cli_select_add_entries(&sel, ctx);
    cli_norm_add_entries(&norm, ctx);
    cli_eu_add_entries(&eu, ctx);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_result_t *res = NULL;
    aidstat_reftable_t *gdp = NULL, *pop = NULL, *milex = NULL;
    cli_output_t out = {0};

    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if ((code = cli_data_prepare(&data)) || (code = cli_int("--top", top_s, 0, 100000, &top)) ||
        (code = cli_int("--decimals", decimals_s, 0, 9, &decimals)) ||
        (code = cli_int("--gdp-year", gdp_year_s, 1900, 2100, &gdp_year)) ||
        (code = cli_int("--milex-year", milex_year_s, 1900, 2100, &milex_year)))
        goto done;

    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    if ((code = parse_keys(by, pipeline, &opt)))
        goto done;
    if ((code = cli_select_build(&sel, &data,
                                 opt.by[0] == AIDSTAT_KEY_REGION || opt.by[1] == AIDSTAT_KEY_REGION)))
        goto done;
    opt.top = (size_t)top;
    if ((code = parse_choices(sort, stat, per, &opt)))
        goto done;
    /* the format first: a machine format fixes English names before the
     * tables describe themselves */
    cli_format_t fmt = CLI_FMT_TABLE;
    if ((code = cli_output_parse(format, scale, &fmt)))
        goto done;
    if ((code = load_tables(gdp_file, gdp_year, pop_file, milex_file, milex_sheet, milex_year, &opt, &gdp,
                            &pop, &milex)))
        goto done;
    opt.cumulative = cumulative;
    if ((code = cli_norm_build(&norm)))
        goto done;
    opt.normalize = norm.active ? &norm.norm : NULL;
    opt.gdp_rates = norm.rates;
    opt.filter = sel.filter;
    opt.regions = sel.regions_table;
    if (heavy) {
        code = cli_compare_heavy(argv + 1, argc - 1, sel.filter, heavy_category, fmt, output);
        goto done;
    }
    if (releases) {
        code = cli_compare_releases(&data, &eu, argv + 1, argc - 1, &opt, fmt, output, scale, decimals);
        goto done;
    }
    if ((code = run_compare(&opt, &data, &eu, &sel, argv + 1, argc - 1, &res)))
        goto done;
    view_t v = {0};
    v.res = res;
    v.format = fmt;
    v.concentration = concentration;
    v.quiet = data.quiet;
    v.base_year = norm.norm.base_year;
    choose_scale(&v, scale);
    v.decimals = decimals >= 0 ? (int)decimals : default_decimals(&v, &opt);
    if ((code = cli_output_open(&out, output)))
        goto done;
    v.fp = out.fp;
    if (pipeline) {
        if ((code = cli_pipeline_print(out.fp, res, fmt, scale, decimals)))
            goto done;
        code = cli_output_commit(&out);
        goto done;
    }
    print_result(&v);
    code = cli_output_commit(&out);
done:
    if (code && out.fp)
        cli_output_abort(&out);
    aidstat_result_free(res);
    aidstat_reftable_free(gdp);
    aidstat_reftable_free(pop);
    aidstat_reftable_free(milex);
    cli_select_clear(&sel);
    cli_norm_clear(&norm);
    cli_eu_clear(&eu);
    g_free(by);
    g_free(heavy_category);
    g_free(sort);
    g_free(per);
    g_free(format);
    g_free(output);
    g_free(scale);
    g_free(stat);
    g_free(gdp_file);
    g_free(pop_file);
    g_free(milex_file);
    g_free(milex_sheet);
    g_free(top_s);
    g_free(decimals_s);
    g_free(gdp_year_s);
    g_free(milex_year_s);
    cli_data_clear(&data);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
