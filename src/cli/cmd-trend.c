/* aidstat trend: is aid rising or falling, how fast, how sure are we.
 *
 * Per group: the OLS trend of the periodic flows (slope per year with its
 * 95 % confidence interval, R², p), log-linear growth per year, and the
 * last complete year against the average of the years before it. Only
 * complete periods are fitted: a year with four months of data is not a
 * year. --series prints the series itself, --forecast a labelled linear
 * extrapolation. */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

typedef struct {
    const char *label;
    size_t g;                /* group index in the series */
    aidstat_group_fit_t fit; /* trend and growth over the complete periods */
    char gwhy[256];          /* why no growth rate, worded here */
    aidstat_change_t ch;     /* current year against the baseline */
} group_fit_t;

typedef struct {
    const aidstat_series_t *s;
    size_t first, count; /* fitted periods: complete ones */
    int cur_year, base_from, base_to;
    size_t ngroups;
    group_fit_t *fits;
    cli_unit_t unit;
    size_t forecast;
    cli_format_t format;
    FILE *fp;
    const char *basis;
    const char *group_title; /* "Donor", "Region", ... */
    int base_year;           /* constant prices of this year; 0 = nominal */
    size_t change_lag;       /* --change: periods back (0 = values) */
    const char *change_name; /* "pop" or "yoy" */
} trend_view_t;

static const char *interval_word(aidstat_interval_t iv)
{
    return iv == AIDSTAT_INTERVAL_YEAR      ? L_("yearly")
           : iv == AIDSTAT_INTERVAL_QUARTER ? L_("quarterly")
                                            : L_("monthly");
}

static const char *interval_noun(aidstat_interval_t iv)
{
    return iv == AIDSTAT_INTERVAL_YEAR      ? NC_("period", "year")
           : iv == AIDSTAT_INTERVAL_QUARTER ? NC_("period", "quarter")
                                            : NC_("period", "month");
}

/* The interval's noun for people: "year", in German "Jahr". */
static const char *interval_noun_people(aidstat_interval_t iv)
{
    return cli_lang_de() ? cli_label_ctx("period", interval_noun(iv)) : interval_noun(iv);
}

static double periods_per_year(aidstat_interval_t iv)
{
    return 12.0 / (double)iv;
}

static char *money(const trend_view_t *tv, double x, char *buf, size_t len)
{
    if (isnan(x))
        return g_strlcpy(buf, L_("n/a"), len), buf;
    /* SIPRI's TIVs are whole millions: decimals would be false precision */
    return cli_fmt_grouped(x / tv->unit.scale,
                           aidstat_currency_is_tiv(aidstat_series_currency(tv->s)) ? 0 : 2, buf, len);
}

static void fit_group(trend_view_t *tv, group_fit_t *f)
{
    const aidstat_series_t *s = tv->s;
    aidstat_series_fit_group(s, f->g, &f->fit);
    /* name the period, not the index, when a value rules growth out */
    size_t bad = f->fit.growth_bad;
    if (f->fit.count >= 3 && bad != (size_t)-1) {
        char p[32], val[64];
        double v = aidstat_series_values(s, f->g)[bad];
        snprintf(f->gwhy, sizeof f->gwhy, L_("growth needs values above zero (%s is %s)"),
                 aidstat_series_period_label(s, bad, p, sizeof p),
                 v == 0 ? "0" : money(tv, v, val, sizeof val));
    } else if (f->fit.growth_status != AIDSTAT_OK) {
        g_strlcpy(f->gwhy, f->fit.growth_error.message, sizeof f->gwhy);
    }
    aidstat_series_change(s, f->g, tv->cur_year, tv->base_from, tv->base_to, &f->ch);
}

static char *interval_text(const trend_view_t *tv, double lo, double hi, bool pct, char *buf, size_t len)
{
    char a[48], b[48];
    if (isnan(lo) || isnan(hi))
        return g_strlcpy(buf, "", len), buf;
    if (pct) {
        snprintf(a, sizeof a, "%.1f", lo);
        snprintf(b, sizeof b, "%.1f", hi);
    } else {
        money(tv, lo, a, sizeof a);
        money(tv, hi, b, sizeof b);
    }
    if (pct && cli_lang_de()) {
        cli_num_german(a);
        cli_num_german(b);
    }
    snprintf(buf, len, L_("%s to %s"), a, b);
    return buf;
}

/* The title every door gives this series ("Trend of ..." when trend),
 * with the interval and unit; lower case when embedded in a longer title. */
static char *title(const trend_view_t *tv, bool trend, bool lower)
{
    const aidstat_series_t *s = tv->s;
    aidstat_wording_t w;
    aidstat_wording_from_series(&w, s);
    w.trend = trend;
    char *t = aidstat_wording_title(&w);
    if (lower)
        t[0] = g_ascii_tolower(t[0]);
    char *out =
        g_strdup_printf("%s, %s, %s", t, interval_word(aidstat_series_interval(s)), tv->unit.unit_long);
    g_free(t);
    return out;
}

static char *period_span(const trend_view_t *tv)
{
    char a[32], b[32];
    if (!tv->count)
        return g_strdup(L_("none"));
    aidstat_series_period_label(tv->s, tv->first, a, sizeof a);
    aidstat_series_period_label(tv->s, tv->first + tv->count - 1, b, sizeof b);
    aidstat_interval_t iv = aidstat_series_interval(tv->s);
    const char *fmt = iv == AIDSTAT_INTERVAL_YEAR ? P_("%s – %s (%zu year)", "%s – %s (%zu years)", tv->count)
                      : iv == AIDSTAT_INTERVAL_QUARTER
                          ? P_("%s – %s (%zu quarter)", "%s – %s (%zu quarters)", tv->count)
                          : P_("%s – %s (%zu month)", "%s – %s (%zu months)", tv->count);
    if (!cli_lang_de()) /* names English (machine formats): the English text */
        fmt = iv == AIDSTAT_INTERVAL_YEAR ? (tv->count == 1 ? "%s – %s (%zu year)" : "%s – %s (%zu years)")
              : iv == AIDSTAT_INTERVAL_QUARTER
                  ? (tv->count == 1 ? "%s – %s (%zu quarter)" : "%s – %s (%zu quarters)")
                  : (tv->count == 1 ? "%s – %s (%zu month)" : "%s – %s (%zu months)");
    return g_strdup_printf(fmt, a, b, tv->count);
}

static void prices_text(const trend_view_t *tv, char *buf, size_t len)
{
    char *p = aidstat_wording_prices(aidstat_series_currency(tv->s), tv->base_year);
    g_strlcpy(buf, p, len);
    g_free(p);
}

/* "2022–2024", or "2022" for one year. */
static char *years_text(int from, int to, char *buf, size_t len)
{
    if (from == to)
        snprintf(buf, len, "%d", from);
    else
        snprintf(buf, len, "%d–%d", from, to);
    return buf;
}

