/* The row engine: a CSV's header (or a workbook sheet's first row)
 * decides each column's role (from a known profile, from its name, or from
 * --map), then every data row becomes zero or more aid records, or is
 * rejected with a counted reason. Which reader feeds it is chosen in
 * load/open.c. */
#include "config.h"
#include "load/loader.h"
#include "load/csv.h"
#include "load/encoding.h"
#include "load/sipri.h"
#include "load/number.h"
#include "data/tally.h"
#include "load/date.h"
#include "load/wide.h"
#include "load/words.h"
#include "load/kiel-main.h"
#include "load/xlsx.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/intern.h"
#include "data/period.h"
#include "data/record.h"

#include <errno.h>
#include <sys/stat.h>
#include <math.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define KIND_NONE (-100)
#define KIND_OFF (-101) /* a column of other words: no longer looked at */

/* Type and measure cells repeat a handful of spellings: remember them. */
typedef struct {
    char text[8][24];
    int value[8];
    int n, next;
} word_cache_t;

typedef struct {
    const char *name; /* for messages */
    const char *path; /* NULL for memory */
    const aidstat_load_options_t *opt;
    const aid_profile_t *profile;
    aid_column_t *cols;
    char **raw; /* header names as written */
    size_t ncols;
    int first[ROLE_COUNT]; /* first column with each role, -1 if none */
    bool header_done;
    int default_type, default_measure;
    const char *currency;
    double scale;
    char *release, *source;
    bool checksum;
    aidstat_record_fn fn;
    void *user;
    aidstat_load_report_t *report;
    aidstat_error_t *err;
    word_cache_t types, measures; /* hot-path caches */
    /* without a measure column: the first measure or transaction kind each
     * unread column names (KIND_NONE before one), its text, and the last
     * text looked at */
    int *kind;
    char **kind_text, **kind_last;
    long *kind_line;        /* or, before a kind is seen, how many other words were */
    aid_sipri_t *sipri;     /* a SIPRI export takes the rows over */
    const aid_rows_t *rows; /* where rows come from (a workbook sheet), or NULL for CSV */
    aid_kiel_t *kiel;       /* the Kiel MAIN DATA sheet, read by its own rules */
    const bool *suspect;    /* the reader's word on whether the row needs a closer look */
    const bool *trimmed;    /* and on whether its fields are trimmed already */
    const aid_csv_t *csv;   /* the CSV reader, or NULL for a sheet */
    /* ';' files with no decimal mark given: each value column's mark is
     * decided by its own values (see marked_row) */
    bool marks;
    aid_mark_t *mark;  /* per column: AID_MARK_NONE (undecided), _POINT or _COMMA */
    long *mark_line;   /* the line whose value decided it */
    char **mark_text;  /* and that value */
    long *either_line; /* the first "1.500" met while undecided */
    char **either_text;
    GPtrArray *held;         /* rows held back until their columns are decided */
    int *numcols;            /* the number columns, nnum of them */
    size_t nnum, waiting;    /* waiting: columns with a "1.500" and no mark yet */
    aid_dates_t *dates;      /* the date column's day/month order (date.c) */
    size_t wide_periods;     /* period columns of a wide layout (wide.c) */
    uint64_t cell_scaled[3]; /* value cells with their own scale word: thousands, millions, billions */
    long cell_scaled_line;   /* the first of them */
    char *cell_scaled_text;  /* and its text */
    uint64_t invisible;      /* zero-width characters and BOMs removed from names */
    long invisible_line;     /* the first line that had one */
    /* per distinct donor cell (the first AID_DONOR_CACHE): whether it
     * names a sum over donors, 0 before it is looked at, else 1 + the answer */
    aid_intern_t *donor_cells;
    aid_intern_cache_t *donor_cache;
    GArray *aggregate; /* guint8 per donor cell id */
} loader_t;

void aidstat_load_options_init(aidstat_load_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
}

static const char *trim(char *s)
{
    if (s[0] != ' ' && s[0] != '\t' && (s[0] == '\0' || (s[1] == '\0' && s[0] != '\r')))
        return s;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static const char *role_field_names[ROLE_COUNT] = {
    [ROLE_IGNORE] = "ignore",     [ROLE_DONOR] = "donor",
    [ROLE_ISO3] = "iso3",         [ROLE_RECIPIENT] = "recipient",
    [ROLE_YEAR] = "year",         [ROLE_MONTH] = "month",
    [ROLE_DAY] = "day",           [ROLE_DATE] = "date",
    [ROLE_TYPE] = "type",         [ROLE_MEASURE] = "measure",
    [ROLE_VALUE] = "value",       [ROLE_WIDE] = NULL,
    [ROLE_CHECKSUM] = NULL,       [ROLE_CURRENCY] = "currency",
    [ROLE_UNIT] = "unit",         [ROLE_GDP] = "gdp",
    [ROLE_GDP_YEAR] = "gdp_year", [ROLE_SOURCE] = "source",
    [ROLE_RELEASE] = "release",
};

static const char *scale_name(double s)
{
    /* words inside notes: in the messages' language */
    return s == 1e9 ? _("billions") : s == 1e6 ? _("millions") : s == 1e3 ? _("thousands") : _("units");
}

/* Say which scale each amount column is read in and where it was found:
 * "Betrag (Mio. EUR)" is millions, not euros. */
static void scale_notes(loader_t *L)
{
    bool unit_col = L->first[ROLE_UNIT] >= 0;
    for (size_t i = 0; i < L->ncols; i++) {
        const aid_column_t *c = &L->cols[i];
        if (c->role != ROLE_VALUE && c->role != ROLE_WIDE && c->role != ROLE_GDP)
            continue;
        if (c->scale > 0 && unit_col)
            aid_tally_note(
                L->report,
                "column \"%s\" read in %s, as its header says (the unit column is not used for it)",
                L->raw[i], scale_name(c->scale));
        else if (c->scale > 0)
            aid_tally_note(L->report, "column \"%s\" read in %s, as its header says", L->raw[i],
                           scale_name(c->scale));
        else if (unit_col)
            aid_tally_note(L->report, "column \"%s\" read in the unit each row's column \"%s\" names",
                           L->raw[i], L->raw[L->first[ROLE_UNIT]]);
        else if (L->opt->unit_scale > 0)
            aid_tally_note(L->report, "column \"%s\" read in %s, as stated", L->raw[i],
                           scale_name(L->opt->unit_scale));
    }
}

/* Apply one --map "field=column". */
static aidstat_status_t apply_map(loader_t *L, const char *spec)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec || !eq[1])
        return aid_error_set(L->err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "\001map \"%s\"\002: expected FIELD=COLUMN", spec);
    char *field = g_strndup(spec, (gsize)(eq - spec));
    const char *colname = eq + 1;
    aidstat_status_t st = AIDSTAT_OK;
    long col = -1;
    char *want = aid_header_normalize(colname);
    for (size_t i = 0; i < L->ncols && col < 0; i++)
        if (g_ascii_strcasecmp(L->raw[i], colname) == 0)
            col = (long)i;
    for (size_t i = 0; i < L->ncols && col < 0; i++) {
        char *n = aid_header_normalize(L->raw[i]);
        if (strcmp(n, want) == 0)
            col = (long)i;
        g_free(n);
    }
    g_free(want);
    aid_column_t c = {ROLE_IGNORE, -1, -1, 0, NULL, 0, 0, false};
    int role = -1, t, m;
    for (int r = 0; r < ROLE_COUNT; r++)
        if (role_field_names[r] && g_ascii_strcasecmp(field, role_field_names[r]) == 0)
            role = r;
    if (role >= 0) {
        c.role = (aid_role_t)role;
    } else if ((t = aid_type_parse(field)) >= 0) {
        c.role = ROLE_WIDE;
        c.type = t;
    } else if ((m = aid_measure_parse(field)) >= 0) {
        c.role = ROLE_WIDE;
        c.type = -1; /* the row's type, or all types */
        c.measure = m;
    } else {
        st = aid_error_set(L->err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                           "\001map \"%s\"\002: unknown field \"%s\" (fields: donor, iso3, recipient, "
                           "year, month, day, date, type, measure, value, currency, unit, gdp, "
                           "gdp_year, source, release, ignore, or an aid type or measure)",
                           spec, field);
        goto out;
    }
    if (col < 0) {
        st = aid_error_set(L->err, AIDSTAT_ERR_USAGE, L->name, 1, 0,
                           "\001map \"%s\"\002: the header has no column \"%s\"", spec, colname);
        goto out;
    }
    /* the mapped column takes the role from any column that guessed it */
    if (c.role != ROLE_WIDE && c.role != ROLE_IGNORE)
        for (size_t i = 0; i < L->ncols; i++)
            if (L->cols[i].role == c.role)
                L->cols[i].role = ROLE_IGNORE;
    c.currency = L->cols[col].currency;
    c.scale = L->cols[col].scale;
    L->cols[col] = c;
