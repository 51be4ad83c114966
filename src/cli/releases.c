/* compare --releases: the same selection computed on each FILE, a release
 * of the same data, and shown side by side (one column per release, oldest
 * first, then the change from the first to the last), so a claim such as
 * "Europe vs US, military, to April 2025" can be read as it stood in each. */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

static void add_report(const aidstat_load_report_t *r, void *user)
{
    aidstat_compare_add_load_report(user, r);
}

static void add_caveat(void *user, const char *caveat)
{
    aidstat_compare_add_caveat(user, caveat);
}

/* A column's name: the release the file states ("Release 29 (04/2026)"),
 * or the file's name when it states none. */
static char *release_label(const aidstat_result_t *r, const char *file)
{
    const char *src = aidstat_result_source(r);
    const char *rel = strstr(src, "Release");
    if (!rel)
        rel = strrchr(src, ',') ? strrchr(src, ',') + 2 : src;
    return rel[0] ? g_strdup(rel) : g_path_get_basename(file);
}

/* Numbered "[2] ..." where two columns would read the same. */
static void number_labels(char **labels, int n)
{
    bool dup = false;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            dup |= i != j && !strcmp(labels[i], labels[j]);
    for (int i = 0; dup && i < n; i++) {
        char *l = g_strdup_printf("[%d] %s", i + 1, labels[i]);
        g_free(labels[i]);
        labels[i] = l;
    }
}

/* Row i's value in result r by label, NaN when r has no such row. */
static double value_of(const aidstat_result_t *r, const char *label)
{
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        if (!strcmp(aidstat_result_row_label(r, i), label) && !aidstat_result_row_is_others(r, i, NULL))
            return aidstat_result_value(r, i);
    return NAN;
}

static char *fmt(double x, double scale, int decimals, bool sign)
{
    char buf[64];
    if (isnan(x))
        return g_strdup(L_("n/a"));
    cli_fmt_grouped(x / scale, decimals, buf, sizeof buf);
    return g_strdup_printf("%s%s", sign && x > 0 ? "+" : "", buf);
}