/* The lines under a table; trend says whether it shows fitted trends. */
static void footer(const trend_view_t *tv, const char *end, bool trend)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    int m = aidstat_series_measure(s);
    char *span = period_span(tv);
    char *ty = cli_types_people(aidstat_series_types(s));
    char *ml = g_strdup(m >= 0 ? aidstat_wording_measure(m) : L_("several"));
    fprintf(fp, L_("Measure: %s"), ml);
    fputs(end, fp);
    fprintf(fp, L_("Type: %s"), ty);
    fputs(end, fp);
    char *unit =
        aidstat_wording_unit_statement(aidstat_series_currency(s), tv->unit.scale,
                                       interval_noun_people(aidstat_series_interval(s)), tv->base_year);
    fprintf(fp, L_("Unit: %s"), unit);
    fputs(end, fp);
    g_free(unit);
    if (tv->basis[0]) {
        fprintf(fp, L_("Basis: %s"), tv->basis);
        fputs(end, fp);
    }
    fprintf(fp, trend ? L_("Fitted: %s") : L_("Periods: %s"), span);
    fputs(end, fp);
    if (aidstat_series_filter(s)[0]) {
        cli_print_selection(fp, aidstat_series_filter(s), aidstat_series_currency(s));
        fputs(end, fp);
    }
    if (trend) {
        aidstat_interval_t iv = aidstat_series_interval(s);
        /* xgettext:no-c-format */
        fputs(iv == AIDSTAT_INTERVAL_YEAR
                  ? L_("Slope: ordinary least squares of each year's flow on time, as the "
                       "change per year in the yearly flow; growth: log-linear fit, % per "
                       "year; CI: 95 %")
              : iv == AIDSTAT_INTERVAL_QUARTER
                  /* xgettext:no-c-format */
                  ? L_("Slope: ordinary least squares of each quarter's flow on time, as the change per year "
                       "in the "
                       "quarterly flow; growth: log-linear fit, % per year; CI: 95 %")
                  /* xgettext:no-c-format */
                  : L_("Slope: ordinary least squares of each month's flow on time, as the change per year "
                       "in the "
                       "monthly flow; growth: log-linear fit, % per year; CI: 95 %"),
              fp);
        fputs(end, fp);
    }
    if (trend && tv->cur_year && tv->base_from) {
        char yb[32];
        if (tv->base_from == tv->base_to)
            fprintf(fp, L_("Change: %d total against the %d total"), tv->cur_year, tv->base_from);
        else
            fprintf(fp, L_("Change: %d total against the average of %s"), tv->cur_year,
                    years_text(tv->base_from, tv->base_to, yb, sizeof yb));
        fputs(end, fp);
    }
    if (tv->first > 0) {
        char p[32], start[32];
        int y0, m0, y1, m1;
        aidstat_series_span(s, &y0, &m0, &y1, &m1);
        fprintf(fp, L_("Note: the first period, %s, is incomplete: the selection starts in %s"),
                aidstat_series_period_label(s, 0, p, sizeof p),
                aidstat_period_format(y0, m0, start, sizeof start));
        fputs(end, fp);
    }
    for (size_t i = 0; i < aidstat_series_note_count(s); i++) {
        char *w = aidstat_text_word(aidstat_series_note_marked(s, i), cli_option_word, NULL);
        fprintf(fp, L_("Note: %s"), w);
        fputs(end, fp);
        g_free(w);
    }
    for (size_t i = 0; trend && i < tv->ngroups; i++) {
        const group_fit_t *f = &tv->fits[i];
        if (f->fit.trend_status != AIDSTAT_OK)
            fprintf(fp, L_("Note: %s: no trend: %s"), f->label, f->fit.trend_error.message);
        else if (f->fit.growth_status != AIDSTAT_OK)
            fprintf(fp, L_("Note: %s: no growth rate: %s"), f->label, f->gwhy);
        if (f->fit.trend_status != AIDSTAT_OK || f->fit.growth_status != AIDSTAT_OK)
            fputs(end, fp);
    }
    const char *src = aidstat_series_source(s);
    fprintf(fp, L_("Source: %s"), src[0] ? src : L_("not stated in the data"));
    fputs(end, fp);
    fprintf(fp, L_("Records: %llu used; rows: %llu read, %llu rejected"),
            (unsigned long long)aidstat_series_records(s), (unsigned long long)aidstat_series_rows_read(s),
            (unsigned long long)aidstat_series_rows_rejected(s));
    fputc('\n', fp);
    g_free(span);
    g_free(ml);
    g_free(ty);
}

/* The label of the k-th period after the last fitted one. */
static char *forecast_label(const trend_view_t *tv, size_t k, char *buf, size_t len)
{
    int y, m;
    aidstat_series_period(tv->s, tv->first + tv->count - 1, &y, &m);
    aidstat_interval_t iv = aidstat_series_interval(tv->s);
    int mk = y * 12 + (m - 1) + (int)k * (int)iv;
    y = mk / 12;
    m = mk % 12 + 1;
    if (iv == AIDSTAT_INTERVAL_YEAR)
        snprintf(buf, len, "%d", y);
    else if (iv == AIDSTAT_INTERVAL_QUARTER)
        snprintf(buf, len, "%d Q%d", y, (m - 1) / 3 + 1);
    else
        snprintf(buf, len, "%d-%02d", y, m);
    return buf;
}