out:
    g_free(field);
    return st;
}

/* release_info.csv beside a Kiel file names the release. */
static int release_row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    char **label = user;
    (void)lens;
    if (line > 1 && n >= 2 && !*label)
        *label = aid_kiel_release_label(trim(f[0]), trim(f[1]));
    return 0;
}

static void find_release(loader_t *L)
{
    if (!L->path)
        return;
    char *dir = g_path_get_dirname(L->path);
    char *info = g_build_filename(dir, "release_info.csv", NULL);
    FILE *fp = fopen(info, "rb");
    if (fp) {
        aid_csv_t *c = aid_csv_new(info, ',');
        aid_csv_read(c, fp, NULL, 0, release_row, &L->release, NULL);
        aid_csv_free(c);
        fclose(fp);
    }
    if (L->report) {
        if (L->release)
            aid_tally_note(L->report, "release from %s: %s", info, L->release);
        else
            aid_tally_note(L->report, "no release_info.csv beside the file: release unknown");
    }
    g_free(info);
    g_free(dir);
}

static bool is_number_column(const aid_column_t *c)
{
    return c->role == ROLE_VALUE || c->role == ROLE_WIDE || c->role == ROLE_CHECKSUM || c->role == ROLE_GDP;
}

/* Which reader the header calls for: the Kiel MAIN DATA sheet's own
 * (*kiel), a profile named or matched, or the generic one. */
static aidstat_status_t header_format(loader_t *L, char **norm, size_t n, bool *kiel)
{
    aidstat_status_t st = AIDSTAT_OK;
    const char *format = L->opt->format;
    bool want_kiel = format && !strcmp(format, AID_KIEL_MAIN_FORMAT);
    if ((!format || want_kiel) && !L->opt->map && aid_kiel_detect(norm, n)) {
        L->kiel = aid_kiel_new(L->name, L->raw, norm, n, L->rows && L->rows->date1904,
                               L->rows ? L->rows->release : NULL, L->report);
        if (L->report && !(L->rows && L->rows->release))
            aid_tally_note(L->report, "the file does not name its release");
        *kiel = true;
        return st;
    }
    if (want_kiel) {
        st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, 0,
                           "the header does not match format %s (it needs donor or countries, "
                           "type of aid general and converted value in EUR)",
                           AID_KIEL_MAIN_FORMAT);
        return st;
    }
    if (format && strcmp(format, "csv") != 0) {
        L->profile = aid_profile_find(format);
        if (!L->profile) {
            st = aid_error_set(L->err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                               "\001input-format\002: unknown format \"%s\" (formats: %s, %s)", format,
                               aid_profile_names(), AID_SIPRI_FORMATS);
            return st;
        }
        const aid_profile_t *match = aid_profile_match(norm, n);
        if (!match || strcmp(match->name, L->profile->name) != 0) {
            st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, 0,
                               "the header does not match format %s", format);
            return st;
        }
    } else if (!format) {
        L->profile = aid_profile_match(norm, n);
        const char *ref = L->profile || L->opt->map ? NULL : aid_reference_layout(norm, n);
        if (ref) {
            if (L->report)
                aid_tally_role(L->report, AIDSTAT_DATASET_REFERENCE);
            st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, 0,
                               "%s: use it as such, or map its columns to load it as aid", _(ref));
            return st;
        }
    }
    return st;
}

/* Each column's role, from the profile, the names or the map: one
 * column per role, and no two columns for one aid type and measure. */
static aidstat_status_t header_roles(loader_t *L, char **norm, size_t n)
{
    aidstat_status_t st = AIDSTAT_OK;
    const char *format = L->opt->format;
    if (L->profile && format) /* a format's older header is a profile of the same name */
        L->profile = aid_profile_match(norm, n);
    if (L->profile) {
        memcpy(L->cols, L->profile->columns, n * sizeof *L->cols);
    } else {
        for (size_t i = 0; i < n; i++)
            L->cols[i] = aid_column_guess(norm[i]);
    }
    for (const char *const *m = L->opt->map; m && *m; m++)
        if ((st = apply_map(L, *m)) != AIDSTAT_OK)
            return st;
    if ((st = aid_words_check(L->opt->words, L->err)) != AIDSTAT_OK)
        return st;
    L->wide_periods = L->profile ? 0 : aid_wide_periods(L->raw, L->cols, n, L->report);

    /* one column per role; later duplicates are ignored */
    for (int r = 0; r < ROLE_COUNT; r++)
        L->first[r] = -1;
    bool split = false;
    for (size_t i = 0; i < n; i++) {
        aid_column_t *c = &L->cols[i];
        if (c->role == ROLE_WIDE || c->role == ROLE_CHECKSUM) {
            if (L->first[c->role] < 0)
                L->first[c->role] = (int)i;
            split |= c->role == ROLE_WIDE && c->type >= 0 && c->type != AIDSTAT_TYPE_TOTAL;
            continue;
        }
        if (c->role == ROLE_IGNORE)
            continue;
        if (L->first[c->role] >= 0) {
            if (L->report)
                aid_tally_note(L->report, "column \"%s\" ignored: column \"%s\" already gives the %s",
                               L->raw[i], L->raw[L->first[c->role]], role_field_names[c->role]);
            c->role = ROLE_IGNORE;
            continue;
        }
        L->first[c->role] = (int)i;
    }
    /* a generic "total" column beside type columns would count twice */
    if (!L->profile && split)
        for (size_t i = 0; i < n; i++)
            if (L->cols[i].role == ROLE_WIDE && L->cols[i].type == AIDSTAT_TYPE_TOTAL &&
                L->cols[i].measure < 0) {
                L->cols[i].role = ROLE_IGNORE;
                if (L->report)
                    aid_tally_note(L->report,
                                   "column \"%s\" ignored: the aid-type columns are loaded instead",
                                   L->raw[i]);
            }
    if (L->first[ROLE_VALUE] >= 0 && L->first[ROLE_WIDE] >= 0) {
        for (size_t i = 0; i < n; i++)
            if (L->cols[i].role == ROLE_WIDE) {
                L->cols[i].role = ROLE_IGNORE;
                if (L->report)
                    aid_tally_note(L->report, "column \"%s\" ignored: values come from column \"%s\"",
                                   L->raw[i], L->raw[L->first[ROLE_VALUE]]);
            }
        L->first[ROLE_WIDE] = -1;
    }
    /* two columns for one aid type and measure ("military" and
     * "Military", or "military_eur_m") would be added together */
    for (size_t i = 0; !L->profile && i < n; i++)
        for (size_t j = i + 1; L->cols[i].role == ROLE_WIDE && j < n; j++)
            if (L->cols[j].role == ROLE_WIDE && L->cols[j].type == L->cols[i].type &&
                L->cols[j].measure == L->cols[i].measure && L->cols[j].year == L->cols[i].year &&
                L->cols[j].month == L->cols[i].month) {
                int t = L->cols[i].type, m = L->cols[i].measure;
                char *what = g_strdup_printf(
                    "%s aid%s%s", t >= 0 ? aidstat_type_name((aidstat_type_t)t) : "all types of",
                    m >= 0 ? " as " : "", m >= 0 ? aidstat_measure_name((aidstat_measure_t)m) : "");
                st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, (long)j + 1,
                                   "columns \"%s\" (%zu) and \"%s\" (%zu) both hold %s: one "
                                   "column per aid type and measure, so one of them must go",
                                   L->raw[i], i + 1, L->raw[j], j + 1, what);
                g_free(what);
                return st;
            }
    return st;
}

