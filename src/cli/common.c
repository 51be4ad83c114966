/* Pieces shared by the sub-commands: data options, loading with row
 * accounting, output files and standard output, signals, number formatting. */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

int cli_exit_code(aidstat_status_t st)
{
    switch (st) {
    case AIDSTAT_OK:
        return EXIT_OK;
    case AIDSTAT_ERR_USAGE:
        return EXIT_USAGE;
    case AIDSTAT_ERR_EMPTY:
        return EXIT_EMPTY;
    case AIDSTAT_ERR_DATA:
        return EXIT_DATA;
    case AIDSTAT_ERR_OUTPUT:
        return EXIT_OUTPUT;
    default:
        return EXIT_INPUT;
    }
}

/* Messages quote names and values from the input and the command line:
 * their control characters are shown, never sent to the terminal. */
static void say(const char *msg)
{
    char *v = aidstat_text_visible(msg);
    fprintf(stderr, "aidstat: %s\n", v);
    g_free(v);
}

/* An option the library names, as this program spells it: "--top N". */
char *cli_option_word(const char *key, const char *value, void *user)
{
    (void)user;
    return value ? g_strdup_printf("--%s %s", key, value) : g_strdup_printf("--%s", key);
}

static bool ends_with(const char *s, size_t n, const char *end)
{
    size_t k = strlen(end);
    return n >= k && !strcmp(s + n - k, end);
}

/* An option as a report spec's key: "interval: year", "decimal-comma: true" */
static char *spec_option_word(const char *key, const char *value, void *user)
{
    (void)user;
    return g_strdup_printf("%s: %s", key, value ? value : "true");
}

static int fail_worded(const aidstat_error_t *err, bool spec)
{
    char buf[1200];
    aidstat_error_t worded = *err;
    char *w = aidstat_error_word(err, spec ? spec_option_word : cli_option_word, NULL);
    g_strlcpy(worded.message, w, sizeof worded.message);
    g_free(w);
    aidstat_error_format(&worded, buf, sizeof buf);
    /* the library asks for a decimal mark or a date order in its own words
     * (in the catalogue's language too); name the options, or a spec's keys */
    static const char *const advice[][3] = {
        {N_("state the decimal mark"), N_(" with --decimal-comma or --decimal-point"),
         N_(" with decimal-comma: true or decimal-point: true in the front matter")},
        {N_("state the date order"), N_(" with --date-order dmy|mdy|ymd"),
         N_(" with date-order: dmy, mdy or ymd in the front matter")},
    };
    size_t n = strlen(buf);
    for (size_t i = 0; i < G_N_ELEMENTS(advice) && n + 80 < sizeof buf; i++) {
        const char *how = advice[i][spec ? 2 : 1];
        if (ends_with(buf, n, advice[i][0])) {
            g_strlcat(buf, how, sizeof buf);
            break;
        }
        if (ends_with(buf, n, _(advice[i][0]))) {
            g_strlcat(buf, _(how), sizeof buf);
            break;
        }
    }
    say(buf);
    return cli_exit_code(err->code);
}

int cli_fail(const aidstat_error_t *err)
{
    return fail_worded(err, false);
}

int cli_fail_spec(const aidstat_error_t *err)
{
    return fail_worded(err, true);
}

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(_(fmt), ap);
    va_end(ap);
    say(msg);
    g_free(msg);
    return code;
}