static void print_trend_table(const trend_view_t *tv, bool markdown)
{
    FILE *fp = tv->fp;
    bool change = tv->cur_year && tv->base_from;
    char head_last[64], head_change[64];
    char lastp[32] = "";
    if (tv->count)
        aidstat_series_period_label(tv->s, tv->first + tv->count - 1, lastp, sizeof lastp);
    snprintf(head_last, sizeof head_last, L_("Last (%s)"), lastp);
    char yb[32];
    snprintf(head_change, sizeof head_change, L_("%d vs %s"), tv->cur_year,
             years_text(tv->base_from, tv->base_to, yb, sizeof yb));
    cli_grid_t *g = cli_grid_new(change ? 9 : 8);
    /* xgettext:no-c-format */
    const char *heads[] = {tv->group_title, "n", head_last, L_("Slope/yr"), L_("95 % CI"), L_("Growth %/yr"),
                           /* xgettext:no-c-format */
                           L_("95 % CI"), "R²", head_change};
    for (size_t j = 0; j < g->ncols; j++) {
        cli_grid_put(g, heads[j]);
        g->right[j] = j > 0;
    }
    char buf[CLI_NUM_MAX];
    for (size_t i = 0; i < tv->ngroups; i++) {
        const group_fit_t *f = &tv->fits[i];
        bool ok = f->fit.trend_status == AIDSTAT_OK, gok = f->fit.growth_status == AIDSTAT_OK;
        cli_grid_put(g, f->label);
        snprintf(buf, sizeof buf, "%zu", tv->count);
        cli_grid_put(g, buf);
        cli_grid_put(g, money(tv, f->fit.last, buf, sizeof buf));
        cli_grid_put(g, ok ? money(tv, f->fit.trend.slope_per_year, buf, sizeof buf) : L_("n/a"));
        cli_grid_put(g, ok ? interval_text(tv, f->fit.trend.slope_per_year_lo, f->fit.trend.slope_per_year_hi,
                                           false, buf, sizeof buf)
                           : "");
        if (gok)
            snprintf(buf, sizeof buf, "%.1f", f->fit.growth.rate);
        if (gok && cli_lang_de())
            cli_num_german(buf);
        cli_grid_put(g, gok ? buf : L_("n/a"));
        cli_grid_put(
            g, gok ? interval_text(tv, f->fit.growth.rate_lo, f->fit.growth.rate_hi, true, buf, sizeof buf)
                   : "");
        if (ok) {
            snprintf(buf, sizeof buf, "%.2f", f->fit.trend.r2);
            if (cli_lang_de())
                cli_num_german(buf);
        }
        cli_grid_put(g, ok ? buf : L_("n/a"));
        if (change) {
            if (isnan(f->ch.change))
                g_strlcpy(buf, L_("n/a"), sizeof buf);
            else {
                snprintf(buf, sizeof buf, "%+.1f %%", f->ch.change);
                if (cli_lang_de())
                    cli_num_german(buf);
            }
            cli_grid_put(g, buf);
        }
    }
    char *t = title(tv, true, false);
    if (markdown) {
        fprintf(fp, "**%s**\n\n", t);
        cli_grid_markdown(fp, g, false);
        fputc('\n', fp);
        footer(tv, "  \n", true);
    } else {
        fprintf(fp, "%s\n\n", t);
        cli_grid_print(fp, g, false);
        fputc('\n', fp);
        footer(tv, "\n", true);
    }
    if (tv->forecast) {
        fputc('\n', fp);
        fprintf(fp, L_("Forecast: a linear extrapolation of each trend, with 95 %% prediction intervals, %s"),
                tv->unit.unit_long);
        fputs("\n\n", fp);
        cli_grid_t *fg = cli_grid_new(5);
        const char *fh[] = {tv->group_title, L_("Period"), L_("Forecast"), L_("Low"), L_("High")};
        for (size_t j = 0; j < 5; j++) {
            cli_grid_put(fg, fh[j]);
            fg->right[j] = j > 1;
        }
        GString *bounded = g_string_new(NULL);
        size_t nbounded = 0;
        for (size_t i = 0; i < tv->ngroups; i++) {
            const group_fit_t *f = &tv->fits[i];
            if (f->fit.trend_status != AIDSTAT_OK)
                continue;
            bool said = false;
            for (size_t k = 1; k <= tv->forecast; k++) {
                double y, lo, hi;
                bool bnd = false;
                aidstat_group_fit_forecast(&f->fit, k, &y, &lo, &hi, &bnd);
                if (bnd && !said) {
                    said = true;
                    if (nbounded++ < 5)
                        g_string_append_printf(bounded, L_("%s%s from %s"), bounded->len ? "; " : "",
                                               f->label, forecast_label(tv, k, buf, sizeof buf));
                }
                cli_grid_put(fg, f->label);
                cli_grid_put(fg, forecast_label(tv, k, buf, sizeof buf));
                cli_grid_put(fg, money(tv, y, buf, sizeof buf));
                cli_grid_put(fg, money(tv, lo, buf, sizeof buf));
                cli_grid_put(fg, money(tv, hi, buf, sizeof buf));
            }
        }
        if (markdown)
            cli_grid_markdown(fp, fg, false);
        else
            cli_grid_print(fp, fg, false);
        cli_grid_free(fg);
        if (nbounded) {
            fputc('\n', fp);
            fprintf(fp,
                    L_("Note: forecasts and their intervals are bounded at zero, as aid amounts are not "
                       "negative; the straight line falls below zero for %s%s"),
                    bounded->str, nbounded > 5 ? "; ..." : "");
            fputc('\n', fp);
        }
        g_string_free(bounded, TRUE);
    }
    g_free(t);
    cli_grid_free(g);
}

static void print_trend_csv(const trend_view_t *tv, char sep)
{
    FILE *fp = tv->fp;
    const aidstat_series_t *s = tv->s;
    const char *cols[] = {"group",
                          "n",
                          "first_period",
                          "last_period",
                          "last_value",
                          "slope_per_year",
                          "slope_per_year_lo",
                          "slope_per_year_hi",
                          "slope_per_period",
                          "se_slope",
                          "intercept",
                          "se_intercept",
                          "r2",
                          "p_value",
                          "resid_sd",
                          "growth_pct_per_year",
                          "growth_lo",
                          "growth_hi",
                          "current_year",
                          "current_total",
                          "baseline_from",
                          "baseline_to",
                          "baseline_mean",
                          "change_pct",
                          "measure",
                          "type",
                          "unit",
                          "interval",
                          "price_basis",
                          "source"};
    for (size_t j = 0; j < G_N_ELEMENTS(cols); j++) {
        if (j)
            fputc(sep, fp);
        cli_csv_field(fp, cols[j], sep);
    }
    fputc('\n', fp);
    char a[32] = "", b[32] = "";
    if (tv->count) {
        aidstat_series_period_label(s, tv->first, a, sizeof a);
        aidstat_series_period_label(s, tv->first + tv->count - 1, b, sizeof b);
    }
    int m = aidstat_series_measure(s);
    for (size_t i = 0; i < tv->ngroups; i++) {
        const group_fit_t *f = &tv->fits[i];
        bool ok = f->fit.trend_status == AIDSTAT_OK, gok = f->fit.growth_status == AIDSTAT_OK;
        cli_csv_field(fp, f->label, sep);
        fprintf(fp, "%c%zu%c", sep, tv->count, sep);
        cli_csv_field(fp, a, sep);
        fputc(sep, fp);
        cli_csv_field(fp, b, sep);
        double nums[] = {f->fit.last,
                         ok ? f->fit.trend.slope_per_year : NAN,
                         ok ? f->fit.trend.slope_per_year_lo : NAN,
                         ok ? f->fit.trend.slope_per_year_hi : NAN,
                         ok ? f->fit.trend.slope : NAN,
                         ok ? f->fit.trend.se_slope : NAN,
                         ok ? f->fit.trend.intercept : NAN,
                         ok ? f->fit.trend.se_intercept : NAN,
                         ok ? f->fit.trend.r2 : NAN,
                         ok ? f->fit.trend.p_value : NAN,
                         ok ? f->fit.trend.resid_sd : NAN,
                         gok ? f->fit.growth.rate : NAN,
                         gok ? f->fit.growth.rate_lo : NAN,
                         gok ? f->fit.growth.rate_hi : NAN};
        for (size_t k = 0; k < G_N_ELEMENTS(nums); k++) {
            fputc(sep, fp);
            cli_csv_num(fp, nums[k]);
        }
        fputc(sep, fp);
        if (tv->cur_year)
            fprintf(fp, "%d", tv->cur_year);
        fputc(sep, fp);
        cli_csv_num(fp, f->ch.current);
        fputc(sep, fp);
        if (tv->base_from)
            fprintf(fp, "%d", tv->base_from);
        fputc(sep, fp);
        if (tv->base_to)
            fprintf(fp, "%d", tv->base_to);
        fputc(sep, fp);
        cli_csv_num(fp, f->ch.baseline);
        fputc(sep, fp);
        cli_csv_num(fp, f->ch.change);
        const char *meta[] = {m >= 0 ? aidstat_measure_name((aidstat_measure_t)m) : "several",
                              aidstat_series_types(s),
                              aidstat_series_currency(s),
                              interval_noun(aidstat_series_interval(s)),
                              aidstat_wording_basis(aidstat_series_currency(s), tv->basis),
                              aidstat_series_source(s)};
        for (size_t k = 0; k < G_N_ELEMENTS(meta); k++) {
            fputc(sep, fp);
            cli_csv_field(fp, meta[k], sep);
        }
        fputc('\n', fp);
    }
}