/* The per-column state the rows need: decimal marks and measure words. */
static void header_readers(loader_t *L, size_t n)
{
    L->checksum = L->first[ROLE_CHECKSUM] >= 0;
    char delim = L->csv ? aid_csv_delimiter(L->csv) : 0;
    if ((delim == ';' || delim == '\t') && !L->opt->decimal_comma && !L->opt->decimal_point) {
        /* Excel writes ';' files (and tab-separated "Unicode text") where
         * ',' is the decimal mark: there "1.500" is 1500, elsewhere 1.5 */
        L->marks = true;
        L->mark = g_new0(aid_mark_t, n);
        L->mark_line = g_new0(long, n);
        L->mark_text = g_new0(char *, n + 1);
        L->either_line = g_new0(long, n);
        L->either_text = g_new0(char *, n + 1);
        L->numcols = g_new0(int, n + 1);
        for (size_t i = 0; i < n; i++)
            if (is_number_column(&L->cols[i]))
                L->numcols[L->nnum++] = (int)i;
    }
    if (L->first[ROLE_DATE] >= 0)
        L->dates =
            aid_dates_new(L->name, L->raw[L->first[ROLE_DATE]], L->first[ROLE_DATE], L->opt->date_order);
    if (!L->profile && L->first[ROLE_MEASURE] < 0) {
        L->kind = g_new(int, n);
        for (size_t i = 0; i < n; i++)
            L->kind[i] = KIND_NONE;
        L->kind_text = g_new0(char *, n + 1);
        L->kind_last = g_new0(char *, n + 1);
        L->kind_line = g_new0(long, n);
    }
}

/* The columns a record needs. */
static aidstat_status_t header_required(loader_t *L)
{
    aidstat_status_t st = AIDSTAT_OK;
    const aid_profile_t *P = L->profile;
    if (P && strcmp(P->name, "kiel-release-info") == 0) {
        /* no records; nothing is required */
    } else {
        if (L->first[ROLE_DONOR] < 0 && !(P && P->donor)) {
            st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, 0,
                               "no donor column in the header (looked for country, donor, "
                               "supplier, name; use \001map donor=COLUMN\002)");
            return st;
        }
        if (L->first[ROLE_VALUE] < 0 && L->first[ROLE_WIDE] < 0) {
            st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, 0,
                               "no value column in the header (looked for value, amount, eur, "
                               "usd, or aid-type columns such as military; use \001map value=COLUMN\002)");
            return st;
        }
        if (L->first[ROLE_YEAR] < 0 && L->first[ROLE_DATE] < 0 && !(P && P->no_period) && !L->wide_periods &&
            L->report)
            aid_tally_note(L->report, "no year or date column: records carry no period");
        if (L->first[ROLE_MONTH] >= 0 && L->first[ROLE_YEAR] < 0) {
            st = aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, 1, (long)L->first[ROLE_MONTH] + 1,
                               "a month column without a year column");
            return st;
        }
    }
    return st;
}

/* What the rows take from the header and the profile, and what the load
 * report says of it. */
static void header_settle(loader_t *L, char **norm, size_t n)
{
    const aid_profile_t *P = L->profile;
    if (L->report && L->first[ROLE_MEASURE] >= 0) {
        char *mn = aid_header_normalize(L->raw[L->first[ROLE_MEASURE]]);
        if (aid_header_is_transaction(mn))
            aid_tally_caveat(L->report, "transaction kinds read as measures: obligations as commitments, "
                                        "disbursements as deliveries; appropriations and budget requests "
                                        "are not aid given and are rejected");
        g_free(mn);
    }
    L->default_type = P && P->type >= 0 ? P->type : AIDSTAT_TYPE_TOTAL;
    L->default_measure = P && P->measure >= 0 ? P->measure : AIDSTAT_MEASURE_ALLOCATION;
    bool wide_needs_measure = false;
    for (size_t i = 0; i < n; i++)
        wide_needs_measure |= L->cols[i].role == ROLE_WIDE && L->cols[i].measure < 0;
    if (L->report && !P && L->first[ROLE_MEASURE] < 0 && (L->first[ROLE_VALUE] >= 0 || wide_needs_measure))
        aid_tally_note(L->report, "no measure column: values are taken as allocations");
    if (L->report && !P && L->first[ROLE_TYPE] < 0 && L->first[ROLE_VALUE] >= 0)
        aid_tally_note(L->report, "no aid-type column: values are all types together (type total)");
    L->scale = L->opt->unit_scale > 0 ? L->opt->unit_scale : (P ? P->scale : 1.0);
    if (L->report && !P)
        scale_notes(L);
    L->currency = L->opt->currency ? L->opt->currency : (P && P->currency ? P->currency : "EUR");
    L->source = g_strdup(P && P->source ? P->source : "");
    if (P && P->kiel_release)
        find_release(L);
    if (L->report && P && P->note)
        aid_tally_caveat(L->report, P->note);
    if (L->report && !(P && strcmp(P->name, "kiel-release-info") == 0)) {
        GString *ign = g_string_new(NULL);
        for (size_t i = 0; i < n; i++)
            if (L->cols[i].role == ROLE_IGNORE)
                g_string_append_printf(ign, "%s%s", ign->len ? ", " : "", L->raw[i]);
        if (ign->len)
            aid_tally_note(L->report, "columns not loaded: %s", ign->str);
        g_string_free(ign, TRUE);
    }
    if (L->report && P)
        aid_tally_role(L->report, P->role);
    else if (L->report && aid_inventory_layout(norm, n)) {
        aid_tally_role(L->report, AIDSTAT_DATASET_INVENTORY);
        aid_tally_caveat(L->report, "the file counts items (a quantity beside a weapon, system or "
                                    "category column): an inventory, part of the aid it values, "
                                    "not in addition to it");
    }
    if (L->report && L->rows)
        aid_tally_begin(L->report, L->name, P ? P->name : "xlsx",
                        P ? P->description : "XLSX sheet (columns matched by header names)");
    else if (L->report)
        aid_tally_begin(L->report, L->name, P ? P->name : "csv",
                        P ? P->description : "generic CSV (columns matched by header names)");
}

static aidstat_status_t header(loader_t *L, char **f, size_t n)
{
    L->ncols = n;
    L->cols = g_new0(aid_column_t, n);
    L->raw = g_new0(char *, n + 1);
    char **norm = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        L->raw[i] = g_strdup(trim(f[i]));
        norm[i] = aid_header_normalize(L->raw[i]);
    }
    bool kiel = false;
    aidstat_status_t st = header_format(L, norm, n, &kiel);
    if (st == AIDSTAT_OK && !kiel)
        st = header_roles(L, norm, n);
    if (st == AIDSTAT_OK && !kiel) {
        header_readers(L, n);
        st = header_required(L);
    }
    if (st == AIDSTAT_OK && !kiel)
        header_settle(L, norm, n);
    g_strfreev(norm);
    return st;
}

static int reject(loader_t *L, long line, const char *reason, const char *example)
{
    if (L->report)
        aid_tally_reject(L->report, line, reason, example);
    return 0;
}

static int reject_col(loader_t *L, long line, const char *what, int col, const char *example)
{
    char *name = aid_tally_clip(L->raw[col], 80);
    char *reason = g_strdup_printf("%s (column \"%s\")", what, name);
    reject(L, line, reason, example);
    g_free(reason);
    g_free(name);
    return 0;
}

/* Resolve the row's donor through the country table; a name and code that
 * name different countries reject the row. */
static bool identify(loader_t *L, long line, aidstat_record_t *rec)
{
    char ex[2 * AID_MAX_NAME + 64];
    if (aid_tally_identify(L->report, rec, ex, sizeof ex))
        return true;
    reject_col(L, line, "donor code contradicts the donor name", L->first[ROLE_ISO3], ex);
    return false;
}

/* Whether a name or text cell is fit to be a record's string: at most max
 * bytes (Pango and case folding would choke on megabyte names). Rejects the row
 * and returns false when not. */
