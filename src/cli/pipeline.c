/* compare --pipeline: commitments, allocations and deliveries side by side,
 * as far as the data has them, with what is pending between each stage and
 * the next ("Committed, not yet allocated") and the share of the first
 * stage that reached the last (stats/pipeline.c computes them). */
#include "config.h"
#include "cli/cli.h"

#include <math.h>

static char *num(double x, double scale, int decimals)
{
    char buf[64];
    if (isnan(x))
        return g_strdup(L_("n/a"));
    cli_fmt_grouped(x / scale, decimals, buf, sizeof buf);
    return g_strdup(buf);
}

static void put(cli_grid_t *g, char *s)
{
    cli_grid_put(g, s);
    g_free(s);
}

/* Row i, or the total row for (size_t)-1. */
static void grid_row(cli_grid_t *g, const aidstat_pipeline_t *p, size_t i, const char *label, double scale,
                     int decimals)
{
    size_t n = aidstat_pipeline_stages(p);
    char buf[32];
    cli_grid_put(g, label);
    for (size_t k = 0; k < n; k++)
        put(g, num(aidstat_pipeline_value(p, i, k), scale, decimals));
    for (size_t k = 0; k + 1 < n; k++)
        put(g, num(aidstat_pipeline_pending(p, i, k), scale, decimals));
    cli_grid_put(g, cli_fmt_pct(aidstat_pipeline_passed(p, i), buf, sizeof buf));
}

static const char *participle(aidstat_measure_t m)
{
    return m == AIDSTAT_MEASURE_COMMITMENT   ? "committed"
           : m == AIDSTAT_MEASURE_ALLOCATION ? "allocated"
                                             : "delivered";
}

static void csv(FILE *fp, const aidstat_result_t *r, const aidstat_pipeline_t *p, char sep)
{
    size_t n = aidstat_pipeline_stages(p);
    fputs(aidstat_key_name(aidstat_result_key(r, 0)), fp);
    for (size_t k = 0; k < n; k++)
        fprintf(fp, "%c%s", sep, aidstat_measure_name(aidstat_pipeline_stage(p, k)));
    for (size_t k = 0; k + 1 < n; k++)
        fprintf(fp, "%c%s_not_%s", sep, participle(aidstat_pipeline_stage(p, k)),
                participle(aidstat_pipeline_stage(p, k + 1)));
    fprintf(fp, "%c%s_share%cunit\n", sep, participle(aidstat_pipeline_stage(p, n - 1)), sep);
    for (size_t i = 0; i <= aidstat_result_rows(r); i++) {
        size_t row = i < aidstat_result_rows(r) ? i : (size_t)-1;
        cli_csv_field(fp, row == (size_t)-1 ? "Total" : aidstat_result_row_label(r, i), sep);
        for (size_t k = 0; k < n; k++) {
            fputc(sep, fp);
            cli_csv_num(fp, aidstat_pipeline_value(p, row, k));
        }
        for (size_t k = 0; k + 1 < n; k++) {
            fputc(sep, fp);
            cli_csv_num(fp, aidstat_pipeline_pending(p, row, k));
        }
        fputc(sep, fp);
        cli_csv_num(fp, aidstat_pipeline_passed(p, row));
        fputc(sep, fp);
        cli_csv_field(fp, aidstat_result_currency(r), sep);
        fputc('\n', fp);
    }
}

static void json(FILE *fp, const aidstat_result_t *r, const aidstat_pipeline_t *p)
{
    size_t n = aidstat_pipeline_stages(p);
    fputs("{\n  \"key\": ", fp);
    cli_json_str(fp, aidstat_key_name(aidstat_result_key(r, 0)));
    fputs(",\n  \"stages\": [", fp);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ", " : "", fp);
        cli_json_str(fp, aidstat_measure_name(aidstat_pipeline_stage(p, k)));
    }
    fputs("],\n  \"pending\": [", fp);
    for (size_t k = 0; k + 1 < n; k++) {
        fputs(k ? ", " : "", fp);
        cli_json_str(fp, aidstat_pipeline_pending_label(p, k));
    }
    fputs("],\n  \"unit\": ", fp);
    cli_json_str(fp, aidstat_result_currency(r));
    fputs(",\n  \"source\": ", fp);
    cli_json_str(fp, aidstat_result_source(r));
    fputs(",\n  \"rows\": [", fp);
    for (size_t i = 0; i <= aidstat_result_rows(r); i++) {
        size_t row = i < aidstat_result_rows(r) ? i : (size_t)-1;
        fprintf(fp, "%s\n    {\"label\": ", i ? "," : "");
        cli_json_str(fp, row == (size_t)-1 ? "Total" : aidstat_result_row_label(r, i));
        fputs(", \"values\": [", fp);
        for (size_t k = 0; k < n; k++) {
            fputs(k ? ", " : "", fp);
            cli_json_num(fp, aidstat_pipeline_value(p, row, k));
        }
        fputs("], \"pending\": [", fp);
        for (size_t k = 0; k + 1 < n; k++) {
            fputs(k ? ", " : "", fp);
            cli_json_num(fp, aidstat_pipeline_pending(p, row, k));
        }
        fputs("], \"passed_share\": ", fp);
        cli_json_num(fp, aidstat_pipeline_passed(p, row));
        fputc('}', fp);
    }
    fputs("\n  ]\n}\n", fp);
}