static void json_trend(FILE *fp, const aidstat_trend_t *t)
{
    struct {
        const char *k;
        double v;
    } f[] = {{"n", (double)t->n},
             {"intercept", t->intercept},
             {"slope", t->slope},
             {"se_intercept", t->se_intercept},
             {"se_slope", t->se_slope},
             {"slope_lo", t->slope_lo},
             {"slope_hi", t->slope_hi},
             {"slope_per_year", t->slope_per_year},
             {"slope_per_year_lo", t->slope_per_year_lo},
             {"slope_per_year_hi", t->slope_per_year_hi},
             {"r2", t->r2},
             {"p_value", t->p_value},
             {"resid_sd", t->resid_sd},
             {"t_crit", t->t_crit},
             {"f_stat", t->f_stat}};
    fputc('{', fp);
    for (size_t i = 0; i < G_N_ELEMENTS(f); i++) {
        fprintf(fp, "%s\"%s\": ", i ? ", " : "", f[i].k);
        cli_json_num(fp, f[i].v);
    }
    fputc('}', fp);
}

static void print_trend_json(const trend_view_t *tv)
{
    FILE *fp = tv->fp;
    const aidstat_series_t *s = tv->s;
    int m = aidstat_series_measure(s);
    char buf[64];
    fputs("{\n  \"measure\": ", fp);
    if (m >= 0)
        cli_json_str(fp, aidstat_measure_name((aidstat_measure_t)m));
    else
        fputs("null", fp);
    fputs(",\n  \"type\": ", fp);
    cli_json_str(fp, aidstat_series_types(s));
    fputs(",\n  \"currency\": ", fp);
    cli_json_str(fp, aidstat_series_currency(s));
    fputs(",\n  \"price_basis\": ", fp);
    cli_json_str(fp, aidstat_wording_basis(aidstat_series_currency(s), tv->basis));
    fputs(",\n  \"interval\": ", fp);
    cli_json_str(fp, interval_noun(aidstat_series_interval(s)));
    fputs(",\n  \"selection\": ", fp);
    cli_json_str(fp, aidstat_series_filter(s));
    fputs(",\n  \"source\": ", fp);
    cli_json_str(fp, aidstat_series_source(s));
    fputs(",\n  \"periods\": [", fp);
    for (size_t t = 0; t < aidstat_series_length(s); t++) {
        if (t)
            fputs(", ", fp);
        cli_json_str(fp, aidstat_series_period_label(s, t, buf, sizeof buf));
    }
    fputs("],\n  \"complete\": [", fp);
    for (size_t t = 0; t < aidstat_series_length(s); t++)
        fprintf(fp, "%s%s", t ? ", " : "", aidstat_series_period_complete(s, t) ? "true" : "false");
    fprintf(fp, "],\n  \"fitted\": {\"first\": %zu, \"count\": %zu},\n", tv->first, tv->count);
    if (tv->cur_year && tv->base_from)
        fprintf(fp, "  \"change\": {\"current\": %d, \"baseline_from\": %d, \"baseline_to\": %d},\n",
                tv->cur_year, tv->base_from, tv->base_to);
    fputs("  \"notes\": [", fp);
    for (size_t i = 0; i < aidstat_series_note_count(s); i++) {
        if (i)
            fputs(", ", fp);
        char *w = aidstat_text_word(aidstat_series_note_marked(s, i), cli_option_word, NULL);
        cli_json_str(fp, w);
        g_free(w);
    }
    fputs("],\n  \"groups\": [\n", fp);
    for (size_t i = 0; i < tv->ngroups; i++) {
        const group_fit_t *f = &tv->fits[i];
        const double *v = aidstat_series_values(s, f->g);
        fputs("    {\"label\": ", fp);
        cli_json_str(fp, f->label);
        fputs(", \"values\": [", fp);
        for (size_t t = 0; t < aidstat_series_length(s); t++) {
            if (t)
                fputs(", ", fp);
            cli_json_num(fp, v[t]);
        }
        fputs("],\n     \"trend\": ", fp);
        if (f->fit.trend_status == AIDSTAT_OK)
            json_trend(fp, &f->fit.trend);
        else {
            fputs("{\"error\": ", fp);
            cli_json_str(fp, f->fit.trend_error.message);
            fputc('}', fp);
        }
        fputs(",\n     \"growth\": ", fp);
        if (f->fit.growth_status == AIDSTAT_OK) {
            fputs("{\"rate\": ", fp);
            cli_json_num(fp, f->fit.growth.rate);
            fputs(", \"rate_lo\": ", fp);
            cli_json_num(fp, f->fit.growth.rate_lo);
            fputs(", \"rate_hi\": ", fp);
            cli_json_num(fp, f->fit.growth.rate_hi);
            fputs(", \"r2\": ", fp);
            cli_json_num(fp, f->fit.growth.r2);
            fputc('}', fp);
        } else {
            fputs("{\"error\": ", fp);
            cli_json_str(fp, f->gwhy);
            fputc('}', fp);
        }
        fputs(",\n     \"current_total\": ", fp);
        cli_json_num(fp, f->ch.current);
        fputs(", \"baseline_mean\": ", fp);
        cli_json_num(fp, f->ch.baseline);
        fputs(", \"change_pct\": ", fp);
        cli_json_num(fp, f->ch.change);
        if (tv->forecast && f->fit.trend_status == AIDSTAT_OK) {
            fputs(",\n     \"forecast\": [", fp);
            for (size_t k = 1; k <= tv->forecast; k++) {
                double y, lo, hi;
                bool bounded = false;
                aidstat_group_fit_forecast(&f->fit, k, &y, &lo, &hi, &bounded);
                fprintf(fp, "%s{\"period\": ", k > 1 ? ", " : "");
                cli_json_str(fp, forecast_label(tv, k, buf, sizeof buf));
                fputs(", \"value\": ", fp);
                cli_json_num(fp, y);
                fputs(", \"lo\": ", fp);
                cli_json_num(fp, lo);
                fputs(", \"hi\": ", fp);
                cli_json_num(fp, hi);
                if (bounded)
                    fputs(", \"bounded_at_zero\": true", fp);
                fputc('}', fp);
            }
            fputc(']', fp);
        }
        fprintf(fp, "}%s\n", i + 1 < tv->ngroups ? "," : "");
    }
    fputs("  ]\n}\n", fp);
}

