/* aidstat compare: totals, shares and ranks, printed as a table for
 * people or as CSV/TSV/JSON/Markdown for programs. Every output states
 * the measure, types, unit, currency, price basis, period and source. */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

typedef enum { FMT_TABLE, FMT_CSV, FMT_TSV, FMT_JSON, FMT_MARKDOWN } out_format_t;

typedef struct {
    const aidstat_result_t *res;
    out_format_t format;
    double scale;        /* display divisor for money */
    const char *scale_word; /* "bn", "m", "k", "" */
    const char *scale_long; /* "billion" */
    int decimals;
    char unit[64];       /* "€ bn" or "% of GDP" */
    char unit_long[96];  /* "€ billion" */
    FILE *fp;
} view_t;

static const char *currency_symbol(const char *code)
{
    if (!strcmp(code, "EUR"))
        return "€";
    if (!strcmp(code, "USD"))
        return "$";
    if (!strcmp(code, "GBP"))
        return "£";
    return NULL;
}

static const char *key_title(aidstat_key_t k)
{
    switch (k) {
    case AIDSTAT_KEY_DONOR:
        return "Donor";
    case AIDSTAT_KEY_REGION:
        return "Region";
    case AIDSTAT_KEY_TYPE:
        return "Type";
    case AIDSTAT_KEY_MEASURE:
        return "Measure";
    case AIDSTAT_KEY_YEAR:
        return "Year";
    case AIDSTAT_KEY_QUARTER:
        return "Quarter";
    case AIDSTAT_KEY_MONTH:
        return "Month";
    default:
        return "";
    }
}

static char *period_text(const aidstat_result_t *r)
{
    int y0, m0, y1, m1;
    char a[32], b[32];
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    if (y0 <= 0)
        return g_strdup("no dates in the data");
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    if (!strcmp(a, b))
        return g_strdup(a);
    return g_strdup_printf("%s – %s", a, b);
}

static char *period_iso(int y, int m)
{
    return y <= 0 ? g_strdup("") : g_strdup_printf("%04d-%02d", y, m);
}

static char *measure_text(const aidstat_result_t *r)
{
    int m = aidstat_result_measure(r);
    if (m < 0)
        return g_strdup("several (see rows or columns)");
    return g_ascii_strdown(aidstat_measure_label((aidstat_measure_t)m), -1);
}

static char *title_text(const view_t *v)
{
    const aidstat_result_t *r = v->res;
    const char *types = aidstat_result_types(r);
    int m = aidstat_result_measure(r);
    GString *t = g_string_new(NULL);
    if (!strcmp(types, "all types") || strchr(types, ','))
        g_string_append(t, "Aid");
    else {
        g_string_append(t, types);
        t->str[0] = g_ascii_toupper(t->str[0]);
        g_string_append(t, " aid");
    }
    if (m >= 0) {
        char *ml = g_ascii_strdown(aidstat_measure_label((aidstat_measure_t)m), -1);
        g_string_append_printf(t, " %s", ml);
        g_free(ml);
    }
    g_string_append_printf(t, " by %s", aidstat_key_name(aidstat_result_key(r, 0)));
    if (aidstat_result_key(r, 1))
        g_string_append_printf(t, " and %s", aidstat_key_name(aidstat_result_key(r, 1)));
    g_string_append_printf(t, ", %s", v->unit_long);
    return g_string_free(t, FALSE);
}

/* Money in the display unit, or a percentage. */
static char *fmt_value(const view_t *v, double x, char *buf, size_t len)
{
    if (x != x)
        return g_strlcpy(buf, "n/a", len), buf;
    if (aidstat_result_per(v->res) == AIDSTAT_PER_GDP)
        return cli_fmt_grouped(x, v->decimals, buf, len);
    return cli_fmt_grouped(x / v->scale, v->decimals, buf, len);
}

static char *fmt_pct(double x, char *buf, size_t len)
{
    if (x != x)
        buf[0] = '\0';
    else
        snprintf(buf, len, "%.1f %%", x * 100.0 + 0.0);
    return buf;
}

/* ---------------------------------------------------------- terminal */

typedef struct {
    GPtrArray *cells; /* char* per cell, row-major */
    size_t ncols;
    bool *right;
} grid_t;

