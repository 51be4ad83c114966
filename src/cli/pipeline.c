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
        return g_strdup("n/a");
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
    cli_grid_put(g, last == AIDSTAT_MEASURE_ALLOCATION ? "Allocated" : "Delivered");
    for (size_t j = 1; j < g->ncols; j++)
        g->right[j] = true;
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        grid_row(g, p, i, aidstat_result_row_label(r, i), u.scale, dec);
    grid_row(g, p, (size_t)-1, aidstat_result_total_label(r)[0] ? aidstat_result_total_label(r) : "Total",
             u.scale, dec);
    bool md = f == CLI_FMT_MARKDOWN;
    const char *types = aidstat_result_types(r);
    char *what = !strcmp(types, "all types") || strchr(types, ',') ? g_strdup("Aid")
                                                                   : g_strdup_printf("%s aid", types);
    what[0] = g_ascii_toupper(what[0]);
    fprintf(fp, md ? "**%s pipeline by %s, %s**\n\n" : "%s pipeline by %s, %s\n\n", what,
            aidstat_key_name(aidstat_result_key(r, 0)), u.unit_long);
    if (md)
        cli_grid_markdown(fp, g, true);
    else
        cli_grid_print(fp, g, true);
    const char *br = md ? "  \n" : "\n";
    int y0, m0, y1, m1;
    char a[32], b[32];
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    fprintf(fp, "\nType: %s%sUnit: %s%sPeriod: %s – %s%s", types, br, u.unit_long, br,
            aidstat_period_format(y0, m0, a, sizeof a), aidstat_period_format(y1, m1, b, sizeof b), br);
    if (aidstat_result_filter(r)[0])
        fprintf(fp, "Selection: %s%s", aidstat_result_filter(r), br);
    if (aidstat_result_cumulative(r))
        fprintf(fp, "Note: running totals: each period's figures include every earlier period%s", br);
    fprintf(fp,
            "Note: pending = one stage minus the next; negative where more passed to the next stage than "
            "the earlier one recorded (aid of earlier periods)%s"
            "Note: %s = %s as a share of %s%s",
            br, last == AIDSTAT_MEASURE_ALLOCATION ? "Allocated" : "Delivered", aidstat_measure_name(last),
            aidstat_measure_name(aidstat_pipeline_stage(p, 0)), br);
    if (last == AIDSTAT_MEASURE_DELIVERY)
        fprintf(
            fp,
            "Note: deliveries are what the data records as delivered; where a source records them for "
            "part of the aid only (Kiel's workbooks: weapons and equipment given in kind), the rest shows "
            "as not yet delivered%s",
            br);
    for (size_t i = 0; i < aidstat_result_note_count(r); i++)
        fprintf(fp, "Note: %s%s", aidstat_result_note(r, i), br);
    fprintf(fp, "Source: %s\n", aidstat_result_source(r));
    g_free(what);
    cli_grid_free(g);
    aidstat_pipeline_free(p);
    return EXIT_OK;
}
