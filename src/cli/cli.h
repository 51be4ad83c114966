/* The aidstat program: shared pieces of the sub-commands. Only this
 * layer prints and exits. */
#ifndef AID_CLI_H
#define AID_CLI_H

#include "aidstat.h"

#include <glib.h>
#include <libintl.h>
#include <stdio.h>

/* Messages for people in the user's language (GNU gettext, text domain
 * "aidstat", set up in main.c); N_() marks a string translated where it
 * is used, P_() one with plural forms. */
#define _(s) gettext(s)
#define N_(s) (s)
#define NC_(ctx, s) (s)
#define P_(one, many, n) ngettext(one, many, n)
/* A label for people (titles, table headings, footer lines): German only
 * when names are (aidstat_language()), so CSV and JSON stay English. */
#define L_(s) cli_label(s)
const char *cli_label(const char *msgid) __attribute__((format_arg(1)));
/* A label with plural forms, German only when names are. */
#define LP_(one, many, n) cli_label_n(one, many, n)
const char *cli_label_n(const char *one, const char *many, unsigned long n) __attribute__((format_arg(1)))
__attribute__((format_arg(2)));
/* A label with a context (NC_("period", "year") where it is defined). */
const char *cli_label_ctx(const char *ctx, const char *msgid);
/* A selection's types ("military, financial", "all types") in the
 * language of names for people. Newly allocated. */
char *cli_types_people(const char *types);
/* Whether figures for people are written in German (1.234,5). */
bool cli_lang_de(void);
/* The language --lang named ("en", "de"), or NULL without --lang (main.c
 * sets it). */
const char *cli_lang_option(void);
void cli_lang_option_set(const char *lang);
/* Messages from now on in lang ("de", "en"; NULL: the environment's):
 * sets LANGUAGE (and C.UTF-8 for the "C" locale, where GNU gettext ignores
 * it). Returns LANGUAGE as it was (g_free), for a later call. */
char *cli_messages_language(const char *lang);
/* Whether the catalogue gettext uses now is the German one. */
bool cli_catalogue_de(void);

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
/* aidstat_option_word_fn for the command line: "--key value". */
char *cli_option_word(const char *key, const char *value, void *user);
int cli_fail(const aidstat_error_t *err);
/* The same for an error of a report spec's data or blocks: the options
 * it names are worded as the spec's keys ("decimal-comma: true"). */
int cli_fail_spec(const aidstat_error_t *err);
/* Print "aidstat: message" to stderr (printf-style); returns code. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Options every command that reads data takes. */
typedef struct {
    gchar **map;
    gchar *delimiter;
    gboolean decimal_comma, decimal_point;
    gchar *unit;
    gchar *currency;
    gchar *input_format;
    gchar *encoding;
    gchar *sheet;
    gchar *date_order;
    gchar **words;
    gchar *regions;
    gboolean quiet;         /* no progress, notes or warnings; errors always print */
    gboolean verbose;       /* each file's row accounting on stderr, as check prints it */
    gboolean allow_overlap; /* files that hold the same records may be added */
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
 * printed), or EXIT_OUTPUT with nothing printed when fn stopped the load:
 * fn stops only when its output failed, and its owner says so. */
typedef void (*cli_report_fn)(const aidstat_load_report_t *r, void *user);
int cli_load(cli_data_opts_t *o, char **files, int nfiles, aidstat_record_fn fn, void *user,
             cli_report_fn on_report, void *report_user);

/* The warning a load with rejected rows earns on stderr (nothing when
 * there are none). */
void cli_warn_load(const aidstat_load_report_t *r);

/* What a load did, as `check` prints it: format, rows read, used,
 * rejected and skipped, the reasons with their first lines, coverage. */
void cli_print_load_report(FILE *fp, const aidstat_load_report_t *r);

/* Regions: --regions FILE or the embedded ones. NULL after printing an error. */
aidstat_regions_t *cli_regions(const cli_data_opts_t *o, int *code);

/* Output to -o PATH through aidstat_output_t (complete or left as it
 * was; devices and FIFOs written directly), or to stdout for "-" or
 * NULL. Open and commit return 0 or an exit code after the message. */
