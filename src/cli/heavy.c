/* compare --heavy-weapons: heavy weapons committed against delivered per
 * donor, in units (src/stats/heavy.c over the workbook's counts,
 * src/load/counts.c). */
#include "config.h"
#include "cli/cli.h"

#include <math.h>
#include <string.h>

static char *share_text(double s)
{
    char buf[64];
    if (isnan(s))
        return g_strdup(L_("n/a"));
    cli_fmt_grouped(s * 100, 1, buf, sizeof buf);
    return g_strdup_printf("%s %%", buf);
}

static char *units(double x)
{
    char buf[64];
    cli_fmt_grouped(x, 0, buf, sizeof buf);
    return g_strdup(buf);
}

static void print_table(FILE *fp, const aidstat_heavy_t *h, const aidstat_counts_t *c, const char *category,
                        bool md)
{
    cli_grid_t *g = cli_grid_new(4);
    const char *head[] = {L_("Donor"), L_("Committed"), L_("Delivered"), L_("Delivered %")};
    for (int j = 0; j < 4; j++) {
        cli_grid_put(g, head[j]);
        g->right[j] = j > 0;
    }
    for (size_t i = 0; i < aidstat_heavy_rows(h); i++) {
        const aidstat_heavy_row_t *r = aidstat_heavy_row(h, i);
        char *a = units(r->committed), *b = units(r->delivered), *s = share_text(r->share);
        char *who = aidstat_label_people(AIDSTAT_KEY_DONOR, r->donor, NULL);
        cli_grid_put(g, who);
        g_free(who);
        cli_grid_put(g, a);
        cli_grid_put(g, b);
        cli_grid_put(g, s);
        g_free(a);
        g_free(b);
        g_free(s);
    }
    char *title =
        category ? g_strdup_printf(L_("Heavy weapons committed and delivered (%s) by donor, units"), category)
                 : g_strdup(L_("Heavy weapons committed and delivered by donor, units"));
    fprintf(fp, md ? "**%s**\n\n" : "%s\n\n", title);
    g_free(title);
    if (md)
        cli_grid_markdown(fp, g, true);
    else
        cli_grid_print(fp, g, true);
    const char *br = md ? "  \n" : "\n";
    fputc('\n', fp);
    fprintf(fp, L_("Unit: units (items counted, not money)"));
    fputs(br, fp);
    fprintf(fp, L_("Category: %s"), category ? category : L_("all heavy weapons"));
    fputs(br, fp);
    for (size_t i = 0; i < aidstat_counts_note_count(c); i++) {
        fprintf(fp, L_("Note: %s"), aidstat_counts_note(c, i));
        fputs(br, fp);
    }
    fprintf(fp, L_("Source: %s, sheets \"Committed weapons\" and \"Delivered weapons\""),
            aidstat_counts_source(c));
    fputc('\n', fp);
    cli_grid_free(g);
}

static void print_csv(FILE *fp, const aidstat_heavy_t *h, char sep)
{
    fprintf(fp, "donor%ccode%ccommitted%cdelivered%cshare_delivered\n", sep, sep, sep, sep);
    for (size_t i = 0; i < aidstat_heavy_rows(h); i++) {
        const aidstat_heavy_row_t *r = aidstat_heavy_row(h, i);
        cli_csv_field(fp, r->donor, sep);
        fputc(sep, fp);
        cli_csv_field(fp, r->code, sep);
        fputc(sep, fp);
        cli_csv_num(fp, r->committed);
        fputc(sep, fp);
        cli_csv_num(fp, r->delivered);
        fputc(sep, fp);
        cli_csv_num(fp, r->share);
        fputc('\n', fp);
    }
}

static void print_json(FILE *fp, const aidstat_heavy_t *h, const aidstat_counts_t *c, const char *category)
{
    fputs("{\n  \"unit\": \"units\",\n  \"category\": ", fp);
    cli_json_str(fp, category ? category : "all");
    fputs(",\n  \"source\": ", fp);
    cli_json_str(fp, aidstat_counts_source(c));
    fputs(",\n  \"notes\": [", fp);
    for (size_t i = 0; i < aidstat_counts_note_count(c); i++) {
        fputs(i ? ", " : "", fp);
        cli_json_str(fp, aidstat_counts_note(c, i));
    }
    fputs("],\n  \"rows\": [", fp);
    for (size_t i = 0; i < aidstat_heavy_rows(h); i++) {
        const aidstat_heavy_row_t *r = aidstat_heavy_row(h, i);
        fprintf(fp, "%s\n    {\"donor\": ", i ? "," : "");
        cli_json_str(fp, r->donor);
        fputs(", \"code\": ", fp);
        cli_json_str(fp, r->code);
        fputs(", \"committed\": ", fp);
        cli_json_num(fp, r->committed);
        fputs(", \"delivered\": ", fp);
        cli_json_num(fp, r->delivered);
        fputs(", \"share_delivered\": ", fp);
        cli_json_num(fp, r->share);
        fputc('}', fp);
    }
    fputs("\n  ]\n}\n", fp);
}

int cli_compare_heavy(char **files, int nfiles, const aidstat_filter_t *f, const char *category,
                      cli_format_t format, const char *output)
{
    if (nfiles != 1)
        return cli_error(EXIT_USAGE, "--heavy-weapons reads one file: the Kiel tracker's release-7 workbook "
                                     "(its sheets \"Committed weapons\" and \"Delivered weapons\")");
    aidstat_error_t err;
    aidstat_counts_t *c = aidstat_counts_load_file(files[0], &err);
    if (!c)
        return cli_fail(&err);
    aidstat_heavy_t *h = aidstat_heavy_by_donor(c, f, category, &err);
    int code = h ? EXIT_OK : cli_fail(&err);
    cli_output_t out = {0};
    if (!code && !(code = cli_output_open(&out, output))) {
        if (format == CLI_FMT_CSV || format == CLI_FMT_TSV)
            print_csv(out.fp, h, format == CLI_FMT_CSV ? ',' : '\t');
        else if (format == CLI_FMT_JSON)
            print_json(out.fp, h, c, category);
        else
            print_table(out.fp, h, c, category, format == CLI_FMT_MARKDOWN);
        code = cli_output_commit(&out);
    }
    aidstat_heavy_free(h);
    aidstat_counts_free(c);
    return code;
}