/* --series: the periods down, the groups across. */
/* The series as JSON: periods and each group's values. */
static void series_json(const trend_view_t *tv, double *const *cols, bool cumulative, size_t window)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    size_t len = aidstat_series_length(s), ng = tv->ngroups;
    char buf[CLI_NUM_MAX];
    int m = aidstat_series_measure(s);
    fputs("{\n  \"measure\": ", fp);
    if (m >= 0)
        cli_json_str(fp, aidstat_measure_name((aidstat_measure_t)m));
    else
        fputs("null", fp);
    fputs(", \"type\": ", fp);
    cli_json_str(fp, aidstat_series_types(s));
    fputs(", \"currency\": ", fp);
    cli_json_str(fp, aidstat_series_currency(s));
    fprintf(fp, ", \"transform\": \"%s\", \"window\": %zu, \"change\": %s%s%s,\n  \"source\": ",
            cumulative   ? "cumulative"
            : window > 1 ? "moving_average"
                         : "none",
            window, tv->change_lag ? "\"" : "", tv->change_lag ? tv->change_name : "null",
            tv->change_lag ? "_pct\"" : "");
    cli_json_str(fp, aidstat_series_source(s));
    fputs(",\n  \"periods\": [", fp);
    for (size_t t = 0; t < len; t++) {
        if (t)
            fputs(", ", fp);
        cli_json_str(fp, aidstat_series_period_label(s, t, buf, sizeof buf));
    }
    fputs("],\n  \"groups\": [\n", fp);
    for (size_t i = 0; i < ng; i++) {
        fputs("    {\"label\": ", fp);
        cli_json_str(fp, tv->fits[i].label);
        fputs(", \"values\": [", fp);
        for (size_t t = 0; t < len; t++) {
            if (t)
                fputs(", ", fp);
            cli_json_num(fp, cols[i][t]);
        }
        fprintf(fp, "]}%s\n", i + 1 < ng ? "," : "");
    }
    fputs("  ]\n}\n", fp);
}

/* The series as CSV or TSV: one column per group. */
static void series_csv(const trend_view_t *tv, double *const *cols, char sep)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    size_t len = aidstat_series_length(s), ng = tv->ngroups;
    char buf[CLI_NUM_MAX];
    cli_csv_field(fp, "period", sep);
    for (size_t i = 0; i < ng; i++) {
        fputc(sep, fp);
        cli_csv_field(fp, tv->fits[i].label, sep);
    }
    fputc('\n', fp);
    for (size_t t = 0; t < len; t++) {
        cli_csv_field(fp, aidstat_series_period_label(s, t, buf, sizeof buf), sep);
        for (size_t i = 0; i < ng; i++) {
            fputc(sep, fp);
            cli_csv_num(fp, cols[i][t]);
        }
        fputc('\n', fp);
    }
}

/* The lines under a table of the series: marks, measure, unit, selection,
 * notes and source. */
static void series_table_footer(const trend_view_t *tv, bool cumulative)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    size_t len = aidstat_series_length(s);
    int m = aidstat_series_measure(s);
    bool marked = false;
    for (size_t k = 0; k < len; k++)
        marked |= !aidstat_series_period_complete(s, k);
    const char *end = tv->format == CLI_FMT_MARKDOWN ? "  \n" : "\n";
    if (marked) {
        fputs(L_("* incomplete period: the data covers only part of it"), fp);
        fputs(end, fp);
    }
    if (tv->change_lag) {
        fputs(L_("n/a: no earlier period, or it was zero"), fp);
        fputs(end, fp);
    }
    char *ml = g_strdup(m >= 0 ? aidstat_wording_measure(m) : L_("several"));
    char prices[48], unit[192], p0[32];
    char *ty = cli_types_people(aidstat_series_types(s));
    prices_text(tv, prices, sizeof prices);
    const char *cur = aidstat_series_currency(s);
    if (aidstat_currency_is_tiv(cur) && !tv->change_lag) {
        char *u = aidstat_wording_unit_statement(
            cur, tv->unit.scale, cumulative ? NULL : interval_noun_people(aidstat_series_interval(s)), 0);
        if (cumulative)
            snprintf(unit, sizeof unit, L_("%s, running total from %s"), u,
                     aidstat_series_period_label(s, 0, p0, sizeof p0));
        else
            g_strlcpy(unit, u, sizeof unit);
        g_free(u);
        fprintf(fp, L_("Measure: %s"), ml);
        fputs(end, fp);
        fprintf(fp, L_("Type: %s"), ty);
        fputs(end, fp);
        fprintf(fp, L_("Unit: %s"), unit);
        fputs(end, fp);
    } else {
        if (cumulative)
            snprintf(unit, sizeof unit, L_("%s, running total from %s"), tv->unit.unit_long,
                     aidstat_series_period_label(s, 0, p0, sizeof p0));
        else
            snprintf(unit, sizeof unit, L_("%s per %s"), tv->unit.unit_long,
                     interval_noun_people(aidstat_series_interval(s)));
        fprintf(fp, L_("Measure: %s"), ml);
        fputs(end, fp);
        fprintf(fp, L_("Type: %s"), ty);
        fputs(end, fp);
        fprintf(fp, L_("Unit: %s (%s, %s)"), tv->change_lag ? L_("% change") : unit, cur, prices);
        fputs(end, fp);
    }
    g_free(ml);
    g_free(ty);
    if (tv->basis[0]) {
        fprintf(fp, L_("Basis: %s"), tv->basis);
        fputs(end, fp);
    }
    if (aidstat_series_filter(s)[0]) {
        cli_print_selection(fp, aidstat_series_filter(s), aidstat_series_currency(s));
        fputs(end, fp);
    }
    for (size_t i = 0; i < aidstat_series_note_count(s); i++) {
        char *w = aidstat_text_word(aidstat_series_note_marked(s, i), cli_option_word, NULL);
        fprintf(fp, L_("Note: %s"), w);
        fputs(end, fp);
        g_free(w);
    }
    const char *src = aidstat_series_source(s);
    fprintf(fp, L_("Source: %s"), src[0] ? src : L_("not stated in the data"));
    fputc('\n', fp);
}