static void grid_put(grid_t *g, const char *s)
{
    g_ptr_array_add(g->cells, g_strdup(s ? s : ""));
}

static void grid_print(FILE *fp, grid_t *g, size_t rule_before_last)
{
    size_t nrows = g->cells->len / g->ncols;
    size_t *w = g_new0(size_t, g->ncols);
    for (size_t i = 0; i < g->cells->len; i++)
        w[i % g->ncols] = MAX(w[i % g->ncols], cli_width(g_ptr_array_index(g->cells, i)));
    size_t total = 0;
    for (size_t j = 0; j < g->ncols; j++)
        total += w[j] + (j ? 2 : 0);
    GString *line = g_string_new(NULL);
    for (size_t i = 0; i < nrows; i++) {
        if (i == 1 || (rule_before_last && i == nrows - 1)) {
            for (size_t k = 0; k < total; k++)
                fputs("─", fp);
            fputc('\n', fp);
        }
        g_string_truncate(line, 0);
        for (size_t j = 0; j < g->ncols; j++) {
            const char *s = g_ptr_array_index(g->cells, i * g->ncols + j);
            size_t pad = w[j] - cli_width(s);
            if (j)
                g_string_append(line, "  ");
            if (g->right[j])
                g_string_append_printf(line, "%*s%s", (int)pad, "", s);
            else
                g_string_append_printf(line, "%s%*s", s, (int)pad, "");
        }
        while (line->len && line->str[line->len - 1] == ' ')
            g_string_truncate(line, line->len - 1);
        fprintf(fp, "%s\n", line->str);
    }
    g_string_free(line, TRUE);
    g_free(w);
}

static char *footer_text(const view_t *v, const char *sep)
{
    const aidstat_result_t *r = v->res;
    char *measure = measure_text(r);
    char *period = period_text(r);
    const char *cur = aidstat_result_currency(r);
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "Measure: %s%sType: %s%sUnit: %s", measure, sep,
                           aidstat_result_types(r), sep, v->unit_long);
    if (aidstat_result_per(r) == AIDSTAT_PER_GDP)
        g_string_append_printf(s, " (aid in %s, nominal)", cur);
    else
        g_string_append_printf(s, " (%s, nominal: current prices)", cur);
    g_string_append_printf(s, "%sPeriod: %s", sep, period);
    const char *f = aidstat_result_filter(r);
    if (f[0])
        g_string_append_printf(s, "%sSelection: %s", sep, f);
    g_free(measure);
    g_free(period);
    return g_string_free(s, FALSE);
}

static char *source_text(const aidstat_result_t *r)
{
    const char *src = aidstat_result_source(r);
    return g_strdup_printf("Source: %s", src[0] ? src : "not stated in the data");
}

static char *rows_text(const aidstat_result_t *r)
{
    return g_strdup_printf("Records: %" G_GUINT64_FORMAT " used; rows: %" G_GUINT64_FORMAT
                           " read, %" G_GUINT64_FORMAT " rejected",
                           aidstat_result_records(r), aidstat_result_rows_read(r),
                           aidstat_result_rows_rejected(r));
}

