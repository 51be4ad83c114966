/* Output pieces shared by the commands: aligned tables, Markdown tables,
 * CSV/TSV fields, JSON strings and numbers, units for people. */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

const char *cli_currency_symbol(const char *code)
{
    return aidstat_currency_symbol(code);
}

const char *cli_key_title(aidstat_key_t k, const char *currency)
{
    return aidstat_wording_key_title(k, currency);
}

char *cli_period_iso(int y, int m)
{
    return y <= 0 ? g_strdup("") : m <= 0 ? g_strdup_printf("%04d", y) : g_strdup_printf("%04d-%02d", y, m);
}

const char *cli_label(const char *msgid)
{
    return cli_lang_de() ? gettext(msgid) : msgid;
}

const char *cli_label_n(const char *one, const char *many, unsigned long n)
{
    return cli_lang_de() ? ngettext(one, many, n) : n == 1 ? one : many;
}

const char *cli_label_ctx(const char *ctx, const char *msgid)
{
    if (!cli_lang_de())
        return msgid;
    char *id = g_strconcat(ctx, "\004", msgid, NULL);
    const char *t = gettext(id);
    t = t == id ? msgid : t;
    g_free(id);
    return t;
}

char *cli_types_people(const char *types)
{
    /* the words a selection's types are written in (selection.c), for xgettext */
    static const char *const words[] G_GNUC_UNUSED = {
        NC_("type", "military"), NC_("type", "financial"), NC_("type", "humanitarian"),
        NC_("type", "other"),    NC_("type", "all types"), NC_("type", "all types (not split)")};
    if (!cli_lang_de())
        return g_strdup(types);
    gchar **parts = g_strsplit(types, ", ", -1);
    for (gchar **p = parts; *p; p++) {
        char *t = g_strdup(cli_label_ctx("type", *p));
        g_free(*p);
        *p = t;
    }
    char *out = g_strjoinv(", ", parts);
    g_strfreev(parts);
    return out;
}

char *cli_fmt_pct(double x, char *buf, size_t len)
{
    if (x != x)
        buf[0] = '\0';
    else
        snprintf(buf, len, "%.1f %%", x * 100.0 + 0.0);
    if (cli_lang_de())
        cli_num_german(buf);
    return buf;
}

cli_grid_t *cli_grid_new(size_t ncols)
{
    cli_grid_t *g = g_new0(cli_grid_t, 1);
    g->cells = g_ptr_array_new_with_free_func(g_free);
    g->ncols = ncols;
    g->right = g_new0(bool, ncols);
    return g;
}

void cli_grid_free(cli_grid_t *g)
{
    if (!g)
        return;
    g_ptr_array_free(g->cells, TRUE);
    g_free(g->right);
    g_free(g);
}

/* A grid is for people (terminal, Markdown): control characters shown. */
void cli_grid_put(cli_grid_t *g, const char *s)
{
    g_ptr_array_add(g->cells, aidstat_text_visible(s ? s : ""));
}

void cli_grid_print(FILE *fp, const cli_grid_t *g, bool rule_before_last)
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

void cli_grid_markdown(FILE *fp, const cli_grid_t *g, bool bold_last)
{
    size_t nrows = g->cells->len / g->ncols;
    for (size_t i = 0; i < nrows; i++) {
        fputc('|', fp);
        for (size_t j = 0; j < g->ncols; j++) {
            const char *cell = g_ptr_array_index(g->cells, i * g->ncols + j);
            /* a '|' in a name would end the cell */
            char **parts = g_strsplit(cell, "|", -1);
            char *esc = g_strjoinv("\\|", parts);
            bool bold = bold_last && i == nrows - 1 && cell[0];
            fprintf(fp, " %s%s%s |", bold ? "**" : "", esc, bold ? "**" : "");
            g_free(esc);
            g_strfreev(parts);
        }
        fputc('\n', fp);
        if (i == 0) {
            fputc('|', fp);
            for (size_t j = 0; j < g->ncols; j++)
                fputs(g->right[j] ? " ---: |" : " :--- |", fp);
            fputc('\n', fp);
        }
    }
}

