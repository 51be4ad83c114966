/* SIPRI Arms Transfers Database exports: the trade register and the TIV
 * export tables (see sipri.h). Both open with a banner of notes; the
 * header is found by its first cells, and the banner gives the release. */
#include "config.h"
#include "load/sipri.h"
#include "load/number.h"
#include "data/tally.h"
#include "data/error.h"
#include "data/intl.h"

#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define TIV_SCALE 1e6 /* SIPRI states TIVs in millions */
#define SOURCE "SIPRI Arms Transfers Database"
#define REG_COLS 16

typedef enum { SIPRI_REGISTER = 1, SIPRI_TIV } sipri_kind_t;

/* register columns found by name */
enum {
    C_RECIPIENT,
    C_SUPPLIER,
    C_YEAR,
    C_YEAR_FLAG,
    C_NUMBER,
    C_COMMENTS,
    C_TIV_ORDER,
    C_TIV_DELIVERED,
    C_N
};

struct aid_sipri {
    sipri_kind_t kind;
    const char *name;
    aidstat_record_fn fn;
    void *user;
    aidstat_load_report_t *report;
    aidstat_error_t *err;
    bool header_done;
    long header_line;
    char *release;
    /* register */
    size_t ncols;
    int col[C_N];
    char **pending; /* a record's first fragment, waiting for the rest */
    size_t npending;
    long pending_line;
    GString *joined; /* "5431-5432, ..." */
    uint64_t njoined, no_order, no_delivered, uncertain_year, marked;
    uint64_t unsized; /* orders without a number ordered, whose TIV SIPRI leaves at 0 */
    long unsized_line;
    char *marked_example;
    /* TIV tables */
    char *supplier;
    int *years;
    size_t nyears; /* year columns 1..nyears */
    long total_col;
    double *col_sum;
    uint64_t *col_cells;
    double rows_total, cells_total;
    uint64_t nrows, zero_cells, row_off, cells_all;
    double row_off_max;
    GString *row_bad; /* totals off by more than rounding explains */
    uint64_t nrow_bad;
    bool total_row;
    GHashTable *recipients; /* name -> first line (GINT_TO_POINTER) */
    uint64_t duplicates;
};

static const char *rstrip(char *s)
{
    size_t k = strlen(s);
    while (k && (s[k - 1] == '\r' || s[k - 1] == ' ' || s[k - 1] == '\t'))
        s[--k] = '\0';
    return s;
}

aid_sipri_t *aid_sipri_detect(const char *name, char **f, size_t n, const aidstat_load_options_t *opt,
                              aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                              aidstat_error_t *err, bool *failed)
{
    *failed = false;
    const char *format = opt ? opt->format : NULL;
    if (format && strcmp(format, "sipri-trade-register") != 0 && strcmp(format, "sipri-tiv-exports") != 0)
        return NULL; /* another loader was asked for */
    sipri_kind_t kind = 0;
    const char *first = n ? f[0] : "";
    if (g_str_has_prefix(first, "Transfers of major conventional arms"))
        kind = SIPRI_REGISTER;
    else if (g_str_has_prefix(first, "TIV of arms exports from "))
        kind = SIPRI_TIV;
    if (format) {
        sipri_kind_t want = strcmp(format, "sipri-trade-register") == 0 ? SIPRI_REGISTER : SIPRI_TIV;
        if (kind != want) {
            if (want == SIPRI_REGISTER)
                aid_error_set(err, AIDSTAT_ERR_INPUT, name, 1, 1,
                              "the file does not start like a SIPRI trade register (its first line should "
                              "begin with \"%s\")",
                              "Transfers of major conventional arms");
            else
                aid_error_set(err, AIDSTAT_ERR_INPUT, name, 1, 1,
                              "the file does not start like a SIPRI TIV export table (its first line should "
                              "begin with \"%s\")",
                              "TIV of arms exports from");
            *failed = true;
            return NULL;
        }
    }
    if (!kind)
        return NULL;
    aid_sipri_t *s = g_new0(aid_sipri_t, 1);
    s->kind = kind;
    s->name = name;
    s->fn = fn;
    s->user = user;
    s->report = report;
    s->err = err;
    s->joined = g_string_new(NULL);
    s->row_bad = g_string_new(NULL);
    s->total_col = -1;
    if (kind == SIPRI_TIV) {
        /* "TIV of arms exports from United States, 1950-2021" */
        const char *from = first + strlen("TIV of arms exports from ");
        const char *comma = strrchr(from, ',');
        s->supplier = comma ? g_strndup(from, (gsize)(comma - from)) : g_strdup(from);
        g_strstrip(s->supplier);
    }
    return s;
}