static void print_table(const view_t *v, bool markdown)
{
    const aidstat_result_t *r = v->res;
    FILE *fp = v->fp;
    size_t nc = aidstat_result_cols(r);
    bool additive = aidstat_result_additive(r);
    bool per = aidstat_result_per(r) == AIDSTAT_PER_GDP;
    bool cum = false;
    for (size_t i = 0; i < aidstat_result_rows(r) && nc == 0; i++)
        cum |= !isnan(aidstat_result_cumulative_share(r, i));
    aidstat_key_t k0 = aidstat_result_key(r, 0);
    bool rank = k0 == AIDSTAT_KEY_DONOR || k0 == AIDSTAT_KEY_REGION || k0 == AIDSTAT_KEY_TYPE;
    bool share = additive;
    bool has_total = additive || per;
    bool row_value = !(nc > 0 && !additive);
    grid_t g = {g_ptr_array_new_with_free_func(g_free), 0, NULL};
    g.ncols = (rank ? 1 : 0) + 1 + nc + (row_value ? 1 : 0) + (share ? 1 : 0) + (cum ? 1 : 0);
    g.right = g_new0(bool, g.ncols);
    for (size_t j = 0; j < g.ncols; j++)
        g.right[j] = true;
    g.right[rank ? 1 : 0] = false;

    char buf[128];
    /* header */
    if (rank)
        grid_put(&g, "Rank");
    grid_put(&g, key_title(aidstat_result_key(r, 0)));
    for (size_t j = 0; j < nc; j++)
        grid_put(&g, aidstat_result_col_label(r, j));
    if (row_value)
        grid_put(&g, nc ? (additive ? "Total" : v->unit) : v->unit);
    if (share)
        grid_put(&g, "Share");
    if (cum)
        grid_put(&g, "Cum.");
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        if (rank) {
            size_t k = aidstat_result_rank(r, i);
            snprintf(buf, sizeof buf, "%zu", k);
            grid_put(&g, k ? buf : "");
        }
        const char *label = aidstat_result_row_label(r, i);
        grid_put(&g, label[0] ? label : "(blank)");
        for (size_t j = 0; j < nc; j++)
            grid_put(&g, fmt_value(v, aidstat_result_cell(r, i, j), buf, sizeof buf));
        if (row_value)
            grid_put(&g, fmt_value(v, aidstat_result_value(r, i), buf, sizeof buf));
        if (share)
            grid_put(&g, fmt_pct(aidstat_result_share(r, i), buf, sizeof buf));
        if (cum)
            grid_put(&g, fmt_pct(aidstat_result_cumulative_share(r, i), buf, sizeof buf));
    }
    if (has_total) {
        if (rank)
            grid_put(&g, "");
        grid_put(&g, aidstat_result_total_label(r));
        for (size_t j = 0; j < nc; j++)
            grid_put(&g, fmt_value(v, aidstat_result_col_total(r, j), buf, sizeof buf));
        if (row_value)
            grid_put(&g, fmt_value(v, aidstat_result_total(r), buf, sizeof buf));
        if (share)
            grid_put(&g, "100.0 %");
        if (cum)
            grid_put(&g, "");
    }

    char *title = title_text(v);
    char *foot = footer_text(v, markdown ? " · " : "\n");
    char *src = source_text(r);
    char *rows = rows_text(r);
    if (!markdown) {
        fprintf(fp, "%s\n\n", title);
        grid_print(fp, &g, has_total);
        fprintf(fp, "\n%s\n", foot);
        for (size_t i = 0; i < aidstat_result_note_count(r); i++)
            fprintf(fp, "Note: %s\n", aidstat_result_note(r, i));
        fprintf(fp, "%s\n%s\n", src, rows);
    } else {
        fprintf(fp, "**%s**\n\n", title);
        size_t nrows = g.cells->len / g.ncols;
        for (size_t i = 0; i < nrows; i++) {
            fputc('|', fp);
            for (size_t j = 0; j < g.ncols; j++) {
                char *cell = g_ptr_array_index(g.cells, i * g.ncols + j);
                /* a '|' in a name would end the cell */
                char **parts = g_strsplit(cell, "|", -1);
                char *esc = g_strjoinv("\\|", parts);
                bool bold = has_total && i == nrows - 1 && cell[0];
                fprintf(fp, " %s%s%s |", bold ? "**" : "", esc, bold ? "**" : "");
                g_free(esc);
                g_strfreev(parts);
            }
            fputc('\n', fp);
            if (i == 0) {
                fputc('|', fp);
                for (size_t j = 0; j < g.ncols; j++)
                    fputs(g.right[j] ? " ---: |" : " :--- |", fp);
                fputc('\n', fp);
            }
        }
        fprintf(fp, "\n%s  \n", foot);
        for (size_t i = 0; i < aidstat_result_note_count(r); i++)
            fprintf(fp, "Note: %s  \n", aidstat_result_note(r, i));
        fprintf(fp, "%s  \n%s\n", src, rows);
    }
    g_free(title);
    g_free(foot);
    g_free(src);
    g_free(rows);
    g_ptr_array_free(g.cells, TRUE);
    g_free(g.right);
}

/* --------------------------------------------------------- CSV / TSV */