GOptionGroup *cli_data_group(cli_data_opts_t *o)
{
    GOptionEntry entries[] = {
        {"map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->map,
         N_("Read FIELD from COLUMN (repeatable), e.g. value=Amount"), N_("FIELD=COLUMN")},
        {"delimiter", 0, 0, G_OPTION_ARG_STRING, &o->delimiter,
         N_("Field delimiter: , ; tab (default: sniffed)"), N_("CHAR")},
        {"decimal-comma", 0, 0, G_OPTION_ARG_NONE, &o->decimal_comma,
         N_("Numbers use a decimal comma (1.234,5)"), NULL},
        {"decimal-point", 0, 0, G_OPTION_ARG_NONE, &o->decimal_point,
         N_("Numbers use a decimal point (1,234.5); by default a ';' file's columns show theirs"), NULL},
        {"date-order", 0, 0, G_OPTION_ARG_STRING, &o->date_order,
         N_("Day and month order of dates like 3/4/2024: dmy, mdy, ymd (default: shown by each "
            "column's values)"),
         N_("ORDER")},
        {"word", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->words,
         N_("Read WORD in type or measure cells as NAME, an aid type or measure (repeatable), "
            "e.g. Rüstung=military"),
         N_("WORD=NAME")},
        {"unit", 0, 0, G_OPTION_ARG_STRING, &o->unit,
         N_("Unit of values when the file does not say: bn, m, k, 1"), N_("UNIT")},
        {"input-currency", 0, 0, G_OPTION_ARG_STRING, &o->currency,
         N_("Currency of values when the file does not say (default EUR)"), N_("CODE")},
        {"input-format", 0, 0, G_OPTION_ARG_STRING, &o->input_format,
         N_("Force a loader: csv, kiel-data-explorer, kiel-total-allocations, ..."), N_("NAME")},
        {"encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding,
         N_("Encoding of the files: UTF-8, ISO-8859-1, Windows-1252, ... (default: detected)"), N_("NAME")},
        {"sheet", 0, 0, G_OPTION_ARG_STRING, &o->sheet,
         N_("Load this sheet of an XLSX workbook (default: the Kiel MAIN DATA sheet, else the first)"),
         N_("NAME")},
        {"regions", 0, 0, G_OPTION_ARG_FILENAME, &o->regions,
         N_("Donor groups from FILE (region,name,iso3[,country]) instead of the built-in ones"), N_("FILE")},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
         N_("No progress, notes or warnings (errors are always printed)"), NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose,
         N_("Say on stderr what became of every row of each file, as check does"), NULL},
        {"allow-overlap", 0, 0, G_OPTION_ARG_NONE, &o->allow_overlap,
         N_("Add files even when one is given twice or two hold the same records"), NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionGroup *g =
        g_option_group_new("data", N_("Reading data:"), N_("Options for reading data"), NULL, NULL);
    g_option_group_set_translation_domain(g, GETTEXT_PACKAGE);
    g_option_group_add_entries(g, entries);
    return g;
}

int cli_data_prepare(cli_data_opts_t *o)
{
    aidstat_load_options_init(&o->load);
    if (o->delimiter) {
        const char *d = o->delimiter;
        if (!strcmp(d, "tab") || !strcmp(d, "\\t") || !strcmp(d, "\t"))
            o->load.delimiter = '\t';
        else if (strlen(d) == 1 && (d[0] == ',' || d[0] == ';' || d[0] == '|'))
            o->load.delimiter = d[0];
        else
            return cli_error(EXIT_USAGE, "--delimiter \"%s\": use , ; | or tab", d);
    }
    if (o->decimal_comma && o->decimal_point)
        return cli_error(EXIT_USAGE, "--decimal-comma and --decimal-point: give one");
    o->load.decimal_comma = o->decimal_comma;
    o->load.decimal_point = o->decimal_point;
    if (o->date_order) {
        aidstat_date_order_t d;
        if (aidstat_date_order_parse(o->date_order, &d) != AIDSTAT_OK)
            return cli_error(EXIT_USAGE, "--date-order \"%s\": use dmy, mdy or ymd", o->date_order);
        o->load.date_order = (aidstat_date_order_t)d;
    }
    if (o->unit) {
        static const struct {
            const char *n;
            double s;
        } units[] = {{"bn", 1e9}, {"billion", 1e9},  {"m", 1e6}, {"million", 1e6},
                     {"k", 1e3},  {"thousand", 1e3}, {"1", 1},   {"units", 1}};
        for (size_t i = 0; i < G_N_ELEMENTS(units); i++)
            if (g_ascii_strcasecmp(o->unit, units[i].n) == 0)
                o->load.unit_scale = units[i].s;
        if (o->load.unit_scale == 0)
            return cli_error(EXIT_USAGE, "--unit \"%s\": use bn, m, k or 1", o->unit);
    }
    if (o->currency) {
        if (!cli_currency_code(o->currency))
            return cli_error(EXIT_USAGE, "--input-currency \"%s\": use a three-letter code such as EUR",
                             o->currency);
        for (char *p = o->currency; *p; p++)
            *p = g_ascii_toupper(*p);
        o->load.currency = o->currency;
    }
    o->load.map = (const char *const *)o->map;
    o->load.words = (const char *const *)o->words;
    o->load.format = o->input_format;
    o->load.encoding = o->encoding;
    o->load.sheet = o->sheet;
    return 0;
}

void cli_data_clear(cli_data_opts_t *o)
{
    g_strfreev(o->map);
    g_free(o->delimiter);
    g_free(o->unit);
    g_free(o->currency);
    g_free(o->input_format);
    g_free(o->encoding);
    g_free(o->sheet);
    g_free(o->date_order);
    g_strfreev(o->words);
    g_free(o->regions);
}

/* How the encoding was found, in the user's language. */
static const char *how_word(const char *how)
{
    static const char *const words[] = {NC_("encoding", "declared"), NC_("encoding", "detected")};
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        if (!strcmp(how, words[i])) {
            char *id = g_strconcat("encoding\004", how, NULL);
            const char *t = gettext(id);
            bool same = t == id;
            g_free(id);
            return same ? how : t;
        }
    return how;
}

/* A country's name in a list of check: in the language of names
 * (German names from the country table), quoted when it holds a comma
 * ("Korea, Republic of" is one name). */
static void print_name(FILE *fp, size_t i, const char *name)
{
    char *p = aidstat_label_people(AIDSTAT_KEY_DONOR, name, NULL);
    bool q = strchr(p, ',') != NULL;
    char *v = aidstat_text_visible(p);
    fprintf(fp, "%s%s%s%s", i ? ", " : ": ", q ? "\"" : "", v, q ? "\"" : "");
    g_free(v);
    g_free(p);
}

void cli_print_load_report(FILE *fp, const aidstat_load_report_t *r)
{
    fprintf(fp, "%s\n", aidstat_load_report_file(r));
    fprintf(fp, _("  format:   %s: %s\n"), aidstat_load_report_format(r), aidstat_load_report_description(r));
    aidstat_dataset_role_t role = aidstat_load_report_role(r);
    if (role != AIDSTAT_DATASET_RECORDS) /* record-level aid goes without saying */
        fprintf(fp, _("  role:     %s: %s\n"), _(aidstat_dataset_role_name(role)),
                _(aidstat_dataset_role_usage(role)));
    const char *how;
    const char *enc = aidstat_load_report_encoding(r, &how);
    if (strcmp(how, "default"))
        /* TRANSLATORS: an encoding and how it was found: declared, detected */
        fprintf(fp, _("  encoding: %s (%s)\n"), enc, how_word(how));
    else
        fprintf(fp, _("  encoding: %s\n"), enc);
    fprintf(
        fp,
        _("  rows:     %" PRIu64 " read, %" PRIu64 " used, %" PRIu64 " rejected, %" PRIu64 " without aid\n"),
        aidstat_load_report_rows_read(r), aidstat_load_report_rows_used(r),
        aidstat_load_report_rows_rejected(r), aidstat_load_report_rows_skipped(r));
    fprintf(fp, _("  records:  %" PRIu64), aidstat_load_report_records(r));
    bool first = true;
    for (int m = 0; m < AIDSTAT_MEASURE_COUNT; m++) {
        uint64_t n = aidstat_load_report_measure_records(r, (aidstat_measure_t)m);
        if (n) {
            /* the measure's code in English (as in the data), its word in German */
            fprintf(fp, "%s%s %" G_GUINT64_FORMAT, first ? " (" : ", ",
                    cli_lang_de() ? aidstat_wording_measure((int)m) : aidstat_measure_name(m), n);
            first = false;
        }
    }
    fprintf(fp, "%s\n", first ? "" : ")");
    uint64_t zeros = aidstat_load_report_zero_cells(r);
    if (zeros)
        fprintf(
            fp,
            _("  zeros:    %" PRIu64 " zero values in value columns (no aid of that kind: not records)\n"),
            zeros);
    int y0, m0, y1, m1;
    char a[32], b[32];
    aidstat_load_report_period(r, &y0, &m0, &y1, &m1);
    aidstat_period_format(y0, m0, a, sizeof a);
    aidstat_period_format(y1, m1, b, sizeof b);
    if (y0 > 0 && strcmp(a, b) == 0)
        fprintf(fp, _("  period:   %s\n"), a);
    else if (y0 > 0)
        fprintf(fp, _("  period:   %s – %s\n"), a, b);
    else
        fputs(_("  period:   none (no dates in the records)\n"), fp);
    size_t nd = aidstat_load_report_donor_count(r);
    fprintf(fp, _("  donors:   %zu"), nd);
    for (size_t i = 0; i < nd; i++)
        print_name(fp, i, aidstat_load_report_donor(r, i));
    fputc('\n', fp);
    /* recipients are worth a line when the data names others than
     * Ukraine (a file without a recipient column names none: "") */
    size_t nrc = aidstat_load_report_recipient_count(r);
    const char *r0 = nrc ? aidstat_load_report_recipient(r, 0) : "";
    if (nrc > 1 || (nrc == 1 && r0[0] && strcmp(r0, "Ukraine") != 0)) {
        fprintf(fp, _("  recipients: %zu"), nrc);
        for (size_t i = 0; i < nrc; i++)
            print_name(fp, i, aidstat_load_report_recipient(r, i));
        fputc('\n', fp);
    }
    const char *src = aidstat_load_report_source(r), *rel = aidstat_load_report_release(r);
    fprintf(fp, _("  source:   %s%s%s\n"), src[0] ? src : _("not stated"), rel[0] ? ", " : "", rel);
    for (size_t i = 0; i < aidstat_load_report_note_count(r); i++) {
        char *w = aidstat_text_word(aidstat_load_report_note_marked(r, i), cli_option_word, NULL);
        fprintf(fp, _("  note:     %s\n"), w);
        g_free(w);
    }
    size_t nc = aidstat_load_report_currency_count(r);
    if (nc > 1) {
        fputs(_("  note:     values in several currencies: "), fp);
        for (size_t i = 0; i < nc; i++)
            fprintf(fp, "%s%s", i ? ", " : "", aidstat_load_report_currency(r, i));
        fputc('\n', fp);
    }
    size_t nr = aidstat_load_report_reason_count(r);
    if (nr)
        fputs(_("  rejected rows by reason:\n"), fp);
    for (size_t i = 0; i < nr; i++) {
        uint64_t count;
        long lines[5];
        size_t nl;
        const char *why = aidstat_load_report_reason(r, i, &count, lines, 5, &nl);
        fprintf(fp, "    %s: ", why);
        fprintf(fp, P_("%" PRIu64 " row", "%" PRIu64 " rows", count), count);
        fputs(P_(", line", ", lines", nl), fp);
        for (size_t k = 0; k < nl; k++)
            fprintf(fp, "%s%ld", k ? ", " : " ", lines[k]);
        if (count > nl)
            fputs(", ...", fp);
        const char *ex = aidstat_load_report_reason_example(r, i);
        if (ex[0]) {
            char *v = aidstat_text_visible(ex);
            fprintf(fp, _("; first: \"%s\""), v);
            g_free(v);
        }
        fputc('\n', fp);
    }
}

void cli_warn_load(const aidstat_load_report_t *r)
{
    uint64_t rej = aidstat_load_report_rows_rejected(r);
    if (!rej)
        return;
    GString *s = g_string_new(NULL);
    size_t n = aidstat_load_report_reason_count(r);
    for (size_t i = 0; i < n && i < 3; i++) {
        uint64_t count;
        const char *why = aidstat_load_report_reason(r, i, &count, NULL, 0, NULL);
        g_string_append_printf(s, "%s%s: %" PRIu64, i ? "; " : "", why, count);
    }
    if (n > 3)
        g_string_append(s, "; ...");
    fprintf(stderr,
            _("aidstat: warning: %s: %" PRIu64 " of %" PRIu64
              " rows rejected (%s); run 'aidstat check' for line numbers\n"),
            aidstat_load_report_file(r), rej, aidstat_load_report_rows_read(r), s->str);
    g_string_free(s, TRUE);
}

/* A progress bar on a terminal's stderr for loads that take a while. */
typedef struct {
    const char *name;
    gint64 start, last; /* monotonic µs */
    gint64 delay;       /* no bar for loads shorter than this */
    bool shown;
} progress_t;

static void progress(uint64_t done, uint64_t total, void *user)
{
    progress_t *p = user;
    gint64 now = g_get_monotonic_time();
    if (now - p->start < p->delay || (p->shown && now - p->last < 100000))
        return;
    p->last = now;
    p->shown = true;
    double mb = (double)done / 1e6;
    if (total >= done && total > 0) {
        int width = 30, fill = (int)((double)done / (double)total * width);
        char bar[32];
        for (int i = 0; i < width; i++)
            bar[i] = i < fill ? '#' : '-';
        bar[width] = '\0';
        fputc('\r', stderr);
        fprintf(stderr, _("aidstat: loading %s [%s] %3d %% %.0f MB\033[K"), p->name, bar,
                (int)((double)done * 100 / (double)total), mb);
    } else {
        fputc('\r', stderr);
        fprintf(stderr, _("aidstat: loading %s %.0f MB\033[K"), p->name, mb);
    }
    fflush(stderr);
}

/* Files that would count aid twice: the message, each file's role, and
 * the option that allows a deliberate overlap. Frees in. */
static int inputs_fail(aidstat_inputs_t *in, const aidstat_error_t *err)
{
    int code = cli_fail(err);
    for (size_t i = 0; i < aidstat_inputs_detail_count(in); i++) {
        char *v = aidstat_text_visible(aidstat_inputs_detail(in, i));
        fprintf(stderr, "aidstat:   %s\n", v);
        g_free(v);
    }
    if (aidstat_inputs_overlap_refused(in))
        fputs(_("aidstat: --allow-overlap adds them anyway, if the overlap is deliberate\n"), stderr);
    aidstat_inputs_free(in);
    return code;
}

int cli_load(cli_data_opts_t *o, char **files, int nfiles, aidstat_record_fn fn, void *user,
             cli_report_fn on_report, void *report_user)
{
    aidstat_error_t err;
    /* only a person at a terminal wants a bar; AIDSTAT_PROGRESS_DELAY (ms)
     * shortens the wait for tests */
    bool bar = !o->quiet && isatty(STDERR_FILENO);
    long delay_ms = 1000;
    if (cli_int("AIDSTAT_PROGRESS_DELAY", g_getenv("AIDSTAT_PROGRESS_DELAY"), 0, 3600000, &delay_ms))
        return EXIT_USAGE;
    /* several files: the inputs refuse what would count aid twice */
    aidstat_inputs_t *in = nfiles > 1 ? aidstat_inputs_new(fn, user, o->allow_overlap) : NULL;
    if (in) {
        fn = aidstat_inputs_record;
        user = in;
    }
    for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
        if (in && aidstat_inputs_add_file(in, files[i], &err) != AIDSTAT_OK)
            return inputs_fail(in, &err);
        aidstat_load_report_t *r = aidstat_load_report_new();
        progress_t p = {nfiles ? files[i] : aidstat_default_dataset_name(), g_get_monotonic_time(), 0,
                        (gint64)delay_ms * 1000, false};
        if (bar)
            aidstat_load_report_set_progress(r, progress, &p);
        aidstat_status_t st = nfiles ? aidstat_load_file(files[i], &o->load, fn, user, r, &err)
                                     : aidstat_load_default(fn, user, r, &err);
        if (p.shown)
            fputs("\r\033[K", stderr);
        if (st != AIDSTAT_OK) {
            aidstat_load_report_free(r);
            aidstat_inputs_free(in);
            /* a callback stops the load only when its output failed; its
             * owner says how (cli_output_error) */
            return st == AIDSTAT_ERR_ABORTED ? EXIT_OUTPUT : cli_fail(&err);
        }
        if (o->verbose) {
            if (i > 0)
                fputc('\n', stderr);
            cli_print_load_report(stderr, r);
        }
        if (!o->quiet && !o->verbose)
            cli_warn_load(r); /* --verbose says more */
        if (on_report)
            on_report(r, report_user);
        if (in)
            aidstat_inputs_add_report(in, r);
        aidstat_load_report_free(r);
    }
    if (in && aidstat_inputs_finish(in, &err) != AIDSTAT_OK)
        return inputs_fail(in, &err);
    aidstat_inputs_free(in);
    return 0;
}