void aid_sipri_free(aid_sipri_t *s)
{
    if (!s)
        return;
    g_free(s->release);
    g_strfreev(s->pending);
    g_string_free(s->joined, TRUE);
    g_string_free(s->row_bad, TRUE);
    g_free(s->marked_example);
    g_free(s->supplier);
    g_free(s->years);
    g_free(s->col_sum);
    g_free(s->col_cells);
    if (s->recipients)
        g_hash_table_destroy(s->recipients);
    g_free(s);
}

/* A banner line: keep what says the release ("Data generated: 13 Mar 2025
 * 10:02:49 AM" in the register, "Generated: 28 July 2022" in the tables). */
static void banner(aid_sipri_t *s, const char *cell)
{
    const char *p = NULL;
    if (g_str_has_prefix(cell, "Data generated:"))
        p = cell + strlen("Data generated:");
    else if (g_str_has_prefix(cell, "Generated:"))
        p = cell + strlen("Generated:");
    if (!p || s->release)
        return;
    /* the date is the first three words: day, month, year */
    char *text = g_strstrip(g_strdup(p));
    gchar **w = g_strsplit_set(text, " ", -1);
    g_free(text);
    GString *date = g_string_new(NULL);
    int k = 0;
    for (gchar **q = w; *q && k < 3; q++)
        if (**q) {
            g_string_append_printf(date, "%s%s", k ? " " : "", *q);
            k++;
        }
    s->release = g_strdup_printf("data generated %s", date->str);
    g_string_free(date, TRUE);
    g_strfreev(w);
}

static void base_record(aid_sipri_t *s, aidstat_record_t *rec, long line)
{
    memset(rec, 0, sizeof *rec);
    rec->file = s->name;
    rec->line = line;
    rec->iso3 = "";
    rec->type = AIDSTAT_TYPE_MILITARY;
    rec->currency = "TIV";
    rec->source = SOURCE;
    rec->release = s->release ? s->release : "";
}

/* SIPRI marks non-state actors with '*' and international organisations
 * with '**' after the name: the name is kept without them. */
static const char *unmark(aid_sipri_t *s, char *name)
{
    size_t k = strlen(name);
    if (!k || name[k - 1] != '*')
        return name;
    if (!s->marked_example)
        s->marked_example = g_strdup(name);
    s->marked++;
    while (k && name[k - 1] == '*')
        name[--k] = '\0';
    return rstrip(name);
}

static int emit(aid_sipri_t *s, const aidstat_record_t *in)
{
    aidstat_record_t one = *in, *rec = &one;
    char ex[512];
    /* SIPRI's files carry no codes: a name cannot contradict one */
    (void)aid_tally_identify(s->report, rec, ex, sizeof ex);
    aid_tally_record(s->report, rec);
    if (s->fn(rec, s->user)) {
        aid_error_set(s->err, AIDSTAT_ERR_ABORTED, s->name, rec->line, 0, "stopped by the caller");
        return -1;
    }
    return 0;
}

static void reject(aid_sipri_t *s, long line, const char *reason, const char *example)
{
    if (s->report)
        aid_tally_reject(s->report, line, reason, example);
}

/* ------------------------------------------------------- trade register */