/* The series as a table for people, or Markdown. */
static void series_table(const trend_view_t *tv, double *const *cols, bool cumulative, size_t window)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    size_t len = aidstat_series_length(s), ng = tv->ngroups;
    char buf[CLI_NUM_MAX];
    cli_grid_t *g = cli_grid_new(ng + 1);
    aidstat_interval_t iv = aidstat_series_interval(s);
    cli_grid_put(g, iv == AIDSTAT_INTERVAL_YEAR      ? L_("Year")
                    : iv == AIDSTAT_INTERVAL_QUARTER ? L_("Quarter")
                                                     : L_("Month"));
    for (size_t i = 0; i < ng; i++) {
        cli_grid_put(g, tv->fits[i].label);
        g->right[i + 1] = true;
    }
    for (size_t t = 0; t < len; t++) {
        aidstat_series_period_label(s, t, buf, sizeof buf);
        if (!aidstat_series_period_complete(s, t))
            g_strlcat(buf, " *", sizeof buf);
        cli_grid_put(g, buf);
        for (size_t i = 0; i < ng; i++) {
            if (!tv->change_lag)
                cli_grid_put(g, money(tv, cols[i][t], buf, sizeof buf));
            else if (isnan(cols[i][t]))
                cli_grid_put(g, L_("n/a"));
            else {
                snprintf(buf, sizeof buf, "%+.1f %%", cols[i][t]);
                cli_grid_put(g, cli_lang_de() ? cli_num_german(buf) : buf);
            }
        }
    }
    /* English lowers the title inside a longer one; German keeps its nouns */
    char *t = title(tv, false, !cli_lang_de());
    aidstat_interval_t ivl = aidstat_series_interval(s);
    char *what =
        cumulative ? g_strdup_printf(L_("Cumulative %s"), t)
        : window > 1
            ? g_strdup_printf(ivl == AIDSTAT_INTERVAL_YEAR      ? L_("%zu-year moving average of %s")
                              : ivl == AIDSTAT_INTERVAL_QUARTER ? L_("%zu-quarter moving average of %s")
                                                                : L_("%zu-month moving average of %s"),
                              window, t)
            : g_strdup(t);
    GString *head = g_string_new(what);
    if (tv->change_lag) {
        /* percentages: the money unit after the last comma goes */
        char *comma = strrchr(head->str, ',');
        if (comma)
            g_string_truncate(head, (gsize)(comma - head->str));
        const char *yoy = /* xgettext:no-c-format */ L_(": % change on the same period a year earlier");
        const char *pop = /* xgettext:no-c-format */ L_(": % change on the previous period");
        g_string_append(head, !strcmp(tv->change_name, "yoy") ? yoy : pop);
    }
    head->str[0] = g_ascii_toupper(head->str[0]);
    if (tv->format == CLI_FMT_MARKDOWN) {
        fprintf(fp, "**%s**\n\n", head->str);
        cli_grid_markdown(fp, g, false);
        fputc('\n', fp);
    } else {
        fprintf(fp, "%s\n\n", head->str);
        cli_grid_print(fp, g, false);
        fputc('\n', fp);
    }
    g_string_free(head, TRUE);
    g_free(what);
    series_table_footer(tv, cumulative);
    g_free(t);
    cli_grid_free(g);
}

static void print_series(const trend_view_t *tv, bool cumulative, size_t window)
{
    const aidstat_series_t *s = tv->s;
    size_t len = aidstat_series_length(s), ng = tv->ngroups;
    double **cols = g_new0(double *, ng + 1);
    for (size_t i = 0; i < ng; i++) {
        cols[i] = g_new(double, len + 1);
        const double *v = aidstat_series_values(s, tv->fits[i].g);
        if (cumulative)
            aidstat_cumulative(v, len, cols[i]);
        else if (window > 1)
            aidstat_moving_average(v, len, window, cols[i]);
        else
            memcpy(cols[i], v, len * sizeof(double));
        if (tv->change_lag)
            aidstat_change(cols[i], len, tv->change_lag, NULL, cols[i]);
    }
    if (tv->format == CLI_FMT_JSON)
        series_json(tv, cols, cumulative, window);
    else if (tv->format == CLI_FMT_CSV || tv->format == CLI_FMT_TSV)
        series_csv(tv, cols, tv->format == CLI_FMT_TSV ? '\t' : ',');
    else
        series_table(tv, cols, cumulative, window);
    for (size_t i = 0; i < ng; i++)
        g_free(cols[i]);
    g_free(cols);
}