aidstat_regions_t *cli_regions(const cli_data_opts_t *o, int *code)
{
    aidstat_error_t err;
    aidstat_regions_t *r =
        o->regions ? aidstat_regions_load_file(o->regions, &err) : aidstat_regions_load_default(&err);
    if (!r)
        *code = cli_fail(&err);
    return r;
}

int cli_stdout_error(int e)
{
    return cli_error(EXIT_OUTPUT, "standard output: write error: %s", g_strerror(e ? e : EIO));
}

int cli_stdout_check(void)
{
    errno = 0;
    if (fflush(stdout) != 0)
        return cli_stdout_error(errno);
    if (ferror(stdout))
        return cli_stdout_error(EIO); /* an earlier write failed; its errno is gone */
    return 0;
}

int cli_output_open(cli_output_t *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || !strcmp(path, "-")) {
        out->fp = stdout;
        return 0;
    }
    aidstat_error_t err;
    if (!(out->file = aidstat_output_open(path, &err)))
        return cli_fail(&err);
    out->fp = aidstat_output_stream(out->file);
    out->path = g_strdup(path);
    return 0;
}

int cli_output_error(const cli_output_t *out, int e)
{
    if (!out->file)
        return cli_stdout_error(e);
    return cli_error(EXIT_OUTPUT, "%s: write failed: %s", out->path, g_strerror(e ? e : EIO));
}