static bool text_ok(loader_t *L, long line, int c, const char *s, size_t bound, const char *what, size_t max)
{
    if (bound <= max) /* the field before trimming: most are short */
        return true;
    /* Only the length: every row reaches here as valid UTF-8 already (the
     * CSV reader's decoder checks or converts the bytes, libxml2 does for
     * workbooks), so checking the text again would cost a tenth of a load. */
    size_t n = strlen(s);
    char reason[64];
    if (n > max)
        snprintf(reason, sizeof reason, "%s longer than %zu bytes", what, max);
    else
        return true;
    reject_col(L, line, reason, c, s);
    return false;
}

/* A field's text for a message, with control characters spelled out
 * ("1\\0 0000") so that it neither hides nor moves the terminal's text. */
static char *escape_field(const char *s, size_t len)
{
    GString *out = g_string_sized_new(len + 8);
    for (size_t i = 0; i < len && out->len < 120; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == 0)
            g_string_append(out, "\\0");
        else if (ch == '\t')
            g_string_append(out, "\\t");
        else if (ch == '\n')
            g_string_append(out, "\\n");
        else if (ch == '\r')
            g_string_append(out, "\\r");
        else if (ch < 0x20 || ch == 0x7F)
            g_string_append_printf(out, "\\x%02X", ch);
        else
            g_string_append_c(out, (char)ch);
    }
    return g_string_free(out, FALSE);
}

/* U+200B-U+200D, U+2060 and U+FEFF draw as nothing: inside a name they
 * would make a second donor that prints exactly like the first. Returns
 * the length of the character at p, or 0. */
static size_t invisible_at(const unsigned char *p)
{
    if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x8B && p[2] <= 0x8D)
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA0)
        return 3;
    if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return 3;
    return 0;
}

/* Remove the invisible characters from a name, in place, counting them. */
static void drop_invisible(loader_t *L, long line, char *s)
{
    unsigned char *p = (unsigned char *)s, *w = p;
    while (*p) {
        size_t k = invisible_at(p);
        if (k) {
            if (!L->invisible++)
                L->invisible_line = line;
            p += k;
            continue;
        }
        *w++ = *p++;
    }
    *w = '\0';
}

/* The closer look at a row the reader flagged: a NUL inside a loaded field
 * ends its C string early ("1\0 0000" would read as 1, "Germany\0 (East)"
 * as Germany), and other control characters have no place in a name, a
 * number or a code; either rejects the row. Blanks around a field are
 * trimmed as usual. Invisible characters are dropped from names. */
static bool fields_clean(loader_t *L, long line, char **f, const size_t *lens, size_t n)
{
    for (size_t i = 0; i < n && i < L->ncols; i++) {
        if (L->cols[i].role == ROLE_IGNORE)
            continue;
        const unsigned char *a = (const unsigned char *)f[i], *b = a + lens[i];
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
            b--;
        for (const unsigned char *p = a; p < b; p++)
            if (*p < 0x20 || *p == 0x7F) {
                char reason[64];
                if (*p == 0)
                    snprintf(reason, sizeof reason, "%s", N_("NUL character inside the field"));
                else
                    snprintf(reason, sizeof reason, "control character U+%04X inside the field", *p);
                char *shown = escape_field(f[i], lens[i]);
                reject_col(L, line, reason, (int)i, shown);
                g_free(shown);
                return false;
            }
    }
    int names[] = {L->first[ROLE_DONOR], L->first[ROLE_ISO3], L->first[ROLE_RECIPIENT]};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++)
        if (names[k] >= 0 && (size_t)names[k] < n)
            drop_invisible(L, line, f[names[k]]);
    return true;
}

/* Whether column c's numbers have a decimal comma. */
static inline bool comma_at(const loader_t *L, size_t c)
{
    return L->marks ? L->mark[c] == AID_MARK_COMMA : L->opt->decimal_comma;
}

static int cached_parse(word_cache_t *wc, const char *s, int (*parse)(const char *))
{
    /* the first byte tells most words apart without a call */
    for (int i = 0; i < wc->n; i++)
        if (wc->text[i][0] == s[0] && strcmp(wc->text[i], s) == 0)
            return wc->value[i];
    int v = parse(s);
    if (strlen(s) < sizeof wc->text[0]) {
        int k = wc->next;
        wc->next = (wc->next + 1) % 8;
        if (wc->n < 8)
            wc->n++;
        strcpy(wc->text[k], s);
        wc->value[k] = v;
    }
    return v;
}

static const char *mark_name(aid_mark_t m)
{
    /* words inside messages: in the messages' language */
    return m == AID_MARK_COMMA ? _("a decimal comma") : _("a decimal point");
}

/* A value that has the other mark than its column: the rows before it were
 * read by the column's mark, so this is an error, not a rejected row. */
static int contradiction(loader_t *L, long line, int c, const char *s, aid_mark_t m)
{
    char *name = aid_tally_clip(L->raw[c], 80);
    char *text = aid_tally_clip(s, 40), *was = aid_tally_clip(L->mark_text[c], 40);
    aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, line, (long)c + 1,
                  /* the advice is AID_MARK_ADVICE, written out for the catalogue */
                  "value \"%s\" has %s, but column \"%s\" has %s (line %ld: \"%s\"); state the decimal mark",
                  text, mark_name(m), name, mark_name(L->mark[c]), L->mark_line[c], was);
    g_free(name);
    g_free(text);
    g_free(was);
    return -1;
}

/* A number that does not parse rejects its row; in a column whose mark was
 * decided, one with the other mark (each of those fails to parse by the
 * column's mark) stops the load instead. */
static int not_a_number(loader_t *L, long line, int c, const char *s, const char *what)
{
    if (L->marks && L->mark[c] != AID_MARK_NONE) {
        aid_mark_t m = aid_number_mark(s);
        if (m != AID_MARK_NONE && m != AID_MARK_EITHER && m != L->mark[c])
            return contradiction(L, line, c, s, m);
    }
    /* a ',' file's quoted "749,5": say why it is no number */
    double x;
    if (!L->marks && !comma_at(L, c) && aid_number_mark(s) == AID_MARK_COMMA &&
        aid_number_parse(s, true, &x) == AID_NUM_OK)
        return reject_col(
            L, line, "value has a decimal comma, but the file's numbers are read with a decimal point", c, s);
    return reject_col(L, line, what, c, s);
}

/* A file without a measure column whose unread column names several
 * measures or transaction kinds ("Obligations", "Disbursements") would add
 * them up as one: an error at the cell naming the column. */
static bool kinds_mixed(loader_t *L, char **f, long line)
{
    for (size_t i = 0; i < L->ncols; i++) {
        const char *s = f[i];
        if (L->kind[i] == KIND_OFF || L->cols[i].role != ROLE_IGNORE || !s[0] || strlen(s) > 64 ||
            g_ascii_isdigit(s[0]) || (L->kind_last[i] && strcmp(L->kind_last[i], s) == 0))
            continue;
        g_free(L->kind_last[i]);
        L->kind_last[i] = g_strdup(s);
        int m = aid_measure_or_transaction(s);
        if (m == -1) {
            /* a column of kinds names little else: after 16 other words
             * without a kind, this one is names or notes */
            if (L->kind[i] == KIND_NONE && ++L->kind_line[i] >= 16)
                L->kind[i] = KIND_OFF;
            continue;
        }
        if (L->kind[i] == KIND_NONE) {
            L->kind[i] = m;
            L->kind_text[i] = g_strdup(s);
            L->kind_line[i] = line;
        } else if (L->kind[i] != m) {
            char *col = aid_tally_clip(L->raw[i], 80);
            aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, line, (long)i + 1,
                          "column \"%s\" names several measures or transaction kinds (\"%s\" on "
                          "line %ld, \"%s\" here), and no column is read as the measure: their "
                          "values would be added up as one; read it as the measure "
                          "(measure=%s)",
                          col, L->kind_text[i], L->kind_line[i], s, col);
            g_free(col);
            return true;
        }
    }
    return false;
}