typedef struct {
    FILE *fp;
    aidstat_output_t *file; /* NULL for stdout */
    char *path;
} cli_output_t;
int cli_output_open(cli_output_t *out, const char *path);
int cli_output_commit(cli_output_t *out);
void cli_output_abort(cli_output_t *out);
/* Say that writing out failed with errno e (a record callback that
 * stopped the load); returns EXIT_OUTPUT. */
int cli_output_error(const cli_output_t *out, int e);

/* Standard output: flush and check it; 0 or EXIT_OUTPUT after printing
 * "standard output: write error: <reason>". */
int cli_stdout_check(void);
/* Print that message for errno e; returns EXIT_OUTPUT. */
int cli_stdout_error(int e);

/* Remove temporary output files on SIGINT, SIGTERM and SIGHUP, then die
 * of the signal. Called once by main. */
void cli_signals_install(void);

/* Numbers. */
/* A number option, read strictly (aidstat_number_read): 0 with *out set, or
 * EXIT_USAGE after "--NAME \"VALUE\": give a [whole] number from MIN to MAX".
 * A NULL value leaves *out as it is. */
int cli_number(const char *name, const char *value, double min, double max, double *out);
int cli_int(const char *name, const char *value, long min, long max, long *out);
/* The date documents carry: --date YYYY-MM-DD (value may be NULL), else a
 * valid SOURCE_DATE_EPOCH (refused when set to anything else); 0 or
 * EXIT_USAGE after printing. */
int cli_date_apply(const char *value);
/* Shortest text that reads back as the same double. */
char *cli_fmt_exact(double x, char *buf, size_t len);
/* Room for any finite double in cli_fmt_grouped with up to 9 decimals:
 * 309 integer digits, 102 commas, a sign, a point, the decimals. */
#define CLI_NUM_MAX 448
/* Fixed decimals with thousands separators: 1,234.56. Every digit of the
 * double's value is printed; when that does not fit in len bytes (see
 * CLI_NUM_MAX), the shortest exact form ("1e+300") is written instead,
 * never a cut-off figure. */
char *cli_fmt_grouped(double x, int decimals, char *buf, size_t len);
/* A figure written in English ("1,234.5") in German ("1.234,5"), in place. */
char *cli_num_german(char *s);
/* Display width of UTF-8 text, in characters. */
size_t cli_width(const char *s);

/* Output formats. */
typedef enum { CLI_FMT_TABLE, CLI_FMT_CSV, CLI_FMT_TSV, CLI_FMT_JSON, CLI_FMT_MARKDOWN } cli_format_t;
bool cli_format_parse(const char *s, cli_format_t *f);
/* --format (into *fmt) and --scale checked; an exit code, EXIT_OK when both are good */
int cli_output_parse(const char *format, const char *scale, cli_format_t *fmt);

/* An aligned table: cells row-major, the first row the header. */
typedef struct {
    GPtrArray *cells;
    size_t ncols;
    bool *right; /* right-aligned columns */
} cli_grid_t;
cli_grid_t *cli_grid_new(size_t ncols);
void cli_grid_free(cli_grid_t *g);
void cli_grid_put(cli_grid_t *g, const char *s);
/* Print with a rule under the header (and above the last row if asked). */
void cli_grid_print(FILE *fp, const cli_grid_t *g, bool rule_before_last);
/* The same as a GitHub Markdown table (last row bold if asked). */
void cli_grid_markdown(FILE *fp, const cli_grid_t *g, bool bold_last);

/* One CSV (sep ',') or TSV (sep '\t') text cell. A cell starting with
 * = + - @ tab or CR (and not a number) gets a leading ' so spreadsheets
 * show it instead of running it, unless the command's --csv-formulas
 * (added by cli_csv_add_entries) was given. */
void cli_csv_field(FILE *fp, const char *s, char sep);
void cli_csv_add_entries(GOptionContext *ctx);
void cli_csv_num(FILE *fp, double x); /* nothing for NaN */
/* A comparison as CSV or TSV (aidstat_result_csv), with --csv-formulas. */
void cli_csv_result(FILE *fp, const aidstat_result_t *r, char sep);
void cli_json_str(FILE *fp, const char *s);
void cli_json_num(FILE *fp, double x); /* null for NaN and infinities */

/* Whether s is a currency code as ISO 4217 writes them: three ASCII letters. */
bool cli_currency_code(const char *s);
const char *cli_currency_symbol(const char *code);                /* "€", or NULL */
const char *cli_key_title(aidstat_key_t k, const char *currency); /* "Donor", "Supplier" */
char *cli_period_iso(int y, int m);                               /* "2025-04", "" when none */
char *cli_fmt_pct(double x, char *buf, size_t len);               /* 0.123 -> "12.3 %" */