int cli_output_commit(cli_output_t *out)
{
    if (!out->file)
        return cli_stdout_check();
    aidstat_error_t err;
    aidstat_status_t st = aidstat_output_commit(out->file, &err);
    g_free(out->path);
    memset(out, 0, sizeof *out);
    return st == AIDSTAT_OK ? 0 : cli_fail(&err);
}

void cli_output_abort(cli_output_t *out)
{
    aidstat_output_abort(out->file);
    g_free(out->path);
    memset(out, 0, sizeof *out);
}

/* SIGINT, SIGTERM, SIGHUP: remove the temporary files being written,
 * then die of the same signal (SA_RESETHAND put the default back). */
static void on_signal(int sig)
{
    aidstat_output_remove_temporaries();
    raise(sig);
}

void cli_signals_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < G_N_ELEMENTS(sigs); i++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        /* a signal ignored by whoever started us (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

bool cli_currency_code(const char *s)
{
    return g_ascii_isalpha(s[0]) && g_ascii_isalpha(s[1]) && g_ascii_isalpha(s[2]) && !s[3];
}

static int number_option(const char *name, const char *value, bool whole, double min, double max, double *out)
{
    if (!value)
        return 0;
    if (aidstat_number_read(value, whole, min, max, out) == AIDSTAT_NUMBER_OK)
        return 0;
    char a[32], b[32];
    cli_fmt_exact(min, a, sizeof a);
    cli_fmt_exact(max, b, sizeof b);
    if (whole)
        return cli_error(EXIT_USAGE, "%s \"%s\": give a whole number from %s to %s", name, value, a, b);
    return cli_error(EXIT_USAGE, "%s \"%s\": give a number from %s to %s", name, value, a, b);
}

int cli_number(const char *name, const char *value, double min, double max, double *out)
{
    return number_option(name, value, false, min, max, out);
}

int cli_int(const char *name, const char *value, long min, long max, long *out)
{
    double v = 0;
    int code = number_option(name, value, true, (double)min, (double)max, &v);
    if (!code && value)
        *out = (long)v;
    return code;
}

int cli_date_apply(const char *value)
{
    int64_t t;
    if (aidstat_output_env_date(&t) < 0)
        return cli_error(EXIT_USAGE, "SOURCE_DATE_EPOCH \"%s\": not a whole number of seconds since 1970",
                         g_getenv("SOURCE_DATE_EPOCH"));
    if (!value)
        return 0;
    int y, m, d;
    char tail;
    GDateTime *dt = NULL;
    if (sscanf(value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(value) == 10)
        dt = g_date_time_new_utc(y, m, d, 0, 0, 0);
    if (!dt || y < 1970)
        return cli_error(EXIT_USAGE, "--date \"%s\": a date YYYY-MM-DD from 1970 on", value);
    aidstat_output_set_date(g_date_time_to_unix(dt));
    g_date_time_unref(dt);
    return 0;
}

char *cli_fmt_exact(double x, char *buf, size_t len)
{
    if (x != x) {
        snprintf(buf, len, "NaN");
        return buf;
    }
    if (x == 0)
        x = 0; /* no "-0" */
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, len, "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    return buf;
}

