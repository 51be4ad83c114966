/* aidstat convert: any supported file as aidstat's long CSV format, one
 * record per row with values in base units (the format of the embedded
 * dataset, documented in datasets/README.md). */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>

static void field(FILE *fp, const char *s)
{
    cli_csv_field(fp, s, ',');
}

#define LONG_HEADER "donor,iso3,recipient,year,month,type,measure,value,currency,gdp,gdp_year,source,release"

/* The header waits for the first record: a split (a sourcing split) has a
 * part column, and a file is never partly split (other views of aid do not
 * load together). */
typedef struct {
    FILE *fp;
    int e;      /* errno of the first failed write */
    bool head;  /* the header is written */
    bool parts; /* with a part column */
} sink_t;

static void header(sink_t *sink, bool parts)
{
    sink->head = true;
    sink->parts = parts;
    fputs(parts ? LONG_HEADER ",part\n" : LONG_HEADER "\n", sink->fp);
}

static int write_record(const aidstat_record_t *r, void *user)
{
    sink_t *sink = user;
    FILE *fp = sink->fp;
    errno = 0;
    if (!sink->head)
        header(sink, r->part && r->part[0]);
    char v[64], g[64];
    field(fp, r->donor);
    fputc(',', fp);
    field(fp, r->iso3);
    fputc(',', fp);
    field(fp, r->recipient);
    if (r->year > 0)
        fprintf(fp, ",%d,", r->year);
    else
        fputs(",,", fp);
    if (r->month > 0)
        fprintf(fp, "%d", r->month);
    fprintf(fp, ",%s,%s,%s,", aidstat_type_name(r->type), aidstat_measure_name(r->measure),
            cli_fmt_exact(r->value, v, sizeof v));
    field(fp, r->currency);
    fputc(',', fp);
    if (r->gdp > 0)
        fputs(cli_fmt_exact(r->gdp, g, sizeof g), fp);
    fputc(',', fp);
    if (r->gdp_year > 0)
        fprintf(fp, "%d", r->gdp_year);
    fputc(',', fp);
    field(fp, r->source);
    fputc(',', fp);
    field(fp, r->release);
    if (sink->parts) {
        fputc(',', fp);
        field(fp, r->part ? r->part : "");
    }
    fputc('\n', fp);
    if (!ferror(fp))
        return 0;
    sink->e = errno ? errno : EIO; /* stop: the output is lost */
    return 1;
}

int cmd_convert(int argc, char **argv)
{
    gchar *output = NULL;
    cli_data_opts_t data = {0};
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (atomically) instead of stdout"),
         N_("FILE")},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(N_("FILE... - write aidstat long CSV"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, N_("Read FILEs with any loader and write one aid record per row:\n"
                "donor,iso3,recipient,year,month,type,measure,value,currency,gdp,gdp_year,source,release\n"
                "with values and GDP in base units (euros, not billions); a split (Kiel's\n"
                "procurement_trends.csv) has a last column, part."));
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
    cli_csv_add_entries(ctx);
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code = 0;
    cli_output_t out = {0};
    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        g_error_free(gerr);
    } else if (argc < 2) {
        code = cli_error(EXIT_USAGE, "convert: give at least one FILE");
    } else if (!(code = cli_data_prepare(&data)) && !(code = cli_output_open(&out, output))) {
        sink_t sink = {out.fp, 0, false, false};
        code = cli_load(&data, argv + 1, argc - 1, write_record, &sink, NULL, NULL);
        if (!code && !sink.head)
            header(&sink, false);
        if (sink.e)
            code = cli_output_error(&out, sink.e);
        if (code)
            cli_output_abort(&out);
        else
            code = cli_output_commit(&out);
    }
    g_free(output);
    cli_data_clear(&data);
    g_option_context_free(ctx);
    return code;
}