/* A money unit for people: the scale and "€ bn" / "€ billion". */
typedef struct {
    double scale;
    char unit[64];
    char unit_long[96];
} cli_unit_t;
/* Pick bn/m/units from the largest value, or the one asked for (bn, m, k, 1). */
void cli_unit_choose(cli_unit_t *u, double maxabs, const char *currency, const char *want);

/* Split "a,b" option values (repeatable options are joined first). */
gchar **cli_split_list(gchar **values);

/* The selection options every analysis takes: --type, --measure,
 * --donor, --region, --from, --to. */
typedef struct {
    gchar **types, **measures, **donors, **regions, **recipients;
    gchar *from, *to;
    aidstat_filter_t *filter;
    aidstat_regions_t *regions_table; /* loaded when groups are used */
} cli_select_t;
void cli_select_add_entries(cli_select_t *s, GOptionContext *ctx);
/* Build s->filter (and s->regions_table when need_regions or --region);
 * 0 or an exit code after printing the message. */
int cli_select_build(cli_select_t *s, const cli_data_opts_t *data, bool need_regions);
/* A result's selection (aidstat_result_filter) in words for a footer,
 * its groups named from the selection built last. Newly allocated. */
char *cli_selection_text(const char *filter, const char *currency);
/* "Selection: ..." (no line end). */
void cli_print_selection(FILE *fp, const char *filter, const char *currency);
void cli_select_clear(cli_select_t *s);
/* After the load: a --donor that matched no record is an error, with a
 * suggestion when it looks like a typo of a known name. 0 or an exit code
 * after printing the message. */
int cli_select_check(const cli_select_t *s);
/* "; did you mean csv?" when s looks like a typo of one of the names in
 * list ("table, csv, tsv"), else "": for messages about unknown names.
 * Static storage, overwritten by the next call. */
const char *cli_hint(const char *s, const char *list);

/* Restating values: --currency, --rates, --yearly-rates, --prices, --deflator. */
typedef struct {
    gchar *currency, *rates_file, *prices, *deflator_file;
    gboolean yearly_rates;
    aidstat_rates_t *rates;
    aidstat_reftable_t *deflator;
    aidstat_normalize_t norm;
    bool active;
} cli_norm_t;
void cli_norm_add_entries(cli_norm_t *n, GOptionContext *ctx);
int cli_norm_build(cli_norm_t *n);
void cli_norm_clear(cli_norm_t *n);

/* EU attribution: --eu-attribution, --eu-key FILE (cli/eu.c). */
typedef struct {
    gboolean on;
    gchar *key_file;
    aidstat_eukey_t *key;
    aidstat_regions_t *regions;
} cli_eu_t;
typedef void (*cli_caveat_fn)(void *user, const char *caveat);
void cli_eu_add_entries(cli_eu_t *e, GOptionContext *ctx);
/* cli_load, through the attribution when asked; its description goes to
 * caveat (for the result's notes). */
int cli_eu_load(cli_eu_t *e, cli_data_opts_t *o, char **files, int nfiles, aidstat_record_fn fn, void *user,
                cli_report_fn on_report, void *report_user, cli_caveat_fn caveat, void *caveat_user);
void cli_eu_clear(cli_eu_t *e);

/* compare --releases (cli/releases.c): the selection per FILE, side by side. */
int cli_compare_releases(cli_data_opts_t *data, cli_eu_t *eu, char **files, int nfiles,
                         const aidstat_compare_options_t *opt, cli_format_t format, const char *output,
                         const char *scale, int decimals);

/* compare --heavy-weapons (cli/heavy.c): heavy weapons committed and
 * delivered per donor, in units, from the workbook FILE. */
int cli_compare_heavy(char **files, int nfiles, const aidstat_filter_t *f, const char *category,
                      cli_format_t format, const char *output);
/* compare --pipeline (cli/pipeline.c): the result's stages, what is pending
 * between them and the share passed on, in format f. */
int cli_pipeline_print(FILE *fp, const aidstat_result_t *r, cli_format_t f, const char *scale, int decimals);

/* Commands. */
int cmd_compare(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_diff(int argc, char **argv);

#endif