char *cli_fmt_grouped(double x, int decimals, char *buf, size_t len)
{
    if (!isfinite(x)) {
        g_strlcpy(buf, x != x ? L_("n/a") : x > 0 ? "inf" : "-inf", len);
        return buf;
    }
    /* %f of a double can run to 309 integer digits: no fixed buffer */
    char *raw = g_strdup_printf("%.*f", decimals, x);
    if (g_ascii_strtod(raw, NULL) == 0 && raw[0] == '-')
        memmove(raw, raw + 1, strlen(raw)); /* "-0.00" reads as 0.00 */
    const char *p = raw;
    const char *dot = strchr(p, '.');
    size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
    size_t digits = intlen - (*p == '-');
    size_t need = strlen(raw) + (digits ? (digits - 1) / 3 : 0) + 1;
    if (need > len) {
        /* a cut-off figure would be a wrong one: the shortest exact form instead */
        g_free(raw);
        return cli_fmt_exact(x, buf, len);
    }
    size_t n = 0;
    if (*p == '-') {
        buf[n++] = *p++;
        intlen--;
    }
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            buf[n++] = ',';
        buf[n++] = p[i];
    }
    if (dot)
        for (const char *q = dot; *q; q++)
            buf[n++] = *q;
    buf[n] = '\0';
    g_free(raw);
    if (cli_lang_de())
        cli_num_german(buf);
    return buf;
}