static int register_header(aid_sipri_t *s, char **f, size_t n, long line)
{
    static const char *const want[C_N] = {
        [C_RECIPIENT] = "Recipient",
        [C_SUPPLIER] = "Supplier",
        [C_YEAR] = "Year of order",
        [C_YEAR_FLAG] = NULL,
        [C_NUMBER] = "Number ordered",
        [C_COMMENTS] = "Comments",
        [C_TIV_ORDER] = "SIPRI TIV for total order",
        [C_TIV_DELIVERED] = "SIPRI TIV of delivered weapons",
    };
    s->ncols = n;
    s->header_line = line;
    for (int c = 0; c < C_N; c++) {
        s->col[c] = -1;
        for (size_t i = 0; want[c] && i < n && s->col[c] < 0; i++)
            if (g_ascii_strcasecmp(f[i], want[c]) == 0)
                s->col[c] = (int)i;
        if (want[c] && s->col[c] < 0 && c != C_NUMBER) {
            aid_error_set(s->err, AIDSTAT_ERR_INPUT, s->name, line, 0,
                          "the SIPRI trade register header has no column \"%s\"", want[c]);
            return 1;
        }
    }
    /* the flag for the year of order is the nameless column after it */
    if ((size_t)s->col[C_YEAR] + 1 < n && !f[s->col[C_YEAR] + 1][0])
        s->col[C_YEAR_FLAG] = s->col[C_YEAR] + 1;
    if (s->report) {
        aid_tally_begin(s->report, s->name, "sipri-trade-register",
                        "SIPRI Arms Transfers Database: trade register (one deal per row)");
        aid_tally_note(s->report, "banner of %ld lines before the header on line %ld", line - 1, line);
        size_t blank = 0;
        for (size_t i = 0; i < n; i++)
            blank += !f[i][0];
        if (blank)
            aid_tally_note(s->report,
                           "%zu columns named \" \" (SIPRI's flags: '?' marks an uncertain figure "
                           "in the column before) are not loaded",
                           blank);
        aid_tally_caveat(s->report,
                         "SIPRI trend-indicator values (TIV) measure the volume of transfers of major "
                         "arms, not their price: they are not money");
        aid_tally_caveat(s->report,
                         "SIPRI trade register: commitments are the TIV for the total order, "
                         "deliveries the TIV of weapons delivered so far, both dated by the year of order");
    }
    return 0;
}

static int register_record(aid_sipri_t *s, char **f, long line)
{
    if (s->report)
        aid_tally_row(s->report);
    aidstat_record_t rec;
    base_record(s, &rec, line);
    const char *supplier = rstrip(f[s->col[C_SUPPLIER]]);
    const char *recipient = unmark(s, (char *)rstrip(f[s->col[C_RECIPIENT]]));
    const char *year = rstrip(f[s->col[C_YEAR]]);
    const char *order = rstrip(f[s->col[C_TIV_ORDER]]);
    const char *delivered = rstrip(f[s->col[C_TIV_DELIVERED]]);
    long y;
    double vo = 0, vd = 0;
    if (!supplier[0]) {
        reject(s, line, "supplier missing", "");
        return 0;
    }
    if (!recipient[0]) {
        reject(s, line, "recipient missing", "");
        return 0;
    }
    if (!aid_int_parse(year, &y)) {
        reject(s, line, year[0] ? "year of order is not a whole number" : "year of order missing", year);
        return 0;
    }
    if (y < 1900 || y > 2999) {
        reject(s, line, "year of order out of range", year);
        return 0;
    }
    aid_num_t ro = aid_number_parse(order, false, &vo);
    aid_num_t rd = aid_number_parse(delivered, false, &vd);
    if (ro == AID_NUM_BAD) {
        reject(s, line, "TIV is not a number (column \"SIPRI TIV for total order\")", order);
        return 0;
    }
    if (rd == AID_NUM_BAD) {
        reject(s, line, "TIV is not a number (column \"SIPRI TIV of delivered weapons\")", delivered);
        return 0;
    }
    s->no_order += ro == AID_NUM_MISSING;
    s->no_delivered += rd == AID_NUM_MISSING;
    if (ro == AID_NUM_MISSING && rd == AID_NUM_MISSING) {
        if (s->report)
            aid_tally_skipped(s->report);
        return 0;
    }
    if (s->col[C_YEAR_FLAG] >= 0 && strchr(f[s->col[C_YEAR_FLAG]], '?'))
        s->uncertain_year++;
    rec.donor = supplier;
    rec.recipient = recipient;
    rec.year = (int)y;
    if (ro == AID_NUM_OK) {
        /* the number ordered unknown: SIPRI states the order's TIV as 0,
         * which is no size but an unknown one */
        const char *number = s->col[C_NUMBER] >= 0 ? rstrip(f[s->col[C_NUMBER]]) : "-";
        if (!number[0] && vo == 0) {
            rec.flags = AIDSTAT_RECORD_SIZE_UNKNOWN;
            if (!s->unsized++)
                s->unsized_line = line;
        }
        rec.measure = AIDSTAT_MEASURE_COMMITMENT;
        rec.value = vo * TIV_SCALE;
        if (emit(s, &rec))
            return 1;
        rec.flags = 0;
    }
    if (rd == AID_NUM_OK) {
        rec.measure = AIDSTAT_MEASURE_DELIVERY;
        rec.value = vd * TIV_SCALE;
        if (emit(s, &rec))
            return 1;
    }
    if (s->report)
        aid_tally_used(s->report);
    return 0;
}