static void csv_field(FILE *fp, const char *s, char sep)
{
    bool quote = sep == ',' && strpbrk(s, ",\"\r\n") != NULL;
    if (sep == '\t') {
        for (const char *p = s; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, fp);
        return;
    }
    if (!quote) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

static void csv_num(FILE *fp, double x)
{
    char buf[64];
    if (x == x)
        fputs(cli_fmt_exact(x, buf, sizeof buf), fp);
}

static void print_csv(const view_t *v, char sep)
{
    const aidstat_result_t *r = v->res;
    FILE *fp = v->fp;
    size_t nc = aidstat_result_cols(r);
    bool per = aidstat_result_per(r) == AIDSTAT_PER_GDP;
    bool donor = aidstat_result_key(r, 0) == AIDSTAT_KEY_DONOR;
    int mm = aidstat_result_measure(r);
    char *measure = g_strdup(mm >= 0 ? aidstat_measure_name((aidstat_measure_t)mm) : "several");
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    char *from = period_iso(y0, m0), *to = period_iso(y1, m1);
    const char *unit = per ? "% of GDP" : aidstat_result_currency(r);

    csv_field(fp, "rank", sep);
    fputc(sep, fp);
    csv_field(fp, aidstat_key_name(aidstat_result_key(r, 0)), sep);
    if (donor) {
        fputc(sep, fp);
        csv_field(fp, "code", sep);
    }
    for (size_t j = 0; j < nc; j++) {
        fputc(sep, fp);
        csv_field(fp, aidstat_result_col_label(r, j), sep);
    }
    /* a metadata column that repeats a key column is left out */
    bool keyed_type = aidstat_result_key(r, 0) == AIDSTAT_KEY_TYPE || aidstat_result_key(r, 1) == AIDSTAT_KEY_TYPE;
    bool keyed_measure = aidstat_result_key(r, 0) == AIDSTAT_KEY_MEASURE ||
                         aidstat_result_key(r, 1) == AIDSTAT_KEY_MEASURE;
    const char *meta[] = {"value", "share", "cumulative_share", "measure", "type", "unit",
                          "price_basis", "period_from", "period_to", "source"};
    for (size_t k = 0; k < G_N_ELEMENTS(meta); k++) {
        if ((k == 3 && keyed_measure) || (k == 4 && keyed_type))
            continue;
        fputc(sep, fp);
        csv_field(fp, meta[k], sep);
    }
    if (per)
        fprintf(fp, "%cvalue_%s%cgdp_%s", sep, aidstat_result_currency(r), sep,
                aidstat_result_currency(r));
    fputc('\n', fp);
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        size_t rank = aidstat_result_rank(r, i);
        if (rank)
            fprintf(fp, "%zu", rank);
        fputc(sep, fp);
        csv_field(fp, aidstat_result_row_label(r, i), sep);
        if (donor) {
            fputc(sep, fp);
            csv_field(fp, aidstat_result_row_code(r, i), sep);
        }
        for (size_t j = 0; j < nc; j++) {
            fputc(sep, fp);
            csv_num(fp, aidstat_result_cell(r, i, j));
        }
        fputc(sep, fp);
        csv_num(fp, aidstat_result_value(r, i));
        fputc(sep, fp);
        csv_num(fp, aidstat_result_share(r, i));
        fputc(sep, fp);
        csv_num(fp, aidstat_result_cumulative_share(r, i));
        const char *vals[] = {measure, aidstat_result_types(r), unit, "nominal", from, to,
                              aidstat_result_source(r)};
        for (size_t k = 0; k < G_N_ELEMENTS(vals); k++) {
            if ((k == 0 && keyed_measure) || (k == 1 && keyed_type))
                continue;
            fputc(sep, fp);
            csv_field(fp, vals[k], sep);
        }
        if (per) {
            double gdp = aidstat_result_gdp(r, i);
            fputc(sep, fp);
            csv_num(fp, aidstat_result_absolute(r, i));
            fputc(sep, fp);
            if (gdp > 0)
                csv_num(fp, gdp);
        }
        fputc('\n', fp);
    }
    g_free(measure);
    g_free(from);
    g_free(to);
}

/* --------------------------------------------------------------- JSON */

static void json_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p == '\t')
            fputs("\\t", fp);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

static void json_num(FILE *fp, double x)
{
    char buf[64];
    if (x != x || isinf(x))
        fputs("null", fp);
    else
        fputs(cli_fmt_exact(x, buf, sizeof buf), fp);
}