/* data_row's phases return ROW_GO when the row goes on to the next, else
 * what data_row returns: 0 (used, skipped or rejected) or -1 (stop). */
#define ROW_GO 1

/* The row's shape: clean fields, trimmed, as many as the header has. */
static int row_shape(loader_t *L, char **f, const size_t *lens, size_t *np, long line)
{
    size_t n = *np;
    if (L->report)
        aid_tally_row(L->report);
    if (*L->suspect && !fields_clean(L, line, f, lens, n))
        return 0;
    /* trim every field once, in place, unless the reader did (a closer
     * look may have dropped invisible characters before a blank) */
    bool trim_all = !*L->trimmed || *L->suspect;
    for (size_t i = 0; trim_all && i < n; i++) {
        size_t k = lens[i];
        if (k && (f[i][0] == ' ' || f[i][0] == '\t' || f[i][k - 1] == ' ' || f[i][k - 1] == '\t' ||
                  f[i][k - 1] == '\r'))
            f[i] = (char *)trim(f[i]);
    }
    if (n > L->ncols) {
        bool extra = false;
        for (size_t i = L->ncols; i < n; i++)
            extra |= f[i][0] != '\0';
        if (!extra)
            n = L->ncols;
    }
    if (n != L->ncols) {
        char reason[96];
        snprintf(reason, sizeof reason, "wrong number of fields (the header has %zu)", L->ncols);
        return reject(L, line, reason, "");
    }
    if (L->kind && kinds_mixed(L, f, line))
        return -1;
    *np = n;
    return ROW_GO;
}

/* Donor cells repeat a few dozen names, and aid_donor_is_aggregate
 * normalises each and compares it with two dozen words: its answer is
 * kept per name, found through the interner's cache (no hashing of the
 * whole name per row), for the first AID_DONOR_CACHE names. */
#define AID_DONOR_CACHE 1024
static bool donor_aggregate(loader_t *L, const char *name)
{
    if (!L->donor_cells) {
        L->donor_cells = g_new0(aid_intern_t, 1);
        aid_intern_init(L->donor_cells);
        L->donor_cache = g_new0(aid_intern_cache_t, 1);
        L->aggregate = g_array_new(FALSE, TRUE, sizeof(guint8));
    }
    uint32_t id;
    if (aid_intern_count(L->donor_cells) < AID_DONOR_CACHE)
        id = aid_intern_cached(L->donor_cells, L->donor_cache, name);
    else if ((id = aid_intern_find(L->donor_cells, name)) == UINT32_MAX)
        return aid_donor_is_aggregate(name);
    if (id >= L->aggregate->len)
        g_array_set_size(L->aggregate, id + 1);
    guint8 *v = &g_array_index(L->aggregate, guint8, id);
    if (!*v)
        *v = 1 + aid_donor_is_aggregate(name);
    return *v == 2;
}

/* Who gave it, and to whom. */
static int row_who(loader_t *L, char **f, const size_t *lens, long line, aidstat_record_t *rec)
{
    int c;
    if ((c = L->first[ROLE_DONOR]) >= 0)
        rec->donor = f[c];
    if (!rec->donor[0])
        return reject(L, line, "donor missing", "");
    if (c >= 0 && !text_ok(L, line, c, f[c], lens[c], "donor name", AID_MAX_NAME))
        return 0;
    /* a split's records are totals over donors (Kiel's sourcing split covers all of them) */
    if (c >= 0 && !(L->profile && L->profile->role == AIDSTAT_DATASET_SPLIT) &&
        donor_aggregate(L, rec->donor))
        return reject_col(L, line, "a total over donors, not a donor", c, rec->donor);
    if ((c = L->first[ROLE_ISO3]) >= 0) {
        if (!text_ok(L, line, c, f[c], lens[c], "donor code", AID_MAX_NAME))
            return 0;
        rec->iso3 = f[c];
    }
    if ((c = L->first[ROLE_RECIPIENT]) >= 0 && f[c][0]) {
        if (!text_ok(L, line, c, f[c], lens[c], "recipient name", AID_MAX_NAME))
            return 0;
        rec->recipient = f[c];
    }
    return ROW_GO;
}

/* When: a date, or year, month and day. */
static int row_when(loader_t *L, char **f, long line, aidstat_record_t *rec)
{
    const aid_profile_t *P = L->profile;
    long v;
    int c;
    if ((c = L->first[ROLE_DATE]) >= 0) {
        const char *why;
        const char *s = f[c];
        aid_date_t dt;
        if (aid_dates_read(L->dates, s, &dt, &why) != AID_DATE_OK)
            return reject_col(L, line, s[0] ? why : "date missing", c, s);
        rec->year = dt.year, rec->month = dt.month, rec->day = dt.day;
        if (dt.quarter)
            rec->flags |= AIDSTAT_RECORD_QUARTER;
    }
    /* aidstat's long format writes records without a period (the Kiel
     * heavy-weapons file, say) with year and month empty */
    bool undated = (c = L->first[ROLE_YEAR]) >= 0 && !f[c][0] &&
                   (L->first[ROLE_MONTH] < 0 || !f[L->first[ROLE_MONTH]][0]) && P &&
                   !strcmp(P->name, "aidstat-long");
    if ((c = L->first[ROLE_YEAR]) >= 0 && !undated) {
        if (!aid_int_parse(f[c], &v))
            return reject_col(L, line, f[c][0] ? "year is not a whole number" : "year missing", c, f[c]);
        if (v < 1900 || v > 2999)
            return reject_col(L, line, "year out of range", c, f[c]);
        rec->year = (int)v;
    }
    if ((c = L->first[ROLE_MONTH]) >= 0 && f[c][0]) {
        if (!aid_int_parse(f[c], &v))
            return reject_col(L, line, "month is not a whole number", c, f[c]);
        if (v < 1 || v > 12)
            return reject_col(L, line, "month out of range", c, f[c]);
        rec->month = (int)v;
    }
    if ((c = L->first[ROLE_DAY]) >= 0 && f[c][0]) {
        if (!aid_int_parse(f[c], &v))
            return reject_col(L, line, "day is not a whole number", c, f[c]);
        if (v < 1 || v > aid_days_in_month(rec->year, rec->month))
            return reject_col(L, line, "day out of range", c, f[c]);
        rec->day = (int)v;
    }
    return ROW_GO;
}