/* --summary: each group's distribution over its complete periods. */
static void print_summary(const trend_view_t *tv)
{
    const aidstat_series_t *s = tv->s;
    FILE *fp = tv->fp;
    const char *heads[] = {"n", "Sum", "Mean", "Median", "Min", "Max", "SD", "P10", "Q1", "Q3", "P90"};
    const char *keys[] = {"n", "sum", "mean", "median", "min", "max", "sd", "p10", "q1", "q3", "p90"};
    bool table = tv->format == CLI_FMT_TABLE || tv->format == CLI_FMT_MARKDOWN;
    char sep = tv->format == CLI_FMT_TSV ? '\t' : ',';
    cli_grid_t *g = cli_grid_new(12);
    cli_grid_put(g, tv->group_title);
    for (size_t j = 0; j < 11; j++) {
        cli_grid_put(g, heads[j]);
        g->right[j + 1] = true;
    }
    if (tv->format == CLI_FMT_CSV || tv->format == CLI_FMT_TSV) {
        cli_csv_field(fp, "group", sep);
        for (size_t j = 0; j < 11; j++) {
            fputc(sep, fp);
            cli_csv_field(fp, keys[j], sep);
        }
        fprintf(fp, "%cunit%cinterval%cfirst_period%clast_period\n", sep, sep, sep, sep);
    } else if (tv->format == CLI_FMT_JSON) {
        fputs("{\n  \"groups\": [\n", fp);
    }
    char buf[CLI_NUM_MAX], a[32] = "", b[32] = "";
    if (tv->count) {
        aidstat_series_period_label(s, tv->first, a, sizeof a);
        aidstat_series_period_label(s, tv->first + tv->count - 1, b, sizeof b);
    }
    for (size_t i = 0; i < tv->ngroups; i++) {
        aidstat_summary_t sm;
        aidstat_error_t err;
        bool ok = aidstat_summary_compute(aidstat_series_values(s, tv->fits[i].g) + tv->first, tv->count, &sm,
                                          &err) == AIDSTAT_OK;
        double v[] = {ok ? (double)sm.n : 0,
                      sm.sum,
                      sm.mean,
                      sm.median,
                      sm.min,
                      sm.max,
                      sm.sd,
                      sm.p10,
                      sm.q1,
                      sm.q3,
                      sm.p90};
        if (!ok)
            for (size_t j = 1; j < 11; j++)
                v[j] = NAN;
        if (table) {
            cli_grid_put(g, tv->fits[i].label);
            snprintf(buf, sizeof buf, "%zu", ok ? sm.n : (size_t)0);
            cli_grid_put(g, buf);
            for (size_t j = 1; j < 11; j++)
                cli_grid_put(g, money(tv, v[j], buf, sizeof buf));
        } else if (tv->format == CLI_FMT_JSON) {
            fputs("    {\"label\": ", fp);
            cli_json_str(fp, tv->fits[i].label);
            for (size_t j = 0; j < 11; j++) {
                fprintf(fp, ", \"%s\": ", keys[j]);
                cli_json_num(fp, v[j]);
            }
            fprintf(fp, "}%s\n", i + 1 < tv->ngroups ? "," : "");
        } else {
            cli_csv_field(fp, tv->fits[i].label, sep);
            for (size_t j = 0; j < 11; j++) {
                fputc(sep, fp);
                cli_csv_num(fp, v[j]);
            }
            fprintf(fp, "%c%s%c%s%c%s%c%s\n", sep, aidstat_series_currency(s), sep,
                    interval_noun(aidstat_series_interval(s)), sep, a, sep, b);
        }
    }
    if (tv->format == CLI_FMT_JSON) {
        fputs("  ],\n  \"currency\": ", fp);
        cli_json_str(fp, aidstat_series_currency(s));
        fputs(", \"interval\": ", fp);
        cli_json_str(fp, interval_noun(aidstat_series_interval(s)));
        fprintf(fp, ", \"first_period\": \"%s\", \"last_period\": \"%s\"\n}\n", a, b);
    }
    if (table) {
        char *t = title(tv, false, true);
        GString *head = g_string_new("Distribution over ");
        g_string_append_printf(head, "%ss of %s", interval_noun(aidstat_series_interval(s)), t);
        const char *end = tv->format == CLI_FMT_MARKDOWN ? "  \n" : "\n";
        if (tv->format == CLI_FMT_MARKDOWN) {
            fprintf(fp, "**%s**\n\n", head->str);
            cli_grid_markdown(fp, g, false);
        } else {
            fprintf(fp, "%s\n\n", head->str);
            cli_grid_print(fp, g, false);
        }
        fputc('\n', fp);
        fprintf(fp, "Each %s's flow is one value; quantiles: GSL's interpolation between order statistics%s",
                interval_noun(aidstat_series_interval(s)), end);
        footer(tv, end, false);
        g_string_free(head, TRUE);
        g_free(t);
    }
    cli_grid_free(g);
}

static void add_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_series_add_load_report(user, r);
}

static void add_caveat(void *user, const char *caveat)
{
    aidstat_series_add_caveat(user, caveat);
}

/* Parse "2022-2024" or "2023". */
static bool year_range(const char *s, int *from, int *to)
{
    int a, b;
    char c;
    if (sscanf(s, "%d-%d%c", &a, &b, &c) == 2 && a >= 1900 && b >= a && b <= 2999) {
        *from = a, *to = b;
        return true;
    }
    if (sscanf(s, "%d%c", &a, &c) == 1 && a >= 1900 && a <= 2999) {
        *from = *to = a;
        return true;
    }
    return false;
}

/* --by and --interval into opt. */
static int parse_grouping(const char *by, const char *interval, aidstat_series_options_t *opt)
{
    if (by) {
        aidstat_key_t k = AIDSTAT_KEY_NONE;
        (void)aidstat_key_parse(by, &k);
        if (k != AIDSTAT_KEY_DONOR && k != AIDSTAT_KEY_REGION && k != AIDSTAT_KEY_TYPE &&
            k != AIDSTAT_KEY_MEASURE)
            return cli_error(EXIT_USAGE, "--by \"%s\": use donor, region, type or measure%s", by,
                             cli_hint(by, "donor, region, type, measure"));
        opt->by = (aidstat_key_t)k;
    }
    if (interval) {
        aidstat_interval_t iv;
        if (aidstat_interval_parse(interval, &iv) != AIDSTAT_OK)
            return cli_error(EXIT_USAGE, "--interval \"%s\": use month, quarter or year", interval);
        opt->interval = iv;
    }
    return EXIT_OK;
}

/* The options that choose an output go together. */
static int check_outputs(bool series, bool summary, bool cumulative, long window, const char *change)
{
    if ((cumulative || window || change) && !series)
        return cli_error(EXIT_USAGE,
                         "--cumulative, --window and --change shape the series: use them with --series");
    if (change && strcmp(change, "pop") && strcmp(change, "yoy"))
        return cli_error(EXIT_USAGE, "--change \"%s\": use pop or yoy", change);
    if (summary && series)
        return cli_error(EXIT_USAGE, "--summary and --series are different outputs: choose one");
    return EXIT_OK;
}

/* The view's groups (the top ones), its unit, and each group's fit over
 * the complete periods; the change: the current year against the complete
 * years before it. */
static void fit_groups(trend_view_t *tv, const aidstat_series_t *s, size_t top, int current, int base_from,
                       int base_to, const char *scale)
{
    tv->s = s;
    size_t len = aidstat_series_length(s), a, b;
    aidstat_series_complete_span(s, &a, &b);
    tv->first = a;
    tv->count = b - a;
    aidstat_series_change_years(s, current, base_from, base_to, &tv->cur_year, &tv->base_from, &tv->base_to);
    tv->ngroups = aidstat_series_groups(s);
    if (top && top < tv->ngroups)
        tv->ngroups = top;
    tv->fits = g_new0(group_fit_t, tv->ngroups + 1);
    double maxabs = 0;
    for (size_t i = 0; i < tv->ngroups; i++) {
        const double *v = aidstat_series_values(s, i);
        for (size_t t = 0; t < len; t++)
            maxabs = MAX(maxabs, fabs(v[t]));
    }
    cli_unit_choose(&tv->unit, maxabs, aidstat_series_currency(s), scale);
    for (size_t i = 0; i < tv->ngroups; i++) {
        tv->fits[i].label = aidstat_series_group(s, i);
        tv->fits[i].g = i;
        fit_group(tv, &tv->fits[i]);
    }
}

/* The fitted trends in the view's format. */
static void print_trend(const trend_view_t *tv)
{
    if (tv->format == CLI_FMT_TABLE || tv->format == CLI_FMT_MARKDOWN)
        print_trend_table(tv, tv->format == CLI_FMT_MARKDOWN);
    else if (tv->format == CLI_FMT_JSON)
        print_trend_json(tv);
    else
        print_trend_csv(tv, tv->format == CLI_FMT_TSV ? '\t' : ',');
}

/* `aidstat trend`. Longer than 150 lines on purpose: most of it is the table
 * of options (GOptionEntry needs the addresses of these locals) and the
 * frees at "done"; the work itself is the named phases it calls. */