int cli_pipeline_print(FILE *fp, const aidstat_result_t *r, cli_format_t f, const char *scale, int decimals)
{
    aidstat_error_t err;
    aidstat_pipeline_t *p = aidstat_pipeline_new(r, &err);
    if (!p)
        return cli_fail(&err);
    if (f == CLI_FMT_CSV || f == CLI_FMT_TSV || f == CLI_FMT_JSON) {
        if (f == CLI_FMT_JSON)
            json(fp, r, p);
        else
            csv(fp, r, p, f == CLI_FMT_CSV ? ',' : '\t');
        aidstat_pipeline_free(p);
        return EXIT_OK;
    }
    size_t n = aidstat_pipeline_stages(p);
    double maxabs = 0;
    for (size_t k = 0; k < n; k++)
        maxabs = fmax(maxabs, fabs(aidstat_pipeline_value(p, (size_t)-1, k)));
    cli_unit_t u;
    cli_unit_choose(&u, maxabs, aidstat_result_currency(r), scale);
    int dec = decimals >= 0 ? decimals : 2;
    cli_grid_t *g = cli_grid_new(2 * n + 1);
    cli_grid_put(g, cli_key_title(aidstat_result_key(r, 0), aidstat_result_currency(r)));
    for (size_t k = 0; k < n; k++)
        cli_grid_put(g, aidstat_measure_label(aidstat_pipeline_stage(p, k)));
    for (size_t k = 0; k + 1 < n; k++)
        cli_grid_put(g, aidstat_pipeline_pending_label(p, k));
    aidstat_measure_t last = aidstat_pipeline_stage(p, n - 1);
    const char *passed = last == AIDSTAT_MEASURE_ALLOCATION ? L_("Allocated") : L_("Delivered");
    cli_grid_put(g, passed);
    for (size_t j = 1; j < g->ncols; j++)
        g->right[j] = true;
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        grid_row(g, p, i, aidstat_result_row_label(r, i), u.scale, dec);
    grid_row(g, p, (size_t)-1, aidstat_result_total_label(r)[0] ? aidstat_result_total_label(r) : L_("Total"),
             u.scale, dec);
    bool md = f == CLI_FMT_MARKDOWN;
    const char *types = aidstat_result_types(r);
    aidstat_wording_t w;
    aidstat_wording_init(&w);
    w.types = types;
    w.currency = aidstat_result_currency(r);
    char *what = aidstat_wording_subject(&w);
    const char *key = aidstat_wording_key(aidstat_result_key(r, 0), w.currency, false);
    /* TRANSLATORS: the pipeline's title: "Military aid pipeline by donor, € billion" */
    char *title = g_strdup_printf(L_("%s pipeline by %s, %s"), what, key, u.unit_long);
    fprintf(fp, md ? "**%s**\n\n" : "%s\n\n", title);
    g_free(title);
    if (md)
        cli_grid_markdown(fp, g, true);
    else
        cli_grid_print(fp, g, true);
    const char *br = md ? "  \n" : "\n";
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    char *ty = cli_types_people(types), *period = aidstat_wording_period(y0, m0, y1, m1);
    fputc('\n', fp);
    fprintf(fp, L_("Type: %s"), ty);
    fputs(br, fp);
    fprintf(fp, L_("Unit: %s"), u.unit_long);
    fputs(br, fp);
    fprintf(fp, L_("Period: %s"), period);
    fputs(br, fp);
    g_free(ty);
    g_free(period);
    if (aidstat_result_filter(r)[0]) {
        cli_print_selection(fp, aidstat_result_filter(r), aidstat_result_currency(r));
        fputs(br, fp);
    }
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    if (aidstat_result_cumulative(r))
        g_ptr_array_add(notes,
                        g_strdup(L_("running totals: each period's figures include every earlier period")));
    g_ptr_array_add(notes,
                    g_strdup(L_("pending = one stage minus the next; negative where more passed to the "
                                "next stage than the earlier one recorded (aid of earlier periods)")));
    aidstat_measure_t first = aidstat_pipeline_stage(p, 0);
    /* TRANSLATORS: "Allocated = allocation as a share of commitment" (the
     * last stage's column); the measures are allocations, commitments... */
    g_ptr_array_add(
        notes, g_strdup_printf(L_("%s = %s as a share of %s"), passed,
                               cli_lang_de() ? aidstat_wording_measure(last) : aidstat_measure_name(last),
                               cli_lang_de() ? aidstat_wording_measure(first) : aidstat_measure_name(first)));
    if (last == AIDSTAT_MEASURE_DELIVERY)
        g_ptr_array_add(notes,
                        g_strdup(L_("deliveries are what the data records as delivered; where a source "
                                    "records them for part of the aid only (Kiel's workbooks: weapons and "
                                    "equipment given in kind), the rest shows as not yet delivered")));
    for (size_t i = 0; i < aidstat_result_note_count(r); i++)
        g_ptr_array_add(notes, g_strdup(aidstat_result_note(r, i)));
    for (guint i = 0; i < notes->len; i++) {
        fprintf(fp, L_("Note: %s"), (const char *)g_ptr_array_index(notes, i));
        fputs(br, fp);
    }
    g_ptr_array_free(notes, TRUE);
    const char *src = aidstat_result_source(r);
    fprintf(fp, L_("Source: %s"), src);
    fputc('\n', fp);
    g_free(what);
    cli_grid_free(g);
    aidstat_pipeline_free(p);
    return EXIT_OK;
}