/* A fragment left waiting has no continuation: it is a short row. */
static void drop_pending(aid_sipri_t *s)
{
    if (!s->pending)
        return;
    if (s->report) {
        char reason[96];
        aid_tally_row(s->report);
        snprintf(reason, sizeof reason, "wrong number of fields (the header has %zu)", s->ncols);
        aid_tally_reject(s->report, s->pending_line, reason, "");
    }
    g_strfreev(s->pending);
    s->pending = NULL;
    s->npending = 0;
}

static int register_row(aid_sipri_t *s, char **f, size_t n, long line)
{
    /* trailing empty fields beyond the header are no fields */
    while (n > s->ncols && !f[n - 1][0])
        n--;
    if (s->pending && s->npending + n - 1 == s->ncols) {
        /* a raw newline in the last field of the fragment: the first
         * field of this line continues it */
        char **all = g_new0(char *, s->ncols + 1);
        for (size_t i = 0; i + 1 < s->npending; i++)
            all[i] = s->pending[i];
        const char *a = rstrip(s->pending[s->npending - 1]), *b = f[0];
        all[s->npending - 1] = g_strdup_printf("%s%s%s", a, a[0] && b[0] ? " " : "", b);
        for (size_t i = 1; i < n; i++)
            all[s->npending - 1 + i] = f[i];
        long first = s->pending_line;
        int r = register_record(s, all, first);
        g_string_append_printf(s->joined, "%s%ld-%ld", s->njoined ? ", " : "", first, line);
        s->njoined++;
        g_free(all[s->npending - 1]);
        g_free(all);
        g_strfreev(s->pending);
        s->pending = NULL;
        s->npending = 0;
        return r;
    }
    drop_pending(s);
    if (n == s->ncols)
        return register_record(s, f, line);
    if (n < s->ncols) {
        s->pending = g_new0(char *, n + 1);
        for (size_t i = 0; i < n; i++)
            s->pending[i] = g_strdup(f[i]);
        s->npending = n;
        s->pending_line = line;
        return 0;
    }
    if (s->report) {
        char reason[96];
        aid_tally_row(s->report);
        snprintf(reason, sizeof reason, "wrong number of fields (the header has %zu)", s->ncols);
        aid_tally_reject(s->report, line, reason, "");
    }
    return 0;
}

/* ------------------------------------------------------ TIV export table */