int cmd_trend(int argc, char **argv)
{
    gchar *by = NULL, *interval = NULL, *format = NULL, *output = NULL, *scale = NULL, *baseline = NULL;
    gchar *top_s = NULL, *forecast_s = NULL, *window_s = NULL, *current_s = NULL;
    long top = 0, forecast = 0, window = 0, current = 0;
    gboolean series = FALSE, cumulative = FALSE, summary = FALSE;
    gchar *change = NULL;
    cli_data_opts_t data = {0};
    cli_select_t sel = {0};
    cli_norm_t norm = {0};
    cli_eu_t eu = {0};
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &by,
         N_("One trend per donor, region, type or measure (default: one for all)"), N_("KEY")},
        {"interval", 'i', 0, G_OPTION_ARG_STRING, &interval,
         N_("Periods: month (default; year for data dated by year), quarter or year"), N_("INTERVAL")},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &top_s, N_("Only the N largest groups"), N_("N")},
        {"current", 0, 0, G_OPTION_ARG_STRING, &current_s,
         N_("Year to compare with the baseline (default: the last complete year)"), N_("YYYY")},
        {"baseline", 0, 0, G_OPTION_ARG_STRING, &baseline,
         N_("Baseline years (default: the complete years before --current)"), N_("YYYY[-YYYY]")},
        {"forecast", 0, 0, G_OPTION_ARG_STRING, &forecast_s,
         /* xgettext:no-c-format */ N_("Extrapolate each trend K periods, with 95 % prediction intervals"),
         N_("K")},
        {"series", 0, 0, G_OPTION_ARG_NONE, &series,
         N_("Print the series itself, periods down and groups across"), NULL},
        {"cumulative", 0, 0, G_OPTION_ARG_NONE, &cumulative, N_("With --series: running totals"), NULL},
        {"window", 'w', 0, G_OPTION_ARG_STRING, &window_s,
         N_("With --series: trailing moving average over K periods"), N_("K")},
        {"change", 0, 0, G_OPTION_ARG_STRING, &change,
         /* xgettext:no-c-format */
         N_("With --series: % change on the previous period (pop) or the same period a year earlier (yoy)"),
         N_("pop|yoy")},
        {"summary", 0, 0, G_OPTION_ARG_NONE, &summary,
         N_("Per group: count, sum, mean, median, min, max, SD and quantiles over the complete periods"),
         NULL},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output: table, csv, tsv, json, markdown"),
         N_("FORMAT")},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of stdout"),
         N_("FILE")},
        {"scale", 0, 0, G_OPTION_ARG_STRING, &scale, N_("Unit: bn, m, k or 1 (default: automatic)"),
         N_("UNIT")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(N_("[FILE...] - trends of aid over time"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, /* xgettext:no-c-format */ N_(
            "Per group: the least-squares trend of the periodic flows (slope per year "
            "with its\n"
            "95 % confidence interval, R²), log-linear growth per year, and the last "
            "complete\n"
            "year against the years before it. Without FILE, the embedded Kiel data "
            "is used.\n\n"
            "Example: aidstat trend --by region --region europe,usa --type military "
            "--interval quarter"));
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_csv_add_entries(ctx);
    cli_select_add_entries(&sel, ctx);
    cli_norm_add_entries(&norm, ctx);
    cli_eu_add_entries(&eu, ctx);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_series_t *s = NULL;
    aidstat_error_t err;
    cli_output_t out = {0};
    trend_view_t tv = {0};
    char *basis = NULL;

    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if ((code = cli_data_prepare(&data)))
        goto done;
    aidstat_series_options_t opt;
    aidstat_series_options_init(&opt);
    if ((code = parse_grouping(by, interval, &opt)))
        goto done;
    /* a forecast is a straight line: ten years of months is as far as it means anything */
    if ((code = cli_int("--top", top_s, 0, 100000, &top)) ||
        (code = cli_int("--forecast", forecast_s, 1, 120, &forecast)) ||
        (code = cli_int("--window", window_s, 1, 1000, &window)) ||
        (code = cli_int("--current", current_s, 1900, 2100, &current)))
        goto done;
    if ((code = check_outputs(series, summary, cumulative, window, change)))
        goto done;
    int base_from = 0, base_to = 0;
    if (baseline && !year_range(baseline, &base_from, &base_to)) {
        code = cli_error(EXIT_USAGE, "--baseline \"%s\": use YYYY or YYYY-YYYY", baseline);
        goto done;
    }
    cli_format_t fmt = CLI_FMT_TABLE;
    if ((code = cli_output_parse(format, scale, &fmt)))
        goto done;
    if ((code = cli_select_build(&sel, &data, opt.by == AIDSTAT_KEY_REGION)))
        goto done;
    if ((code = cli_norm_build(&norm)))
        goto done;
    opt.filter = sel.filter;
    opt.regions = sel.regions_table;
    opt.normalize = norm.active ? &norm.norm : NULL;
    if (!(s = aidstat_series_new(&opt, &err))) {
        code = cli_fail(&err);
        goto done;
    }
    if ((code = cli_eu_load(&eu, &data, argv + 1, argc - 1, aidstat_series_add, s, add_report, s, add_caveat,
                            s)))
        goto done;
    if ((code = cli_select_check(&sel)))
        goto done;
    if (aidstat_series_finish(s, &err) != AIDSTAT_OK) {
        code = cli_fail(&err);
        goto done;
    }

    fit_groups(&tv, s, (size_t)top, (int)current, base_from, base_to, scale);
    tv.forecast = (size_t)forecast;
    tv.group_title = opt.by ? cli_key_title(opt.by, aidstat_series_currency(s)) : L_("Selection");
    if (change) {
        tv.change_name = change;
        tv.change_lag = !strcmp(change, "yoy") ? (size_t)periods_per_year(opt.interval) : 1;
    }
    tv.format = fmt;
    basis = norm.active ? aidstat_normalize_describe(&norm.norm) : g_strdup("");
    tv.basis = basis;
    tv.base_year = norm.norm.base_year;
    if ((code = cli_output_open(&out, output)))
        goto done;
    tv.fp = out.fp;
    if (series)
        print_series(&tv, cumulative, (size_t)window);
    else if (summary)
        print_summary(&tv);
    else
        print_trend(&tv);
    code = cli_output_commit(&out);
done:
    if (code && out.fp)
        cli_output_abort(&out);
    g_free(tv.fits);
    g_free(basis);
    aidstat_series_free(s);
    cli_select_clear(&sel);
    cli_norm_clear(&norm);
    cli_eu_clear(&eu);
    cli_data_clear(&data);
    g_free(by);
    g_free(interval);
    g_free(format);
    g_free(output);
    g_free(scale);
    g_free(baseline);
    g_free(change);
    g_free(top_s);
    g_free(forecast_s);
    g_free(window_s);
    g_free(current_s);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
