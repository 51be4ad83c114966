/* The aidstat program: shared pieces of the sub-commands. Only this
 * layer prints and exits. */
#ifndef AID_CLI_H
#define AID_CLI_H

#include "aidstat.h"

#include <glib.h>
#include <stdio.h>

/* Documented exit codes (README "Exit codes"). */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 1,
    EXIT_INPUT = 2,
    EXIT_EMPTY = 3,
    EXIT_DATA = 4,
    EXIT_OUTPUT = 5,
};

/* Exit code for a library status. */
int cli_exit_code(aidstat_status_t st);
/* Print "aidstat: file:line:col: message" to stderr; returns the exit code. */
int cli_fail(const aidstat_error_t *err);
/* Print "aidstat: message" to stderr (printf-style); returns code. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Options every command that reads data takes. */
typedef struct {
    gchar **map;
    gchar *delimiter;
    gboolean decimal_comma;
    gchar *unit;
    gchar *currency;
    gchar *input_format;
    gchar *regions;
    gboolean quiet;
    aidstat_load_options_t load;
} cli_data_opts_t;

/* GOption entries for cli_data_opts_t (static storage tied to o). */
GOptionGroup *cli_data_group(cli_data_opts_t *o);
/* Check and convert the parsed options into o->load; 0 or an exit code. */
int cli_data_prepare(cli_data_opts_t *o);
void cli_data_clear(cli_data_opts_t *o);

/* Load files (or the embedded default when nfiles is 0) into fn. Each
 * file's report goes to on_report (may be NULL); rejected rows are
 * announced on stderr unless quiet. Returns 0 or an exit code (message
 * printed). */
typedef void (*cli_report_fn)(const aidstat_load_report_t *r, void *user);
int cli_load(cli_data_opts_t *o, char **files, int nfiles, aidstat_record_fn fn, void *user,
             cli_report_fn on_report, void *report_user);

/* Regions: --regions FILE or the embedded ones. NULL after printing an error. */
aidstat_regions_t *cli_regions(const cli_data_opts_t *o, int *code);

/* Output written atomically: a temporary file beside the target, renamed
 * into place by cli_output_commit. path "-" or NULL is stdout. */
typedef struct {
    FILE *fp;
    char *path, *tmp;
} cli_output_t;
int cli_output_open(cli_output_t *out, const char *path);
int cli_output_commit(cli_output_t *out);
void cli_output_abort(cli_output_t *out);

/* Numbers. */
/* Shortest text that reads back as the same double. */
char *cli_fmt_exact(double x, char *buf, size_t len);
/* Fixed decimals with thousands separators: 1,234.56 */
char *cli_fmt_grouped(double x, int decimals, char *buf, size_t len);
/* Display width of UTF-8 text, in characters. */
size_t cli_width(const char *s);

/* Commands. */
int cmd_compare(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_convert(int argc, char **argv);

#endif