static int tiv_header(aid_sipri_t *s, char **f, size_t n, long line)
{
    s->header_line = line;
    s->years = g_new0(int, n);
    for (size_t i = 1; i < n; i++) {
        long y;
        if (g_ascii_strcasecmp(f[i], "Total") == 0) {
            s->total_col = (long)i;
            break;
        }
        if (!aid_int_parse(f[i], &y) || y < 1900 || y > 2999) {
            if (!f[i][0])
                break;
            aid_error_set(s->err, AIDSTAT_ERR_INPUT, s->name, line, (long)i + 1,
                          "\"%s\" in the header of a SIPRI TIV table is not a year", f[i]);
            return 1;
        }
        /* a year twice would load the second column as that year too,
         * and the year it stands for would vanish */
        for (size_t j = 0; j < s->nyears; j++)
            if (s->years[j] == (int)y) {
                aid_error_set(s->err, AIDSTAT_ERR_INPUT, s->name, line, (long)i + 1,
                              "year %ld appears twice in the header of a SIPRI TIV table "
                              "(columns %zu and %zu)",
                              y, j + 2, i + 1);
                return 1;
            }
        s->years[s->nyears++] = (int)y;
    }
    s->col_sum = g_new0(double, s->nyears + 1);
    s->col_cells = g_new0(uint64_t, s->nyears + 1);
    s->recipients = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (s->report) {
        /* a label, as aid_tally_begin's: German only when names are */
        char *who = aid_label_people(AIDSTAT_KEY_DONOR, s->supplier, NULL);
        char *d = g_strdup_printf(L_("SIPRI Arms Transfers Database: TIV of arms exports from %s (recipients "
                                     "by year)"),
                                  who);
        aid_tally_begin(s->report, s->name, "sipri-tiv-exports", d);
        g_free(d);
        g_free(who);
        aid_tally_note(s->report,
                       "banner of %ld lines before the header on line %ld; supplier %s from the title",
                       line - 1, line, s->supplier);
        if (s->total_col < 0)
            aid_tally_note(s->report, "no Total column: row totals not checked");
        aid_tally_caveat(s->report,
                         "SIPRI trend-indicator values (TIV) measure the volume of transfers of major "
                         "arms, not their price: they are not money");
        aid_tally_caveat(s->report, "SIPRI TIV tables: deliveries by year of delivery, each figure "
                                    "rounded to a whole million");
    }
    return 0;
}

/* Rounding: every figure is rounded to a whole million, so a sum of k of
 * them may differ from the rounded total by up to 0.5 k + 0.5. */
static double tolerance(uint64_t k)
{
    return 0.5 * (double)k + 0.5;
}

static void tiv_total_row(aid_sipri_t *s, char **f, size_t n, long line)
{
    s->total_row = true;
    size_t off = 0, bad = 0;
    double worst = 0;
    GString *ex = g_string_new(NULL);
    for (size_t j = 0; j < s->nyears && j + 1 < n; j++) {
        double t = 0;
        aid_num_t r = aid_number_parse(f[j + 1], false, &t);
        if (r == AID_NUM_MISSING)
            t = 0;
        double d = fabs(t - s->col_sum[j]);
        if (d > 0)
            off++;
        worst = fmax(worst, d);
        if (r == AID_NUM_BAD || d > tolerance(s->col_cells[j])) {
            if (bad < 3)
                g_string_append_printf(ex, "%s%d: %s vs %.15g", bad ? "; " : "", s->years[j], f[j + 1],
                                       s->col_sum[j]);
            bad++;
        }
    }
    if (!s->report) {
        g_string_free(ex, TRUE);
        return;
    }
    if (bad)
        aid_tally_note(s->report,
                       "Total row (line %ld) checked, not loaded: %zu of %zu yearly totals differ from the "
                       "sum of the recipients' figures, by up to %.15g",
                       line, off, s->nyears, worst);
    else
        aid_tally_note(s->report,
                       "Total row (line %ld) checked, not loaded: %zu of %zu yearly totals differ from the "
                       "sum of the recipients' figures, by up to %.15g (within SIPRI's rounding: at most "
                       "0.5 per figure summed, plus 0.5)",
                       line, off, s->nyears, worst);
    if (bad)
        aid_tally_note(s->report, "yearly totals off by more than rounding explains: %zu (%s)", bad, ex->str);
    if (s->duplicates)
        aid_tally_note_n(s->report,
                         "the Total row is compared with the recipients' rows loaded: %" PRIu64
                         " repeated recipient row was rejected, not counted",
                         "the Total row is compared with the recipients' rows loaded: %" PRIu64
                         " repeated recipient rows were rejected, not counted",
                         s->duplicates, s->duplicates);
    g_string_free(ex, TRUE);
    if (s->total_col >= 0 && (size_t)s->total_col < n) {
        double t;
        if (aid_number_parse(f[s->total_col], false, &t) == AID_NUM_OK) {
            double d = fabs(t - s->rows_total);
            if (d <= tolerance(s->nrows))
                aid_tally_note(
                    s->report,
                    "grand total %.15g: the row totals add up to %.15g, the loaded figures to %.15g "
                    "(within rounding)",
                    t, s->rows_total, s->cells_total);
            else
                aid_tally_note(
                    s->report,
                    "grand total %.15g: the row totals add up to %.15g, the loaded figures to %.15g "
                    "(more than rounding explains)",
                    t, s->rows_total, s->cells_total);
        }
    }
}