static void print_json(const view_t *v)
{
    const aidstat_result_t *r = v->res;
    FILE *fp = v->fp;
    size_t nc = aidstat_result_cols(r);
    bool per = aidstat_result_per(r) == AIDSTAT_PER_GDP;
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    char *from = period_iso(y0, m0), *to = period_iso(y1, m1);
    int m = aidstat_result_measure(r);

    fputs("{\n  \"by\": [", fp);
    json_str(fp, aidstat_key_name(aidstat_result_key(r, 0)));
    if (aidstat_result_key(r, 1)) {
        fputs(", ", fp);
        json_str(fp, aidstat_key_name(aidstat_result_key(r, 1)));
    }
    fputs("],\n  \"selection\": ", fp);
    json_str(fp, aidstat_result_filter(r));
    fputs(",\n  \"measure\": ", fp);
    if (m >= 0)
        json_str(fp, aidstat_measure_name((aidstat_measure_t)m));
    else
        fputs("null", fp);
    fputs(",\n  \"type\": ", fp);
    json_str(fp, aidstat_result_types(r));
    fputs(",\n  \"currency\": ", fp);
    json_str(fp, aidstat_result_currency(r));
    fputs(",\n  \"unit\": ", fp);
    json_str(fp, per ? "% of GDP" : aidstat_result_currency(r));
    fputs(",\n  \"price_basis\": \"nominal\",\n  \"period\": {\"from\": ", fp);
    json_str(fp, from);
    fputs(", \"to\": ", fp);
    json_str(fp, to);
    fputs("},\n  \"source\": ", fp);
    json_str(fp, aidstat_result_source(r));
    fprintf(fp, ",\n  \"records\": %" G_GUINT64_FORMAT ",\n  \"rows_read\": %" G_GUINT64_FORMAT
                ",\n  \"rows_rejected\": %" G_GUINT64_FORMAT ",\n  \"notes\": [",
            aidstat_result_records(r), aidstat_result_rows_read(r), aidstat_result_rows_rejected(r));
    for (size_t i = 0; i < aidstat_result_note_count(r); i++) {
        if (i)
            fputs(", ", fp);
        json_str(fp, aidstat_result_note(r, i));
    }
    fputs("],\n", fp);
    if (nc) {
        fputs("  \"columns\": [", fp);
        for (size_t j = 0; j < nc; j++) {
            if (j)
                fputs(", ", fp);
            json_str(fp, aidstat_result_col_label(r, j));
        }
        fputs("],\n", fp);
    }
    fputs("  \"rows\": [\n", fp);
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        size_t others;
        fputs("    {\"label\": ", fp);
        json_str(fp, aidstat_result_row_label(r, i));
        if (aidstat_result_key(r, 0) == AIDSTAT_KEY_DONOR) {
            fputs(", \"code\": ", fp);
            json_str(fp, aidstat_result_row_code(r, i));
        }
        if (aidstat_result_row_is_others(r, i, &others))
            fprintf(fp, ", \"others\": %zu", others);
        fputs(", \"value\": ", fp);
        json_num(fp, aidstat_result_value(r, i));
        if (per) {
            fputs(", \"aid\": ", fp);
            json_num(fp, aidstat_result_absolute(r, i));
            fputs(", \"gdp\": ", fp);
            json_num(fp, aidstat_result_gdp(r, i) > 0 ? aidstat_result_gdp(r, i) : NAN);
        }
        fputs(", \"share\": ", fp);
        json_num(fp, aidstat_result_share(r, i));
        fputs(", \"cumulative_share\": ", fp);
        json_num(fp, aidstat_result_cumulative_share(r, i));
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
                json_num(fp, aidstat_result_cell(r, i, j));
            }
            fputc(']', fp);
        }
        fprintf(fp, "}%s\n", i + 1 < aidstat_result_rows(r) ? "," : "");
    }
    fputs("  ],\n  \"total\": ", fp);
    json_num(fp, aidstat_result_total(r));
    fputs(",\n  \"total_label\": ", fp);
    json_str(fp, aidstat_result_total_label(r));
    if (nc) {
        fputs(",\n  \"column_totals\": [", fp);
        for (size_t j = 0; j < nc; j++) {
            if (j)
                fputs(", ", fp);
            json_num(fp, aidstat_result_col_total(r, j));
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
    static const struct {
        const char *word, *longw;
        double scale;
    } scales[] = {{"bn", "billion", 1e9}, {"m", "million", 1e6}, {"k", "thousand", 1e3}, {"", "", 1}};
    size_t pick = 3;
    if (want) {
        for (size_t i = 0; i < G_N_ELEMENTS(scales); i++)
            if (!strcmp(want, scales[i].word) || !strcmp(want, scales[i].longw) ||
                (!strcmp(want, "1") && i == 3))
                pick = i;
    } else {
        pick = maxabs >= 1e9 ? 0 : maxabs >= 1e6 ? 1 : 3;
    }
    v->scale = scales[pick].scale;
    v->scale_word = scales[pick].word;
    v->scale_long = scales[pick].longw;
    const char *code = aidstat_result_currency(r);
    const char *sym = currency_symbol(code);
    if (aidstat_result_per(r) == AIDSTAT_PER_GDP) {
        snprintf(v->unit, sizeof v->unit, "%% of GDP");
        snprintf(v->unit_long, sizeof v->unit_long, "%% of donor GDP");
        return;
    }
    if (sym) {
        snprintf(v->unit, sizeof v->unit, "%s%s%s", sym, pick < 3 ? " " : "", v->scale_word);
        snprintf(v->unit_long, sizeof v->unit_long, "%s%s%s", sym, pick < 3 ? " " : "", v->scale_long);
    } else {
        snprintf(v->unit, sizeof v->unit, "%s%s%s", code, pick < 3 ? " " : "", v->scale_word);
        snprintf(v->unit_long, sizeof v->unit_long, "%s%s%s", code, pick < 3 ? " " : "", v->scale_long);
    }
}

static void add_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_compare_add_load_report(user, r);
}