/* What: type, measure, currency and unit, GDP, source and release. */
static int row_what(loader_t *L, char **f, const size_t *lens, long line, aidstat_record_t *rec,
                    double *scale)
{
    const aid_profile_t *P = L->profile;
    long v;
    int c;
    if ((c = L->first[ROLE_TYPE]) >= 0) {
        const char *s = f[c];
        int t = cached_parse(&L->types, s, aid_type_parse);
        if (t < 0)
            t = aid_words_lookup(L->opt->words, s, true);
        if (t < 0)
            return reject_col(L, line, s[0] ? "unknown aid type" : "aid type missing", c, s);
        rec->type = (aidstat_type_t)t;
    }
    if ((c = L->first[ROLE_MEASURE]) >= 0) {
        const char *s = f[c];
        int m = cached_parse(&L->measures, s, aid_measure_or_transaction);
        if (m == -1)
            m = aid_words_lookup(L->opt->words, s, false);
        if (m == AID_MEASURE_NOT_AID)
            return reject_col(L, line, "a budget stage, not aid given", c, s);
        if (m < 0)
            return reject_col(L, line, s[0] ? "unknown measure" : "measure missing", c, s);
        rec->measure = (aidstat_measure_t)m;
    }
    if ((c = L->first[ROLE_CURRENCY]) >= 0) {
        const char *s = f[c];
        if (s[0]) {
            if (!text_ok(L, line, c, f[c], lens[c], "currency", AID_MAX_NAME))
                return 0;
            for (char *p = f[c]; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                    *p = (char)(*p - 'a' + 'A'); /* g_ascii_toupper, without a call a byte */
            rec->currency = f[c];
        }
    }
    if ((c = L->first[ROLE_UNIT]) >= 0) {
        const char *s = f[c];
        double u = aid_unit_scale(s);
        if (u == 0)
            return reject_col(L, line, "unknown unit", c, s);
        *scale = u;
    }
    if ((c = L->first[ROLE_GDP]) >= 0) {
        double g;
        aid_num_t r = aid_number_parse(f[c], comma_at(L, c), &g);
        if (r == AID_NUM_BAD)
            return not_a_number(L, line, c, f[c], "GDP is not a number");
        if (r == AID_NUM_OK && g > 0) {
            double gs = L->cols[c].scale > 0 ? L->cols[c].scale : *scale;
            rec->gdp = g * gs;
            rec->gdp_year = P ? P->gdp_year : 0;
        }
    }
    if ((c = L->first[ROLE_GDP_YEAR]) >= 0 && f[c][0]) {
        if (!aid_int_parse(f[c], &v))
            return reject_col(L, line, "GDP year is not a whole number", c, f[c]);
        rec->gdp_year = (int)v;
    }
    if ((c = L->first[ROLE_SOURCE]) >= 0 && f[c][0]) {
        if (!text_ok(L, line, c, f[c], lens[c], "source", AID_MAX_TEXT))
            return 0;
        rec->source = f[c];
    }
    if ((c = L->first[ROLE_RELEASE]) >= 0 && f[c][0]) {
        if (!text_ok(L, line, c, f[c], lens[c], "release", AID_MAX_TEXT))
            return 0;
        rec->release = f[c];
    }
    if ((c = L->first[ROLE_PART]) >= 0) {
        if (!f[c][0])
            return reject_col(L, line, "part missing", c, f[c]);
        if (!text_ok(L, line, c, f[c], lens[c], "part", AID_MAX_NAME))
            return 0;
        rec->part = f[c];
    }
    return ROW_GO;
}

/* Count a value cell read in the scale its own words name ("1,5 Mio. €"),
 * for the note cell_scale_note gives. */
static void cell_scaled(loader_t *L, long line, const char *s, double scale)
{
    int k = scale == 1e3 ? 0 : scale == 1e6 ? 1 : 2;
    if (!L->cell_scaled_line) {
        L->cell_scaled_line = line;
        L->cell_scaled_text = aid_tally_clip(s, 40);
    }
    L->cell_scaled[k]++;
}

/* At the end: how many value cells named their own scale, and which. */
static void cell_scale_note(loader_t *L)
{
    if (!L->cell_scaled_line || !L->report)
        return;
    GString *by = g_string_new(NULL);
    static const double scales[] = {1e3, 1e6, 1e9};
    uint64_t n = 0;
    for (int k = 2; k >= 0; k--)
        if (L->cell_scaled[k]) {
            g_string_append(by, by->len ? ", " : "");
            /* TRANSLATORS: a number of values, then their scale ("2 in billions") */
            g_string_append_printf(by, _("%" PRIu64 " in %s"), L->cell_scaled[k], scale_name(scales[k]));
            n += L->cell_scaled[k];
        }
    aid_tally_note_n(L->report,
                     "column \"%s\": %" PRIu64 " value read in the scale the cell itself names (%s; "
                     "first: line %ld, \"%s\")",
                     "column \"%s\": %" PRIu64 " values read in the scale the cell itself names (%s; "
                     "first: line %ld, \"%s\")",
                     n, L->raw[L->first[ROLE_VALUE]], n, by->str, L->cell_scaled_line, L->cell_scaled_text);
    g_string_free(by, TRUE);
}

/* A long-format row: one value, one record. */
static int row_value(loader_t *L, char **f, long line, aidstat_record_t *rec, double scale)
{
    int c = L->first[ROLE_VALUE];
    double x, cell_scale = 0;
    const char *cell_cur = NULL;
    aid_num_t r = aid_number_parse(f[c], comma_at(L, c), &x);
    /* "1,5 Mio. EUR": unit words in the cell (words.c) */
    if (r == AID_NUM_BAD && aid_words_amount(f[c], comma_at(L, c), &x, &cell_scale, &cell_cur))
        r = AID_NUM_OK;
    if (r == AID_NUM_BAD)
        return not_a_number(L, line, c, f[c], "value is not a number");
    if (r == AID_NUM_MISSING)
        return reject_col(L, line, "value missing", c, f[c]);
    if (cell_scale && (L->cols[c].scale > 0 || L->first[ROLE_UNIT] >= 0))
        return reject_col(L, line, "a unit in the cell beside the column's own", c, f[c]);
    if (cell_scale)
        cell_scaled(L, line, f[c], cell_scale);
    rec->value = x * (cell_scale ? cell_scale : L->cols[c].scale > 0 ? L->cols[c].scale : scale);
    if (L->cols[c].currency && L->first[ROLE_CURRENCY] < 0)
        rec->currency = L->cols[c].currency;
    if (cell_cur && L->first[ROLE_CURRENCY] < 0 && !L->cols[c].currency && !L->opt->currency)
        rec->currency = cell_cur; /* the file says nothing else */
    if (cell_cur && strcmp(cell_cur, rec->currency) != 0)
        return reject_col(L, line, "the cell's currency is not the row's", c, f[c]);
    if (!identify(L, line, rec))
        return 0;
    if (L->report)
        aid_tally_record(L->report, rec);
    if (L->report)
        aid_tally_used(L->report);
    return L->fn(rec, L->user) ? -1 : 0;
}

/* A wide row: a value per type and/or measure column, one record each. */
static int row_wide(loader_t *L, char **f, long line, aidstat_record_t *rec, double scale)
{
    /* wide: parse every value cell first so a bad cell rejects the whole row */
    double vals[64];
    double *vp = L->ncols <= 64 ? vals : g_new(double, L->ncols);
    bool any = false;
    double split_sum = 0, check = 0;
    int checkcol = -1;
    int ret = 0;
    for (size_t i = 0; i < L->ncols; i++) {
        aid_column_t *col = &L->cols[i];
        if (col->role != ROLE_WIDE && col->role != ROLE_CHECKSUM)
            continue;
        double x;
        aid_num_t r = aid_number_parse(f[i], comma_at(L, i), &x);
        if (r == AID_NUM_BAD) {
            ret = not_a_number(L, line, (int)i, f[i], "value is not a number");
            goto done;
        }
        if (col->role == ROLE_CHECKSUM) {
            check = r == AID_NUM_OK ? x : 0;
            checkcol = (int)i;
            vp[i] = NAN;
            continue;
        }
        vp[i] = r == AID_NUM_OK ? x : NAN;
        if (r == AID_NUM_OK) {
            any |= x != 0;
            if (col->measure == AIDSTAT_MEASURE_ALLOCATION && col->type != AIDSTAT_TYPE_TOTAL)
                split_sum += x;
        }
    }
    uint64_t zeros = 0;
    for (size_t i = 0; i < L->ncols; i++)
        if (L->cols[i].role == ROLE_WIDE && vp[i] == 0)
            zeros++;
    if (zeros && L->report)
        aid_tally_zeros(L->report, zeros);
    if (!any) {
        if (L->report)
            aid_tally_skipped(L->report);
        goto done;
    }
    if (checkcol >= 0 && fabs(split_sum - check) > 1e-9 * fmax(1.0, fabs(check))) {
        char ex[96];
        snprintf(ex, sizeof ex, "%s vs sum %.15g", f[checkcol], split_sum);
        reject_col(L, line, "total does not equal the sum of the aid types", checkcol, ex);
        goto done;
    }
    if (!identify(L, line, rec))
        goto done;
    for (size_t i = 0; i < L->ncols && ret == 0; i++) {
        aid_column_t *col = &L->cols[i];
        /* a zero in a type column says "none of this type": no record,
         * as a month with no aid at all has no row */
        if (col->role != ROLE_WIDE || vp[i] != vp[i] || vp[i] == 0)
            continue;
        aidstat_record_t r = *rec;
        if (col->type >= 0)
            r.type = (aidstat_type_t)col->type;
        if (col->measure >= 0)
            r.measure = (aidstat_measure_t)col->measure;
        if (col->year) {
            r.year = col->year, r.month = col->month, r.day = 0;
            if (col->quarter)
                r.flags |= AIDSTAT_RECORD_QUARTER;
        }
        r.value = vp[i] * (col->scale > 0 ? col->scale : scale);
        if (L->profile && L->profile->role == AIDSTAT_DATASET_SPLIT)
            r.part = L->raw[i]; /* the part of the split this column holds */
        if (col->currency && L->first[ROLE_CURRENCY] < 0)
            r.currency = col->currency;
        if (L->report)
            aid_tally_record(L->report, &r);
        if (L->fn(&r, L->user))
            ret = -1;
    }
    if (L->report)
        aid_tally_used(L->report);
done:
    if (vp != vals)
        g_free(vp);
    return ret;
}

static int data_row(loader_t *L, char **f, const size_t *lens, size_t n, long line)
{
    int go = row_shape(L, f, lens, &n, line);
    if (go != ROW_GO)
        return go;
    const aid_profile_t *P = L->profile;
    if (P && strcmp(P->name, "kiel-release-info") == 0) {
        /* release,period,date,label: metadata, not aid */
        if (!L->release && f[0][0])
            L->release = aid_kiel_release_label(f[0], f[1]);
        if (L->report) {
            aid_tally_provenance(L->report, L->source, L->release);
            aid_tally_used(L->report);
        }
        return 0;
    }
    aidstat_record_t rec = {0};
    rec.file = L->name;
    rec.line = line;
    /* the recipient the file names; the Kiel tracker's files (the profiles
     * with a source) are aid to Ukraine, any other file says nothing */
    rec.recipient = P && P->source && P->source[0] ? "Ukraine" : "";
    rec.source = L->source;
    rec.release = L->release ? L->release : "";
    rec.currency = L->currency;
    rec.type = (aidstat_type_t)L->default_type;
    rec.measure = (aidstat_measure_t)L->default_measure;
    rec.iso3 = P && P->iso3 ? P->iso3 : "";
    rec.donor = P && P->donor ? P->donor : "";
    double scale = L->scale;
    if ((go = row_who(L, f, lens, line, &rec)) != ROW_GO || (go = row_when(L, f, line, &rec)) != ROW_GO ||
        (go = row_what(L, f, lens, line, &rec, &scale)) != ROW_GO)
        return go;
    if (L->first[ROLE_VALUE] >= 0)
        return row_value(L, f, line, &rec, scale);
    return row_wide(L, f, line, &rec, scale);
}

/* ---------------------------------------------- decimal marks by column */

/* Rows met while a column with a "1.500" has no decimal mark yet wait in
 * memory, at most this many, for a value that settles it. */
enum { HOLD_MAX = 1000 };

typedef struct {
    long line;
    size_t n;
    char **f;   /* given to data_row, which may move a pointer past blanks */
    char **own; /* the fields as allocated */
    size_t *lens;
} held_row_t;

static void held_row_free(gpointer p)
{
    held_row_t *h = p;
    for (size_t i = 0; i < h->n; i++)
        g_free(h->own[i]);
    g_free(h->own);
    g_free(h->f);
    g_free(h->lens);
    g_free(h);
}

/* The column still waiting for its mark after a "1.500", or -1. */
static int undecided_column(const loader_t *L)
{
    for (size_t i = 0; L->marks && i < L->ncols; i++)
        if (L->either_line[i] && L->mark[i] == AID_MARK_NONE)
            return (int)i;
    return -1;
}

static int ambiguous(loader_t *L, int c, const char *where)
{
    char *name = aid_tally_clip(L->raw[c], 80);
    char *text = aid_tally_clip(L->either_text[c], 40);
    aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, L->either_line[c], (long)c + 1,
                  "column \"%s\" does not show its decimal mark: \"%s\" is a thousand times "
                  "more with a decimal comma than with a decimal point, and no value %s settles "
                  "it (as \"1.250,5\" or \"2,5\" would); state the decimal mark", /* AID_MARK_ADVICE */
                  name, text, where);
    g_free(name);
    g_free(text);
    return -1;
}