static void print(FILE *fp, cli_format_t f, aidstat_result_t **res, char **labels, char **files, int n,
                  GPtrArray *rows, double scale, int decimals, const char *unit_long, const char *unit)
{
    const aidstat_result_t *last = res[n - 1];
    bool additive = aidstat_result_additive(last);
    const char *key = cli_key_title(aidstat_result_key(last, 0), aidstat_result_currency(last));
    if (f == CLI_FMT_CSV || f == CLI_FMT_TSV) {
        char sep = f == CLI_FMT_CSV ? ',' : '\t';
        fprintf(fp, "%s%crelease%cfile%cvalue%cunit\n", aidstat_key_name(aidstat_result_key(last, 0)), sep,
                sep, sep, sep);
        for (guint i = 0; i < rows->len; i++)
            for (int k = 0; k < n; k++) {
                cli_csv_field(fp, g_ptr_array_index(rows, i), sep);
                fputc(sep, fp);
                cli_csv_field(fp, aidstat_result_source(res[k]), sep);
                fputc(sep, fp);
                cli_csv_field(fp, files[k], sep);
                fputc(sep, fp);
                cli_csv_num(fp, value_of(res[k], g_ptr_array_index(rows, i)));
                fputc(sep, fp);
                cli_csv_field(fp,
                              aidstat_result_per(last) == AIDSTAT_PER_GDP ? "% of GDP"
                                                                          : aidstat_result_currency(last),
                              sep);
                fputc('\n', fp);
            }
        return;
    }
    if (f == CLI_FMT_JSON) {
        fputs("{\n  \"releases\": [", fp);
        for (int k = 0; k < n; k++) {
            fputs(k ? ", " : "", fp);
            cli_json_str(fp, labels[k]);
        }
        fputs("],\n  \"files\": [", fp);
        for (int k = 0; k < n; k++) {
            fputs(k ? ", " : "", fp);
            cli_json_str(fp, files[k]);
        }
        fputs("],\n  \"rows\": [", fp);
        for (guint i = 0; i < rows->len; i++) {
            fprintf(fp, "%s\n    {\"label\": ", i ? "," : "");
            cli_json_str(fp, g_ptr_array_index(rows, i));
            fputs(", \"values\": [", fp);
            for (int k = 0; k < n; k++) {
                fputs(k ? ", " : "", fp);
                cli_json_num(fp, value_of(res[k], g_ptr_array_index(rows, i)));
            }
            fputs("]}", fp);
        }
        fputs("\n  ]\n}\n", fp);
        return;
    }
    cli_grid_t *g = cli_grid_new((size_t)n + 2);
    cli_grid_put(g, key);
    for (int k = 0; k < n; k++)
        cli_grid_put(g, labels[k]);
    cli_grid_put(g, L_("Change"));
    for (size_t j = 1; j < g->ncols; j++)
        g->right[j] = true;
    for (guint i = 0; i < rows->len; i++) {
        const char *label = g_ptr_array_index(rows, i);
        cli_grid_put(g, label);
        for (int k = 0; k < n; k++) {
            char *v = fmt(value_of(res[k], label), scale, decimals, false);
            cli_grid_put(g, v);
            g_free(v);
        }
        char *c = fmt(value_of(res[n - 1], label) - value_of(res[0], label), scale, decimals, true);
        cli_grid_put(g, c);
        g_free(c);
    }
    if (additive) {
        cli_grid_put(g, aidstat_result_total_label(last)[0] ? aidstat_result_total_label(last) : L_("Total"));
        for (int k = 0; k < n; k++) {
            char *v = fmt(aidstat_result_total(res[k]), scale, decimals, false);
            cli_grid_put(g, v);
            g_free(v);
        }
        char *c = fmt(aidstat_result_total(res[n - 1]) - aidstat_result_total(res[0]), scale, decimals, true);
        cli_grid_put(g, c);
        g_free(c);
    }
    bool md = f == CLI_FMT_MARKDOWN;
    aidstat_wording_t w;
    aidstat_wording_from_result(&w, last);
    w.key[0] = w.key[1] = 0;
    w.stat = AIDSTAT_STAT_SUM;
    w.cumulative = false;
    /* the subject with its measure: "Military aid allocations" */
    char *what = aidstat_wording_subject(&w);
    const char *ml = w.measure >= 0 ? aidstat_wording_measure(w.measure) : L_("several measures");
    if (w.measure < 0) {
        char *t = g_strdup_printf(L_("%s, several measures"), what);
        g_free(what);
        what = t;
    }
    /* TRANSLATORS: "Military aid allocations by donor, € billion, per release" */
    char *title =
        g_strdup_printf(L_("%s by %s, %s, per release"), what,
                        aidstat_wording_key(aidstat_result_key(last, 0), w.currency, false), unit_long);
    fprintf(fp, md ? "**%s**\n\n" : "%s\n\n", title);
    g_free(title);
    g_free(what);
    if (md)
        cli_grid_markdown(fp, g, additive);
    else
        cli_grid_print(fp, g, additive);
    const char *br = md ? "  \n" : "\n";
    char *ty = cli_types_people(aidstat_result_types(last));
    fputc('\n', fp);
    fprintf(fp, L_("Measure: %s"), ml);
    fputs(br, fp);
    fprintf(fp, L_("Type: %s"), ty);
    fputs(br, fp);
    fprintf(fp, L_("Unit: %s"), unit);
    fputs(br, fp);
    g_free(ty);
    const char *flt = aidstat_result_filter(last);
    if (flt[0]) {
        cli_print_selection(fp, flt, aidstat_result_currency(last));
        fputs(br, fp);
    }
    for (int k = 0; k < n; k++) {
        int y0, m0, y1, m1;
        aidstat_result_period(res[k], &y0, &m0, &y1, &m1);
        char *period = aidstat_wording_period(y0, m0, y1, m1);
        fprintf(fp, "%s: %s (%s), %s%s", labels[k], aidstat_result_source(res[k]), files[k], period, br);
        g_free(period);
    }
    for (size_t i = 0; i < aidstat_result_note_count(last); i++) {
        fprintf(fp, L_("Note: %s"), aidstat_result_note(last, i));
        fputs(br, fp);
    }
    fputs(L_("Change: the last release against the first, for the same selection"), fp);
    fputc('\n', fp);
    cli_grid_free(g);
}