/* Split "a,b" option values (repeatable options are joined first). */
static gchar **split_list(gchar **values)
{
    GPtrArray *out = g_ptr_array_new();
    for (gchar **v = values; v && *v; v++) {
        gchar **parts = g_strsplit(*v, ",", -1);
        for (gchar **p = parts; *p; p++) {
            g_strstrip(*p);
            if (**p)
                g_ptr_array_add(out, g_strdup(*p));
        }
        g_strfreev(parts);
    }
    g_ptr_array_add(out, NULL);
    return (gchar **)g_ptr_array_free(out, FALSE);
}

int cmd_compare(int argc, char **argv)
{
    gchar *by = NULL, *from = NULL, *to = NULL, *sort = NULL, *per = NULL, *format = NULL,
          *output = NULL, *scale = NULL;
    gchar **types = NULL, **measures = NULL, **donors = NULL, **regions_sel = NULL;
    gint top = 0, decimals = -1;
    cli_data_opts_t data = {0};
    GOptionEntry entries[] = {
        {"by", 'b', 0, G_OPTION_ARG_STRING, &by,
         "Group by one or two keys: donor, region, type, measure, year, quarter, month (e.g. region,type)", "KEY[,KEY]"},
        {"type", 't', 0, G_OPTION_ARG_STRING_ARRAY, &types,
         "Only these aid types: military, financial, humanitarian, other", "TYPE[,TYPE]"},
        {"measure", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &measures,
         "Only these measures: commitment, allocation, delivery, to_be_allocated (default: allocation)", "MEASURE"},
        {"donor", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &donors, "Only these donors (names or codes; a name with \", \" is one donor)", "DONOR[,DONOR]"},
        {"region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &regions_sel, "Only donors in these groups", "REGION[,REGION]"},
        {"from", 0, 0, G_OPTION_ARG_STRING, &from, "From this period on (inclusive)", "YYYY[-MM]"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &to, "Up to this period (inclusive)", "YYYY[-MM]"},
        {"top", 'n', 0, G_OPTION_ARG_INT, &top, "Keep the top N rows; fold the rest into \"Others\"", "N"},
        {"sort", 's', 0, G_OPTION_ARG_STRING, &sort, "Order rows by value or name", "value|name"},
        {"per", 0, 0, G_OPTION_ARG_STRING, &per, "Relative to the donor's GDP (from the data)", "gdp"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output: table, csv, tsv, json, markdown", "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically) instead of stdout", "FILE"},
        {"scale", 0, 0, G_OPTION_ARG_STRING, &scale, "Table unit: bn, m, k or 1 (default: automatic)", "UNIT"},
        {"decimals", 0, 0, G_OPTION_ARG_INT, &decimals, "Decimals in the table (default 2; 3 for % of GDP)", "N"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("[FILE...] - compare aid totals");
    g_option_context_set_summary(ctx,
        "Totals, shares and ranks of aid by donor, region, type, measure or period.\n"
        "Without FILE, the embedded Kiel Ukraine Support Tracker data is used.\n\n"
        "Example: aidstat compare --by region --type military --to 2025-04");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_filter_t *filter = NULL;
    aidstat_regions_t *regions = NULL;
    aidstat_compare_t *cmp = NULL;
    aidstat_result_t *res = NULL;
    gchar **tl = NULL, **ml = NULL, **dl = NULL, **rl = NULL;
    aidstat_error_t err;
    cli_output_t out = {0};

    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if ((code = cli_data_prepare(&data)))
        goto done;

    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    if (by) {
        gchar **keys = g_strsplit(by, ",", -1);
        guint nk = g_strv_length(keys);
        if (nk < 1 || nk > 2) {
            g_strfreev(keys);
            code = cli_error(EXIT_USAGE, "--by \"%s\": give one or two keys", by);
            goto done;
        }
        for (guint i = 0; i < nk; i++) {
            int k = aidstat_key_parse(g_strstrip(keys[i]));
            if (k < 0) {
                code = cli_error(EXIT_USAGE,
                                 "--by: unknown key \"%s\" (keys: donor, region, type, measure, year, quarter, month)",
                                 keys[i]);
                g_strfreev(keys);
                goto done;
            }
            opt.by[i] = (aidstat_key_t)k;
        }
        g_strfreev(keys);
    }
    filter = aidstat_filter_new();
    tl = split_list(types);
    for (gchar **p = tl; *p; p++) {
        int t = aidstat_type_parse(*p);
        if (t < 0) {
            code = cli_error(EXIT_USAGE, "--type: unknown aid type \"%s\" (military, financial, humanitarian, other, total)", *p);
            goto done;
        }
        aidstat_filter_add_type(filter, (aidstat_type_t)t);
    }
    ml = split_list(measures);
    for (gchar **p = ml; *p; p++) {
        int m = aidstat_measure_parse(*p);
        if (m < 0) {
            code = cli_error(EXIT_USAGE, "--measure: unknown measure \"%s\" (commitment, allocation, delivery, to_be_allocated)", *p);
            goto done;
        }
        aidstat_filter_add_measure(filter, (aidstat_measure_t)m);
    }
    /* "usa,deu" lists donors; a comma followed by a space belongs to a
     * name such as "Korea, Republic of" */
    for (gchar **p = donors; p && *p; p++) {
        if (strstr(*p, ", ")) {
            if (g_strstrip(*p)[0])
                aidstat_filter_add_donor(filter, *p);
            continue;
        }
        gchar *one[] = {*p, NULL};
        gchar **parts = split_list(one);
        for (gchar **q = parts; *q; q++)
            aidstat_filter_add_donor(filter, *q);
        g_strfreev(parts);
    }
    rl = split_list(regions_sel);
    if (*rl || opt.by[0] == AIDSTAT_KEY_REGION || opt.by[1] == AIDSTAT_KEY_REGION) {
        if (!(regions = cli_regions(&data, &code)))
            goto done;
    }
    for (gchar **p = rl; *p; p++) {
        long i = aidstat_regions_find(regions, *p);
        if (i < 0) {
            GString *known = g_string_new(NULL);
            for (size_t k = 0; k < aidstat_regions_count(regions); k++)
                g_string_append_printf(known, "%s%s", k ? ", " : "", aidstat_regions_id(regions, k));
            code = cli_error(EXIT_USAGE, "--region: unknown group \"%s\" (groups: %s)", *p, known->str);
            g_string_free(known, TRUE);
            goto done;
        }
        aidstat_filter_add_region(filter, regions, (size_t)i);
    }
    int y, mo;
    if (from) {
        if (aidstat_period_parse(from, &y, &mo, &err) != AIDSTAT_OK) {
            code = cli_error(EXIT_USAGE, "--from: %s", err.message);
            goto done;
        }
        aidstat_filter_set_from(filter, y, mo);
    }
    if (to) {
        if (aidstat_period_parse(to, &y, &mo, &err) != AIDSTAT_OK) {
            code = cli_error(EXIT_USAGE, "--to: %s", err.message);
            goto done;
        }
        aidstat_filter_set_to(filter, y, mo);
    }
    if (top < 0) {
        code = cli_error(EXIT_USAGE, "--top %d: give a positive number (0 shows all rows)", top);
        goto done;
    }
    opt.top = (size_t)top;
    if (sort) {
        if (!strcmp(sort, "value"))
            opt.sort = AIDSTAT_SORT_VALUE;
        else if (!strcmp(sort, "name"))
            opt.sort = AIDSTAT_SORT_NAME;
        else {
            code = cli_error(EXIT_USAGE, "--sort \"%s\": use value or name", sort);
            goto done;
        }
    }
    if (per) {
        if (strcmp(per, "gdp") != 0) {
            code = cli_error(EXIT_USAGE, "--per \"%s\": only gdp is supported", per);
            goto done;
        }
        opt.per = AIDSTAT_PER_GDP;
    }
    out_format_t fmt = FMT_TABLE;
    if (format) {
        static const char *const names[] = {"table", "csv", "tsv", "json", "markdown"};
        int f = -1;
        for (int i = 0; i < 5; i++)
            if (!strcmp(format, names[i]))
                f = i;
        if (!strcmp(format, "md"))
            f = FMT_MARKDOWN;
        if (f < 0) {
            code = cli_error(EXIT_USAGE, "--format \"%s\": use table, csv, tsv, json or markdown", format);
            goto done;
        }
        fmt = (out_format_t)f;
    }
    if (scale && strcmp(scale, "bn") && strcmp(scale, "m") && strcmp(scale, "k") && strcmp(scale, "1")) {
        code = cli_error(EXIT_USAGE, "--scale \"%s\": use bn, m, k or 1", scale);
        goto done;
    }
    if (decimals > 9) {
        code = cli_error(EXIT_USAGE, "--decimals %d: at most 9", decimals);
        goto done;
    }
    opt.filter = filter;
    opt.regions = regions;
    if (!(cmp = aidstat_compare_new(&opt, &err))) {
        code = cli_fail(&err);
        goto done;
    }
    if ((code = cli_load(&data, argv + 1, argc - 1, aidstat_compare_add, cmp, add_report, cmp)))
        goto done;
    if (!(res = aidstat_compare_finish(cmp, &err))) {
        code = cli_fail(&err);
        goto done;
    }
    view_t v = {0};
    v.res = res;
    v.format = fmt;
    choose_scale(&v, scale);
    v.decimals = decimals >= 0 ? decimals : (opt.per == AIDSTAT_PER_GDP ? 3 : (v.scale > 1 ? 2 : 0));
    if ((code = cli_output_open(&out, output)))
        goto done;
    v.fp = out.fp;
    switch (fmt) {
    case FMT_TABLE:
        print_table(&v, false);
        break;
    case FMT_MARKDOWN:
        print_table(&v, true);
        break;
    case FMT_CSV:
        print_csv(&v, ',');
        break;
    case FMT_TSV:
        print_csv(&v, '\t');
        break;
    case FMT_JSON:
        print_json(&v);
        break;
    }
    code = cli_output_commit(&out);
done:
    if (code && out.fp)
        cli_output_abort(&out);
    aidstat_result_free(res);
    aidstat_compare_free(cmp);
    aidstat_filter_free(filter);
    aidstat_regions_free(regions);
    g_strfreev(tl);
    g_strfreev(ml);
    g_strfreev(dl);
    g_strfreev(rl);
    g_strfreev(types);
    g_strfreev(measures);
    g_strfreev(donors);
    g_strfreev(regions_sel);
    g_free(by);
    g_free(from);
    g_free(to);
    g_free(sort);
    g_free(per);
    g_free(format);
    g_free(output);
    g_free(scale);
    cli_data_clear(&data);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