static int tiv_row(aid_sipri_t *s, char **f, size_t n, long line)
{
    const char *first = rstrip(f[0]);
    bool empty = true;
    for (size_t i = 0; i < n && empty; i++)
        empty = !f[i][0];
    if (empty)
        return 0; /* the blank row before the Total row */
    if (g_ascii_strcasecmp(first, "Total") == 0) {
        tiv_total_row(s, f, n, line);
        return 0;
    }
    if (s->report)
        aid_tally_row(s->report);
    size_t width = s->nyears + 1 + (s->total_col >= 0);
    while (n > width && !f[n - 1][0])
        n--;
    if (n != width) {
        char reason[96];
        snprintf(reason, sizeof reason, "wrong number of fields (the header has %zu)", width);
        reject(s, line, reason, "");
        return 0;
    }
    if (!first[0]) {
        reject(s, line, "recipient missing", "");
        return 0;
    }
    /* one row per recipient: a second would be counted twice */
    gpointer seen = g_hash_table_lookup(s->recipients, first);
    if (seen) {
        char reason[96];
        snprintf(reason, sizeof reason, "recipient repeated (its first row is line %ld)",
                 (long)GPOINTER_TO_SIZE(seen));
        reject(s, line, reason, first);
        s->duplicates++;
        return 0;
    }
    g_hash_table_insert(s->recipients, g_strdup(first), GSIZE_TO_POINTER((gsize)line));
    double vals[256];
    double *v = s->nyears <= 256 ? vals : g_new(double, s->nyears);
    uint64_t k = 0, zeros = 0;
    double sum = 0;
    int ret = 0;
    for (size_t j = 0; j < s->nyears; j++) {
        aid_num_t r = aid_number_parse(f[j + 1], false, &v[j]);
        if (r == AID_NUM_BAD) {
            char reason[96];
            /* the reason before its column, shown translated (tally.c, reason_shown) */
            snprintf(reason, sizeof reason, "%s (column \"%d\")", N_("TIV is not a number"), s->years[j]);
            reject(s, line, reason, f[j + 1]);
            goto done;
        }
        if (r == AID_NUM_MISSING) {
            v[j] = NAN;
            continue;
        }
        k++;
        zeros += v[j] == 0;
        sum += v[j];
    }
    if (s->total_col >= 0) {
        double t;
        aid_num_t r = aid_number_parse(f[s->total_col], false, &t);
        if (r == AID_NUM_OK) {
            double d = fabs(t - sum);
            s->rows_total += t;
            if (d > 0)
                s->row_off++;
            s->row_off_max = fmax(s->row_off_max, d);
            if (d > tolerance(k)) {
                if (s->nrow_bad < 3)
                    g_string_append_printf(s->row_bad, "%sline %ld: %s vs %.15g", s->nrow_bad ? "; " : "",
                                           line, f[s->total_col], sum);
                s->nrow_bad++;
            }
        }
    }
    if (!k) {
        if (s->report)
            aid_tally_skipped(s->report);
        goto done;
    }
    aidstat_record_t rec;
    base_record(s, &rec, line);
    rec.donor = s->supplier;
    rec.recipient = unmark(s, f[0]);
    rec.measure = AIDSTAT_MEASURE_DELIVERY;
    for (size_t j = 0; j < s->nyears && !ret; j++) {
        if (v[j] != v[j])
            continue;
        rec.year = s->years[j];
        rec.value = v[j] * TIV_SCALE;
        s->col_sum[j] += v[j];
        s->col_cells[j]++;
        ret = emit(s, &rec);
    }
    s->cells_total += sum;
    s->cells_all += k;
    s->zero_cells += zeros;
    s->nrows++;
    if (s->report)
        aid_tally_used(s->report);
done:
    if (v != vals)
        g_free(v);
    return ret;
}

