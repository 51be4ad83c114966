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
    if (pr->printed++)
        fputc('\n', pr->fp);
    cli_print_load_report(pr->fp, r);
}

int cmd_check(int argc, char **argv)
{
    cli_data_opts_t data = {0};
    GOptionContext *ctx = g_option_context_new(N_("[FILE...] - check what files hold"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, N_("For each FILE (or the embedded dataset): the loader used, rows read, used and\n"
                "rejected, the reasons with their first line numbers, and the period and donors covered."));
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
            int c = cli_load(&data, argc > 1 ? argv + i : NULL, argc > 1 ? 1 : 0, count_only, NULL,
                             print_report, &pr);
            if (c && !code)
                code = c;
        }
        int w = cli_stdout_check(); /* the report is the output: a lost one is an error */
        if (w)
            code = w;
    }
    cli_data_clear(&data);
    g_option_context_free(ctx);
    return code;
}
