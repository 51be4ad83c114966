/* aidstat check: what a file holds and what became of every row. */
#include "config.h"
#include "cli/cli.h"

#include <string.h>

static int count_only(const aidstat_record_t *rec, void *user)
{
    (void)rec;
    (void)user;
    return 0;
}

typedef struct {
    FILE *fp;
    int printed;
} printer_t;

static void print_report(const aidstat_load_report_t *r, void *user)
{
    printer_t *pr = user;
    FILE *fp = pr->fp;
    if (pr->printed++)
        fputc('\n', fp);
    fprintf(fp, "%s\n", aidstat_load_report_file(r));
    fprintf(fp, "  format:   %s: %s\n", aidstat_load_report_format(r), aidstat_load_report_description(r));
    const char *how;
    const char *enc = aidstat_load_report_encoding(r, &how);
    fprintf(fp, "  encoding: %s%s%s%s\n", enc, strcmp(how, "default") ? " (" : "",
            strcmp(how, "default") ? how : "", strcmp(how, "default") ? ")" : "");
    fprintf(fp, "  rows:     %" G_GUINT64_FORMAT " read, %" G_GUINT64_FORMAT " used, %" G_GUINT64_FORMAT
                " rejected, %" G_GUINT64_FORMAT " without aid\n",
            aidstat_load_report_rows_read(r), aidstat_load_report_rows_used(r),
            aidstat_load_report_rows_rejected(r), aidstat_load_report_rows_skipped(r));
    fprintf(fp, "  records:  %" G_GUINT64_FORMAT, aidstat_load_report_records(r));
    bool first = true;
    for (int m = 0; m < AIDSTAT_MEASURE_COUNT; m++) {
        uint64_t n = aidstat_load_report_measure_records(r, (aidstat_measure_t)m);
        if (n) {
            fprintf(fp, "%s%s %" G_GUINT64_FORMAT, first ? " (" : ", ", aidstat_measure_name(m), n);
            first = false;
        }
    }
    fprintf(fp, "%s\n", first ? "" : ")");
    uint64_t zeros = aidstat_load_report_zero_cells(r);
    if (zeros)
        fprintf(fp, "  zeros:    %" G_GUINT64_FORMAT " zero values in value columns (no aid of that kind: not records)\n",
                zeros);
    int y0, m0, y1, m1;
    char a[32], b[32];
    aidstat_load_report_period(r, &y0, &m0, &y1, &m1);
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    if (y0 > 0 && strcmp(a, b) == 0)
        fprintf(fp, "  period:   %s\n", a);
    else if (y0 > 0)
        fprintf(fp, "  period:   %s – %s\n", a, b);
    else
        fprintf(fp, "  period:   none (no dates in the records)\n");
    size_t nd = aidstat_load_report_donor_count(r);
    fprintf(fp, "  donors:   %zu", nd);
    for (size_t i = 0; i < nd; i++) {
        const char *d = aidstat_load_report_donor(r, i);
        bool q = strchr(d, ',') != NULL; /* "Korea, Republic of" is one donor */
        fprintf(fp, "%s%s%s%s", i ? ", " : ": ", q ? "\"" : "", d, q ? "\"" : "");
    }
    fputc('\n', fp);
    /* recipients are worth a line when the data names others than the
     * default, Ukraine */
    size_t nrc = aidstat_load_report_recipient_count(r);
    if (nrc > 1 || (nrc == 1 && strcmp(aidstat_load_report_recipient(r, 0), "Ukraine") != 0)) {
        fprintf(fp, "  recipients: %zu", nrc);
        for (size_t i = 0; i < nrc; i++) {
            const char *d = aidstat_load_report_recipient(r, i);
            bool q = strchr(d, ',') != NULL;
            fprintf(fp, "%s%s%s%s", i ? ", " : ": ", q ? "\"" : "", d, q ? "\"" : "");
        }
        fputc('\n', fp);
    }
    const char *src = aidstat_load_report_source(r), *rel = aidstat_load_report_release(r);
    fprintf(fp, "  source:   %s%s%s\n", src[0] ? src : "not stated", rel[0] ? ", " : "", rel);
    for (size_t i = 0; i < aidstat_load_report_note_count(r); i++)
        fprintf(fp, "  note:     %s\n", aidstat_load_report_note(r, i));
    size_t nc = aidstat_load_report_currency_count(r);
    if (nc > 1) {
        fprintf(fp, "  note:     values in several currencies: ");
        for (size_t i = 0; i < nc; i++)
            fprintf(fp, "%s%s", i ? ", " : "", aidstat_load_report_currency(r, i));
        fputc('\n', fp);
    }
    size_t nr = aidstat_load_report_reason_count(r);
    if (nr)
        fprintf(fp, "  rejected rows by reason:\n");
    for (size_t i = 0; i < nr; i++) {
        uint64_t count;
        long lines[5];
        size_t nl;
        const char *why = aidstat_load_report_reason(r, i, &count, lines, 5, &nl);
        fprintf(fp, "    %s: %" G_GUINT64_FORMAT " row%s, line%s", why, count, count == 1 ? "" : "s",
                nl == 1 ? "" : "s");
        for (size_t k = 0; k < nl; k++)
            fprintf(fp, "%s%ld", k ? ", " : " ", lines[k]);
        if (count > nl)
            fputs(", ...", fp);
        const char *ex = aidstat_load_report_reason_example(r, i);
        if (ex[0])
            fprintf(fp, "; first: \"%s\"", ex);
        fputc('\n', fp);
    }
}

int cmd_check(int argc, char **argv)
{
    cli_data_opts_t data = {0};
    GOptionContext *ctx = g_option_context_new("[FILE...] - check what files hold");
    g_option_context_set_summary(ctx,
        "For each FILE (or the embedded dataset): the loader used, rows read, used and\n"
        "rejected, the reasons with their first line numbers, and the period and donors covered.");
    g_option_context_add_group(ctx, cli_data_group(&data));
    GError *gerr = NULL;
    int code;
    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        g_error_free(gerr);
    } else if (!(code = cli_data_prepare(&data))) {
        data.quiet = TRUE; /* the report says it all */
        printer_t pr = {stdout, 0};
        for (int i = 1; i < argc || (argc == 1 && i == 1); i++) {
            int c = cli_load(&data, argc > 1 ? argv + i : NULL, argc > 1 ? 1 : 0, count_only,
                             NULL, print_report, &pr);
            if (c && !code)
                code = c;
        }
    }
    cli_data_clear(&data);
    g_option_context_free(ctx);
    return code;
}