/* ------------------------------------------------------------- driver */

int aid_sipri_row(aid_sipri_t *s, char **f, size_t n, long line)
{
    if (!s->header_done) {
        const char *a = n ? rstrip(f[0]) : "";
        if (s->kind == SIPRI_REGISTER && g_ascii_strcasecmp(a, "Recipient") == 0) {
            s->header_done = true;
            return register_header(s, f, n, line);
        }
        long y;
        if (s->kind == SIPRI_TIV && !a[0] && n > 1 && aid_int_parse(f[1], &y)) {
            s->header_done = true;
            return tiv_header(s, f, n, line);
        }
        if (n)
            banner(s, a);
        return 0;
    }
    return s->kind == SIPRI_REGISTER ? register_row(s, f, n, line) : tiv_row(s, f, n, line);
}

aidstat_status_t aid_sipri_finish(aid_sipri_t *s)
{
    if (!s->header_done)
        return aid_error_set(
            s->err, AIDSTAT_ERR_INPUT, s->name, 0, 0,
            s->kind == SIPRI_REGISTER
                ? "no header after the SIPRI banner (a line starting with \"Recipient,\")"
                : "no header after the SIPRI banner (a line of years starting with an empty cell)");
    drop_pending(s);
    aidstat_load_report_t *r = s->report;
    if (!r)
        return AIDSTAT_OK;
    aid_tally_provenance(r, SOURCE, s->release ? s->release : "");
    if (!s->release)
        aid_tally_note(r, "no \"Generated:\" line in the banner: release unknown");
    if (s->marked)
        aid_tally_note(r,
                       "rows whose recipient carries SIPRI's mark ('*' a non-state actor, '**' an "
                       "international organisation), loaded without it: %" PRIu64 " (first: \"%s\")",
                       s->marked, s->marked_example);
    if (s->kind == SIPRI_REGISTER) {
        if (s->njoined)
            aid_tally_note(r,
                           "records split over two lines by a raw newline in Comments, joined "
                           "again: %" PRIu64 " (lines %s)",
                           s->njoined, s->joined->str);
        if (s->no_order)
            aid_tally_note(r,
                           "rows without TIV for total order (not available), so no commitment: "
                           "%" PRIu64,
                           s->no_order);
        if (s->unsized)
            aid_tally_note(r,
                           "orders of unknown size (no number ordered, so SIPRI's TIV for total order "
                           "is 0), loaded as commitments of 0: %" PRIu64 " (first: line %ld)",
                           s->unsized, s->unsized_line);
        if (s->no_delivered)
            aid_tally_note(r,
                           "rows without TIV of delivered weapons (no deliveries identified), so "
                           "no delivery: %" PRIu64,
                           s->no_delivered);
        if (s->uncertain_year)
            aid_tally_note(r, "records with an uncertain year of order ('?'): %" PRIu64, s->uncertain_year);
    } else {
        if (s->total_col >= 0 && s->nrow_bad)
            aid_tally_note(r,
                           "row totals checked, not loaded: %" PRIu64 " of %" PRIu64
                           " differ from the sum of their years, by up to %.15g",
                           s->row_off, s->nrows, s->row_off_max);
        else if (s->total_col >= 0)
            aid_tally_note(r,
                           "row totals checked, not loaded: %" PRIu64 " of %" PRIu64
                           " differ from the sum of their years, by up to %.15g (within SIPRI's "
                           "rounding: at most 0.5 per figure summed, plus 0.5)",
                           s->row_off, s->nrows, s->row_off_max);
        if (s->nrow_bad)
            aid_tally_note(r, "row totals off by more than rounding explains: %" PRIu64 " (%s)", s->nrow_bad,
                           s->row_bad->str);
        if (!s->total_row)
            aid_tally_note(r, "no Total row: the yearly totals were not checked");
        if (s->zero_cells)
            aid_tally_note(r,
                           "%" PRIu64 " of %" PRIu64 " figures are 0, deliveries of "
                           "less than 0.5 million TIV, loaded as 0; empty cells (no deliveries) are not "
                           "records",
                           s->zero_cells, s->cells_all);
    }
    return AIDSTAT_OK;
}