/* Classify the row's numbers; decide undecided columns. -1 (error set)
 * when a value contradicts its column's mark. */
static int classify(loader_t *L, char **f, size_t n, long line)
{
    for (size_t k = 0; k < L->nnum; k++) {
        size_t i = (size_t)L->numcols[k];
        if (i >= n)
            break;
        /* decided: a value with the other mark fails to parse (see not_a_number) */
        if (L->mark[i] != AID_MARK_NONE)
            continue;
        aid_mark_t m = aid_number_mark(f[i]);
        if (m == AID_MARK_NONE && f[i][0] && !g_ascii_isdigit(f[i][strlen(f[i]) - 1]))
            m = aid_words_mark(f[i]); /* "1,5 Mio. EUR" */
        if (m == AID_MARK_NONE)
            continue;
        if (m == AID_MARK_EITHER) {
            if (L->mark[i] == AID_MARK_NONE && !L->either_line[i]) {
                L->either_line[i] = line;
                L->either_text[i] = g_strdup(f[i]);
                L->waiting++;
            }
        } else if (L->mark[i] == AID_MARK_NONE) {
            L->mark[i] = m;
            L->mark_line[i] = line;
            L->mark_text[i] = g_strdup(f[i]);
            L->waiting -= L->either_line[i] != 0;
        }
    }
    return 0;
}

static int flush_held(loader_t *L)
{
    int ret = 0;
    /* the reader's word on a closer look and on trimming is about the row
     * it gives out now: held rows (at most HOLD_MAX) get both */
    static const bool untrimmed = false, suspect = true;
    const bool *was_trimmed = L->trimmed, *was_suspect = L->suspect;
    L->trimmed = &untrimmed;
    L->suspect = &suspect;
    for (guint k = 0; L->held && k < L->held->len && ret == 0; k++) {
        held_row_t *h = g_ptr_array_index(L->held, k);
        ret = data_row(L, h->f, h->lens, h->n, h->line);
    }
    L->trimmed = was_trimmed;
    L->suspect = was_suspect;
    if (L->held)
        g_ptr_array_set_size(L->held, 0);
    return ret;
}

/* A ';' file's row: a column whose values so far are all like "1.500"
 * (one mark, three digits after it) could be either; its rows wait until
 * a value such as "1.250,5", "12.345.678" or "2,5" decides, at most
 * HOLD_MAX rows, so memory stays bounded. A value that contradicts a
 * column's decided mark later is an error: the rows before it were read
 * by that mark. */
static int marked_row(loader_t *L, char **f, const size_t *lens, size_t n, long line)
{
    if (classify(L, f, n, line))
        return -1;
    int dc = L->first[ROLE_DATE];
    if (L->dates && (size_t)dc < n && aid_dates_see(L->dates, f[dc], line, L->err))
        return -1;
    if (!L->waiting && !aid_dates_waiting(L->dates)) {
        if (L->held && L->held->len && flush_held(L))
            return -1;
        return data_row(L, f, lens, n, line);
    }
    int c = undecided_column(L);
    if (!L->held)
        L->held = g_ptr_array_new_with_free_func(held_row_free);
    if (L->held->len >= HOLD_MAX) {
        char where[64];
        snprintf(where, sizeof where, "in the %d rows from there", HOLD_MAX);
        if (c < 0) {
            aid_dates_ambiguous(L->dates, where, L->err);
            return -1;
        }
        return ambiguous(L, c, where);
    }
    held_row_t *h = g_new0(held_row_t, 1);
    h->line = line;
    h->n = n;
    h->own = g_new(char *, n + 1);
    h->lens = g_memdup2(lens, n * sizeof *lens);
    for (size_t i = 0; i < n; i++)
        h->own[i] = g_memdup2(f[i], lens[i] + 1);
    h->own[n] = NULL;
    h->f = g_memdup2(h->own, (n + 1) * sizeof *h->own);
    g_ptr_array_add(L->held, h);
    return 0;
}

