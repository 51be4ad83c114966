/* aidstat: sub-command dispatch. */
#include "config.h"
#include "cli/cli.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"compare", cmd_compare, N_("donor totals, shares and ranks by donor, region, type or period")},
    {"trend", cmd_trend, /* xgettext:no-c-format */
     N_("trends over time: slope and growth per year with 95 % intervals, change vs baseline")},
    {"chart", cmd_chart,
     N_("publication charts (bar, stacked, grouped, column, line, area, dumbbell, scatter) as PDF, SVG, "
        "PNG")},
    {"report", cmd_report,
     N_("a paged PDF report from a Markdown spec with live figures (default: the Ukraine support report)")},
    {"diff", cmd_diff,
     N_("what changed between two versions of a dataset: revisions, new periods, donors added")},
    {"check", cmd_check, N_("what a file holds: loader, rows read/used/rejected and why, coverage")},
    {"convert", cmd_convert, N_("write any supported file as aidstat's long CSV format")},
};

static void usage(FILE *fp)
{
    fprintf(fp,
            _("Usage: aidstat [--lang LANG] COMMAND [OPTIONS] [FILE...]\n\n"
              "Compare military-aid datasets. Without FILE, commands use the embedded\n"
              "Kiel Ukraine Support Tracker data (%s).\n\nCommands:\n"),
            aidstat_default_dataset_name());
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(fp, "  %-9s %s\n", commands[i].name, _(commands[i].help));
    fprintf(fp, _("\n'aidstat COMMAND --help' lists a command's options.\n\n"
                  "--lang LANG (any command): en or de, the language of messages, tables\n"
                  "and charts (default: LANGUAGE, LC_ALL, LC_MESSAGES); CSV and JSON\n"
                  "keep their English keys, codes and numbers.\n\n"
                  "Exit codes: 0 success, 1 usage error, 2 unreadable or malformed input,\n"
                  "3 nothing matched the selection, 4 the data cannot answer the request,\n"
                  "5 output could not be written.\n"));
}

/* Take "--lang LANG" or "--lang=LANG" out of argv (anywhere before a
 * "--"): it is every command's option. Returns the value, NULL when
 * absent; *bad when it has no value. */
static const char *take_lang(int *argc, char **argv, bool *bad)
{
    const char *lang = NULL;
    int out = 1;
    bool rest = false;
    for (int i = 1; i < *argc; i++) {
        if (!rest && !strcmp(argv[i], "--"))
            rest = true;
        if (!rest && !strcmp(argv[i], "--lang")) {
            if (i + 1 >= *argc) {
                *bad = true;
                continue;
            }
            lang = argv[++i];
        } else if (!rest && !strncmp(argv[i], "--lang=", 7)) {
            lang = argv[i] + 7;
        } else {
            argv[out++] = argv[i];
        }
    }
    argv[out] = NULL;
    *argc = out;
    return lang;
}

/* Messages: the catalogues under LOCALEDIR, or $AIDSTAT_LOCALEDIR (the
 * build tree's locale/ when running uninstalled); --lang picks one over
 * the environment. LANGUAGE is what GNU gettext reads first; it is
 * ignored in the "C" locale, so that becomes C.UTF-8, which has the same
 * formats and lets LANGUAGE count. */
static int messages_init(int *argc, char **argv)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* numbers in and out always use '.' */
    const char *dir = g_getenv("AIDSTAT_LOCALEDIR");
    bindtextdomain(GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    textdomain(GETTEXT_PACKAGE);
    bool bad = false;
    const char *lang = take_lang(argc, argv, &bad);
    if (bad)
        return cli_error(EXIT_USAGE, _("--lang needs a language: en or de"));
    if (!lang)
        return 0;
    if (g_ascii_strcasecmp(lang, "en") && g_ascii_strcasecmp(lang, "de"))
        return cli_error(EXIT_USAGE, _("--lang \"%s\": en or de"), lang);
    bool de = !g_ascii_strcasecmp(lang, "de");
    cli_lang_option_set(de ? "de" : "en");
    g_free(cli_messages_language(de ? "de" : "en"));
    if (de && strcmp(aidstat_language(), "de"))
        /* the catalogue that would say so is the one missing: English */
        fprintf(stderr,
                _("aidstat: warning: --lang de: no German catalogue in %s (looked for "
                  "%s/de/LC_MESSAGES/%s.mo); writing English\n"),
                aidstat_catalogue_dir(), aidstat_catalogue_dir(), GETTEXT_PACKAGE);
    return 0;
}

int main(int argc, char **argv)
{
    int bad = messages_init(&argc, argv);
    if (bad)
        return bad;
    cli_signals_install();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return cli_stdout_check();
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("aidstat %s\n", aidstat_version());
        return cli_stdout_check();
    }
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (!strcmp(cmd, commands[i].name)) {
            int code = commands[i].fn(argc - 1, argv + 1);
            /* the last word on standard output: a write error the command
             * did not report itself is reported here */
            return code ? code : cli_stdout_check();
        }
    fprintf(stderr, _("aidstat: unknown command \"%s\"\n"), cmd);
    usage(stderr);
    return EXIT_USAGE;
}