/* Text cells a spreadsheet would run as a formula get an apostrophe
 * (the OWASP advice for CSV exports) unless --csv-formulas. */
static gboolean csv_formulas = FALSE;

void cli_csv_add_entries(GOptionContext *ctx)
{
    static GOptionEntry entries[] = {
        {"csv-formulas", 0, 0, G_OPTION_ARG_NONE, &csv_formulas,
         N_("CSV, TSV: write text starting with = + - @ as it is (default: prefix ' so spreadsheets show "
            "it)"),
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(ctx, entries, NULL);
}

void cli_csv_field(FILE *fp, const char *s, char sep)
{
    char *cell = aidstat_csv_cell(s, sep, csv_formulas ? AIDSTAT_CSV_FORMULAS : 0);
    fputs(cell, fp);
    aidstat_free(cell);
}

void cli_csv_result(FILE *fp, const aidstat_result_t *r, char sep)
{
    size_t len;
    char *csv = aidstat_result_csv(r, sep, csv_formulas ? AIDSTAT_CSV_FORMULAS : 0, &len);
    fwrite(csv, 1, len, fp);
    aidstat_free(csv);
}

void cli_csv_num(FILE *fp, double x)
{
    char buf[64];
    if (x == x)
        fputs(cli_fmt_exact(x, buf, sizeof buf), fp);
}

void cli_json_str(FILE *fp, const char *s)
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

void cli_json_num(FILE *fp, double x)
{
    char buf[64];
    if (x != x || isinf(x))
        fputs("null", fp);
    else
        fputs(cli_fmt_exact(x, buf, sizeof buf), fp);
}

/* Split "a,b" option values (repeatable options are joined first). */
gchar **cli_split_list(gchar **values)
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

void cli_unit_choose(cli_unit_t *u, double maxabs, const char *currency, const char *want)
{
    double scale;
    if (want) /* --scale, checked by cli_output_parse */
        scale = !strcmp(want, "bn") || !strcmp(want, "billion")   ? 1e9
                : !strcmp(want, "m") || !strcmp(want, "million")  ? 1e6
                : !strcmp(want, "k") || !strcmp(want, "thousand") ? 1e3
                                                                  : 1;
    else
        scale = aidstat_scale_pick_for(currency, maxabs);
    u->scale = scale;
    char *s = aidstat_wording_unit(currency, scale, false), *l = aidstat_wording_unit(currency, scale, true);
    g_strlcpy(u->unit, s, sizeof u->unit);
    g_strlcpy(u->unit_long, l, sizeof u->unit_long);
    g_free(s);
    g_free(l);
}

bool cli_format_parse(const char *s, cli_format_t *f)
{
    static const char *const names[] = {"table", "csv", "tsv", "json", "markdown"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *f = (cli_format_t)i;
            /* machine formats keep their names English whatever --lang says */
            if (*f == CLI_FMT_CSV || *f == CLI_FMT_TSV || *f == CLI_FMT_JSON)
                aidstat_set_language("en");
            return true;
        }
    if (!strcmp(s, "md")) {
        *f = CLI_FMT_MARKDOWN;
        return true;
    }
    return false;
}

int cli_output_parse(const char *format, const char *scale, cli_format_t *fmt)
{
    if (format && !cli_format_parse(format, fmt))
        return cli_error(EXIT_USAGE, "--format \"%s\": use table, csv, tsv, json or markdown%s", format,
                         cli_hint(format, "table, csv, tsv, json, markdown"));
    if (scale && strcmp(scale, "bn") && strcmp(scale, "m") && strcmp(scale, "k") && strcmp(scale, "1"))
        return cli_error(EXIT_USAGE, "--scale \"%s\": use bn, m, k or 1", scale);
    return EXIT_OK;
}
