/* aidstat report [SPEC.md]: a paged PDF report from a Markdown spec with
 * live figures; without SPEC, the default report on the embedded data. */
#include "config.h"
#include "cli/cli.h"

#include <string.h>

int cmd_report(int argc, char **argv)
{
    gchar *output = NULL, *date = NULL;
    gchar **data = NULL;
    gboolean quiet = FALSE, verbose = FALSE, confine = FALSE, no_attach = FALSE;
    GOptionEntry entries[] = {
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No messages but errors"), NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
         N_("Say on stderr what became of every row of each data file, as check does"), NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         N_("Write the report to FILE: a PDF, or one HTML page for .html (default aidstat-report.pdf)"),
         N_("FILE")},
        {"data", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &data,
         N_("Use FILE instead of the spec's data (repeatable), e.g. a newer Kiel release"), N_("FILE")},
        {"date", 0, 0, G_OPTION_ARG_STRING, &date,
         N_("The report's date, printed for \"date:\" and stored in the PDF (default: SOURCE_DATE_EPOCH or "
            "today)"),
         N_("YYYY-MM-DD")},
        {"no-attach", 0, 0, G_OPTION_ARG_NONE, &no_attach,
         N_("Attach no CSV files to the PDF (default: each chart's and table's numbers, and all the data)"),
         NULL},
        {"confine", 0, 0, G_OPTION_ARG_NONE, &confine,
         N_("Let the spec read files only inside its own folder (no absolute paths, no ..): for specs you "
            "did not write"),
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new(N_("[SPEC.md] - lay a report out as PDF"));
    g_option_context_set_translation_domain(ctx, GETTEXT_PACKAGE);
    g_option_context_set_summary(
        ctx, N_("A Markdown spec with chart, table and kpi blocks and {{ }} figures becomes a paged PDF\n"
                "(see reports/README.md). Without SPEC: the built-in Ukraine support report on the\n"
                "embedded Kiel data, written to aidstat-report.pdf."));
    g_option_context_add_main_entries(ctx, entries, GETTEXT_PACKAGE);
    GError *gerr = NULL;
    int code = EXIT_OK;
    aidstat_report_t *r = NULL;
    char *user_lang = NULL; /* LANGUAGE as the user set it, while a German spec is read */
    bool swapped = false;
    aidstat_error_t err;
    if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        code = cli_error(EXIT_USAGE, "%s", gerr->message);
        goto done;
    }
    if (argc > 2) {
        code = cli_error(EXIT_USAGE, "report: give one SPEC file at most");
        goto done;
    }
    if ((code = cli_date_apply(date)))
        goto done;
    /* a report's prose is in its spec's language: English unless the spec
     * says lang: de; the built-in report is there in German too, and --lang
     * de (or the environment) chooses it. Its tables and charts name donors,
     * groups, types and months in the prose's language (messages follow
     * --lang) */
    aidstat_set_language(argc < 2 && !strcmp(aidstat_language(), "de") ? "de" : "en");
    const char *out = output ? output : "aidstat-report.pdf";
    if (!g_str_has_suffix(out, ".pdf") && !g_str_has_suffix(out, ".PDF") &&
        !aidstat_report_path_is_html(out)) {
        code =
            cli_error(EXIT_USAGE, "report: the output is a PDF file or an HTML page (.pdf, .html: %s)", out);
        goto done;
    }
    unsigned flags = (confine ? AIDSTAT_REPORT_CONFINE : 0) | (no_attach ? AIDSTAT_REPORT_NO_ATTACH : 0);
    /* a spec in German (lang: de) while gettext's catalogue is not: its
     * labels come from the German catalogue, which gettext reads only for
     * the process's language; so the spec is read and written with German
     * messages, and every other message stays in the user's language (its
     * data are read once: they may come from a pipe) */
    bool found = true;
    if (argc == 2 && !cli_catalogue_de()) {
        const char *lang = aidstat_report_spec_language(argv[1], &err);
        if (!lang) {
            code = cli_fail_spec(&err);
            goto done;
        }
        if (!strcmp(lang, "de")) {
            user_lang = cli_messages_language("de");
            swapped = true;
            found = cli_catalogue_de();
        }
    }
    r = aidstat_report_open(argc == 2 ? argv[1] : NULL, (const char *const *)data, flags, &err);
    if (swapped)
        g_free(cli_messages_language(user_lang));
    if (!found && !quiet)
        fprintf(stderr,
                _("aidstat: warning: %s says lang: de, but there is no German catalogue in %s (looked "
                  "for %s/de/LC_MESSAGES/%s.mo): its tables and charts are labelled in English\n"),
                argv[1], aidstat_catalogue_dir(), aidstat_catalogue_dir(), GETTEXT_PACKAGE);
    if (!r) {
        code = cli_fail_spec(&err);
        goto done;
    }
    /* a spec's own language (lang:) decides its report: its prose is
     * written in it, and its tables, charts and figures follow the prose;
     * --lang sets the language of messages. Said when the two differ */
    const char *given = cli_lang_option();
    if (argc == 2 && given && !quiet && strcmp(given, aidstat_language()))
        fprintf(stderr,
                !strcmp(aidstat_language(), "de")
                    ? _("aidstat: warning: %s is written in German (lang: de): its tables, charts and "
                        "figures are German too; --lang sets the language of messages only\n")
                    : _("aidstat: warning: %s is written in English (lang: en, the default): its tables, "
                        "charts and figures are English too; --lang sets the language of messages only\n"),
                argv[1]);
    for (size_t i = 0; verbose && i < aidstat_report_load_count(r); i++) {
        if (i > 0)
            fputc('\n', stderr);
        cli_print_load_report(stderr, aidstat_report_load_report(r, i));
    }
    /* the warnings compare gives for the same files */
    for (size_t i = 0; !verbose && !quiet && i < aidstat_report_load_count(r); i++)
        cli_warn_load(aidstat_report_load_report(r, i));
    if (swapped)
        g_free(cli_messages_language("de"));
    aidstat_status_t wst = aidstat_report_write(r, out, &err);
    if (swapped)
        g_free(cli_messages_language(user_lang));
    if (wst != AIDSTAT_OK) {
        code = cli_fail_spec(&err);
        goto done;
    }
    if (!quiet)
        fprintf(stderr, _("aidstat: wrote %s\n"), out);
done:
    g_free(user_lang);
    aidstat_report_free(r);
    g_free(output);
    g_free(date);
    g_strfreev(data);
    if (gerr)
        g_error_free(gerr);
    g_option_context_free(ctx);
    return code;
}