/* At the end of the file: rows still held mean an undecided column. */
static aidstat_status_t marks_finish(loader_t *L)
{
    if (L->held && L->held->len) {
        int c = undecided_column(L);
        if (c < 0)
            aid_dates_ambiguous(L->dates, _("in the rest of the file"), L->err);
        else
            ambiguous(L, c, _("in the rest of the file"));
        return AIDSTAT_ERR_INPUT;
    }
    aid_dates_notes(L->dates, L->report);
    cell_scale_note(L);
    for (size_t i = 0; L->marks && L->report && i < L->ncols; i++)
        if (L->mark[i] != AID_MARK_NONE) {
            char *text = aid_tally_clip(L->mark_text[i], 40);
            aid_tally_note(L->report, "column \"%s\" read with %s, as line %ld shows (\"%s\")", L->raw[i],
                           mark_name(L->mark[i]), L->mark_line[i], text);
            g_free(text);
        }
    return AIDSTAT_OK;
}

static void marks_free(loader_t *L)
{
    if (L->held)
        g_ptr_array_free(L->held, TRUE);
    g_free(L->mark);
    g_free(L->numcols);
    g_free(L->mark_line);
    g_free(L->either_line);
    /* sparse arrays: a column without a value yet is NULL, so not g_strfreev */
    for (size_t i = 0; i < L->ncols && L->mark_text; i++) {
        g_free(L->mark_text[i]);
        g_free(L->either_text[i]);
    }
    g_free(L->mark_text);
    g_free(L->either_text);
    g_free(L->cell_scaled_text);
}

/* SIPRI and Kiel rows have loaders of their own, which read fields as C
 * strings: a NUL inside one would cut it short unseen, so it stops the load. */
static bool nul_inside(loader_t *L, char **f, const size_t *lens, size_t n, long line)
{
    for (size_t i = 0; i < n; i++)
        if (memchr(f[i], '\0', lens[i])) {
            char *shown = escape_field(f[i], lens[i]);
            char *clip = aid_tally_clip(shown, 80);
            aid_error_set(L->err, AIDSTAT_ERR_INPUT, L->name, line, (long)i + 1,
                          "NUL character inside the field \"%s\"", clip);
            g_free(clip);
            g_free(shown);
            return true;
        }
    return false;
}

static int on_row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    loader_t *L = user;
    if (!L->header_done && !L->sipri) {
        bool failed;
        L->sipri = aid_sipri_detect(L->name, f, n, L->opt, L->fn, L->user, L->report, L->err, &failed);
        if (failed)
            return 1;
    }
    if ((L->sipri || L->kiel) && *L->suspect && nul_inside(L, f, lens, n, line))
        return 1;
    if (L->sipri) {
        L->header_done = true;
        return aid_sipri_row(L->sipri, f, n, line);
    }
    if (!L->header_done) {
        L->header_done = true;
        aidstat_status_t st = header(L, f, n);
        if (st != AIDSTAT_OK && L->err && !L->err->code)
            L->err->code = st;
        return st != AIDSTAT_OK;
    }
    if (L->kiel                ? aid_kiel_row(L->kiel, f, lens, n, line, L->fn, L->user)
        : L->marks || L->dates ? marked_row(L, f, lens, n, line)
                               : data_row(L, f, lens, n, line)) {
        if (L->err && !L->err->code)
            aid_error_set(L->err, AIDSTAT_ERR_ABORTED, L->name, line, 0, "stopped by the caller");
        return 1;
    }
    return 0;
}

static aidstat_status_t run(const char *name, const char *path, FILE *fp, const char *data, size_t len,
                            const aid_rows_t *rows, const aidstat_load_options_t *opt, aidstat_record_fn fn,
                            void *user, aidstat_load_report_t *report, aidstat_error_t *err)
{
    aidstat_load_options_t defaults;
    if (!opt) {
        aidstat_load_options_init(&defaults);
        opt = &defaults;
    }
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_error_clear(err);
    /* donor identity is resolved through the report: keep one */
    aidstat_load_report_t *own = report ? NULL : aidstat_load_report_new();
    if (own)
        report = own;
    loader_t L = {0};
    L.name = opt->display_name ? opt->display_name : name;
    L.path = path;
    L.opt = opt;
    L.fn = fn;
    L.user = user;
    L.report = report;
    L.err = err;
    L.rows = rows;
    static const bool always = true; /* sheet rows are few: look at each */
    L.suspect = &always;
    static const bool untrimmed = false;
    L.trimmed = &untrimmed;
    aidstat_status_t st;
    if (rows) {
        if (report)
            aid_tally_begin(report, L.name, "xlsx", NULL);
        st = rows->read(rows->ctx, on_row, &L, err);
        if (st == AIDSTAT_OK && L.dates)
            st = marks_finish(&L);
        if (st != AIDSTAT_OK && err->line > 0 && !strcmp(err->file, L.name)) {
            /* a row's number is the sheet's: say so as Sheet!C12 */
            char col[8], where[sizeof err->file];
            aid_xlsx_col_name(err->column > 0 ? err->column - 1 : 0, col, sizeof col);
            snprintf(where, sizeof where, "%s!%s%ld", rows->where, col, err->line);
            memcpy(err->file, where, sizeof err->file);
            err->line = err->column = 0;
        }
        if (st == AIDSTAT_OK && !L.header_done)
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, rows->where, 0, 0, "empty sheet: no header row");
    } else {
        if (report)
            aid_tally_begin(report, L.name, "csv", NULL);
        aid_csv_t *csv = aid_csv_new(L.name, opt->delimiter);
        L.suspect = aid_csv_suspect(csv);
        L.trimmed = aid_csv_trimmed(csv);
        L.csv = csv;
        aid_csv_set_encoding(csv, opt->encoding);
        void *puser;
        aidstat_progress_fn progress = aid_tally_progress(report, &puser);
        if (progress) {
            struct stat sb;
            uint64_t total = !fp                                                  ? len
                             : fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size
                                                                                  : 0;
            aid_csv_set_progress(csv, progress, puser, total);
        }
        st = aid_csv_read(csv, fp, data, len, on_row, &L, err);
        if (st == AIDSTAT_OK && (L.marks || L.dates))
            st = marks_finish(&L);
        if (report && aid_csv_decoder(csv))
            aid_encoding_report(aid_csv_decoder(csv), report);
        if (st == AIDSTAT_OK && !L.header_done)
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, L.name, 1, 0, "empty file: no header row");
        aid_csv_free(csv);
    }
    if (report && L.invisible)
        aid_tally_note_n(report,
                         "%" PRIu64 " zero-width character or byte-order mark removed from names (the "
                         "first on line %ld)",
                         "%" PRIu64 " zero-width characters or byte-order marks removed from names (the "
                         "first on line %ld)",
                         L.invisible, L.invisible, L.invisible_line);
    if (st == AIDSTAT_OK && L.sipri)
        st = aid_sipri_finish(L.sipri);
    aid_sipri_free(L.sipri);
    if (L.kiel) {
        if (st == AIDSTAT_OK)
            aid_kiel_finish(L.kiel);
        aid_kiel_free(L.kiel);
    }
    if (st == AIDSTAT_OK)
        aid_tally_identity_notes(report);
    aidstat_load_report_free(own);
    marks_free(&L);
    aid_dates_free(L.dates);
    g_free(L.cols);
    g_free(L.kind);
    if (L.kind_last)
        for (size_t i = 0; i < L.ncols; i++) {
            g_free(L.kind_last[i]);
            g_free(L.kind_text[i]);
        }
    g_free(L.kind_text);
    g_free(L.kind_last);
    g_free(L.kind_line);
    g_strfreev(L.raw);
    g_free(L.release);
    g_free(L.source);
    if (L.donor_cells) {
        aid_intern_clear(L.donor_cells);
        g_free(L.donor_cells);
        g_free(L.donor_cache);
        g_array_free(L.aggregate, TRUE);
    }
    return st;
}

aidstat_status_t aid_load_rows(const char *name, const aid_rows_t *rows, const aidstat_load_options_t *opt,
                               aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                               aidstat_error_t *err)
{
    return run(name, NULL, NULL, NULL, 0, rows, opt, fn, user, report, err);
}

aidstat_status_t aid_load_csv(const char *name, const char *path, FILE *fp, const char *head, size_t n,
                              const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                              aidstat_load_report_t *report, aidstat_error_t *err)
{
    return run(name, path, fp, head, n, NULL, opt, fn, user, report, err);
}
