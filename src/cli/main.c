/* aidstat: sub-command dispatch. */
#include "config.h"
#include "cli/cli.h"

#include <locale.h>
#include <string.h>

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *help;
} commands[] = {
    {"compare", cmd_compare, "donor totals, shares and ranks by donor, region, type or period"},
    {"trend", cmd_trend, "trends over time: slope and growth per year with 95 % intervals, change vs baseline"},
    {"chart", cmd_chart, "publication charts (bar, stacked, grouped, column, line, area, dumbbell, scatter) as PDF, SVG, PNG"},
    {"report", cmd_report, "a paged PDF report from a Markdown spec with live figures (default: the Ukraine support report)"},
    {"check", cmd_check, "what a file holds: loader, rows read/used/rejected and why, coverage"},
    {"convert", cmd_convert, "write any supported file as aidstat's long CSV format"},
};

static void usage(FILE *fp)
{
    fprintf(fp, "Usage: aidstat COMMAND [OPTIONS] [FILE...]\n\n"
                "Compare military-aid datasets. Without FILE, commands use the embedded\n"
                "Kiel Ukraine Support Tracker data (%s).\n\nCommands:\n",
            aidstat_default_dataset_name());
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].help);
    fprintf(fp, "\n'aidstat COMMAND --help' lists a command's options.\n\n"
                "Exit codes: 0 success, 1 usage error, 2 unreadable or malformed input,\n"
                "3 nothing matched the selection, 4 the data cannot answer the request,\n"
                "5 output could not be written.\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* numbers in and out always use '.' */
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
    fprintf(stderr, "aidstat: unknown command \"%s\"\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