char *cli_num_german(char *s)
{
    for (char *p = s; *p; p++)
        *p = *p == ',' ? '.' : *p == '.' ? ',' : *p;
    return s;
}

size_t cli_width(const char *s)
{
    return g_utf8_validate(s, -1, NULL) ? (size_t)g_utf8_strlen(s, -1) : strlen(s);
}

bool cli_lang_de(void)
{
    return !strcmp(aidstat_language(), "de");
}

/* The language --lang named, when it was given. */
static const char *lang_option;

void cli_lang_option_set(const char *lang)
{
    lang_option = lang;
}

const char *cli_lang_option(void)
{
    return lang_option;
}

/* glibc's count of loaded catalogues: GNU gettext's manual asks a program
 * that changes LANGUAGE while it runs to increase it, so no translation
 * looked up before is served from its cache */
extern int _nl_msg_cat_cntr;

char *cli_messages_language(const char *lang)
{
    char *was = g_strdup(g_getenv("LANGUAGE"));
    /* GNU gettext ignores LANGUAGE in the "C" locale; C.UTF-8 has the
     * same formats and lets it count */
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (lang && cur && (!strcmp(cur, "C") || !strcmp(cur, "POSIX")))
        setlocale(LC_MESSAGES, "C.UTF-8");
    if (lang)
        g_setenv("LANGUAGE", lang, TRUE);
    else
        g_unsetenv("LANGUAGE");
    ++_nl_msg_cat_cntr;
    return was;
}

bool cli_catalogue_de(void)
{
    /* the catalogue's own language code, as the library reads it */
    const char *id = "language code\004en";
    const char *t = dgettext(GETTEXT_PACKAGE, id);
    return t != id && !strcmp(t, "de");
}