int cli_compare_releases(cli_data_opts_t *data, cli_eu_t *eu, char **files, int nfiles,
                         const aidstat_compare_options_t *opt, cli_format_t format, const char *output,
                         const char *scale, int decimals)
{
    if (nfiles < 2)
        return cli_error(EXIT_USAGE,
                         "--releases compares two or more files, each a release of the same data");
    if (opt->by[1] || opt->cumulative || opt->top)
        return cli_error(
            EXIT_USAGE,
            "--releases shows one key per release: drop a second --by key, --top and --cumulative");
    aidstat_result_t **res = g_new0(aidstat_result_t *, nfiles);
    char **labels = g_new0(char *, nfiles + 1);
    GPtrArray *rows = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    aidstat_error_t err;
    int code = EXIT_OK;
    for (int k = 0; k < nfiles && !code; k++) {
        aidstat_compare_t *cmp = aidstat_compare_new(opt, &err);
        if (!cmp) {
            code = cli_fail(&err);
            break;
        }
        if (!(code = cli_eu_load(eu, data, files + k, 1, aidstat_compare_add, cmp, add_report, cmp,
                                 add_caveat, cmp)) &&
            !(res[k] = aidstat_compare_finish(cmp, &err)))
            code = cli_fail(&err);
        aidstat_compare_free(cmp);
        if (!code)
            labels[k] = release_label(res[k], files[k]);
    }
    if (!code) {
        number_labels(labels, nfiles);
        /* rows in the newest release's order, then any only older ones have */
        for (int k = nfiles - 1; k >= 0; k--)
            for (size_t i = 0; i < aidstat_result_rows(res[k]); i++) {
                const char *l = aidstat_result_row_label(res[k], i);
                if (!g_hash_table_contains(seen, l)) {
                    g_hash_table_add(seen, (gpointer)l);
                    g_ptr_array_add(rows, g_strdup(l));
                }
            }
        for (int k = 1; k < nfiles && !code; k++)
            if (strcmp(aidstat_result_currency(res[k]), aidstat_result_currency(res[0])) ||
                aidstat_result_measure(res[k]) != aidstat_result_measure(res[0]))
                code = cli_error(
                    EXIT_DATA,
                    "%s and %s differ in measure or currency: the releases cannot be set side by side",
                    files[0], files[k]);
    }
    cli_output_t out = {0};
    if (!code && !(code = cli_output_open(&out, output))) {
        double maxabs = 0;
        for (int k = 0; k < nfiles; k++)
            maxabs = fmax(maxabs, fabs(aidstat_result_total(res[k])));
        cli_unit_t u;
        bool per = aidstat_result_per(res[0]) == AIDSTAT_PER_GDP;
        cli_unit_choose(&u, maxabs, aidstat_result_currency(res[0]), per ? "1" : scale);
        print(out.fp, format, res, labels, files, nfiles, rows, per ? 1 : u.scale,
              decimals >= 0 ? decimals
              : per         ? 3
                            : 2,
              per ? "% of donor GDP" : u.unit_long, per ? "% of donor GDP" : u.unit_long);
        code = cli_output_commit(&out);
    }
    for (int k = 0; k < nfiles; k++)
        aidstat_result_free(res[k]);
    g_free(res);
    g_strfreev(labels);
    g_hash_table_destroy(seen);
    g_ptr_array_free(rows, TRUE);
    return code;
}
