/* The Kiel tracker's MAIN DATA sheet. Its quirks, as the r7 workbook and a
 * 2023 CSV save show them (see ../shared/datasets/kiel-ust-*), and what
 * becomes of each:
 * - one package spans several rows and its value sits on the first
 *   (Total_value_dummy 1): the other rows carry no value and are skipped,
 *   counted in a note; a value on such a row is rejected, as it would count
 *   twice;
 * - "." or an empty cell for a missing value: no record, counted;
 * - dates as Excel serials or US text (3/1/2022), or free text around a
 *   date ("until 7/27/2022", "not specified, 03/22"): read as the date or
 *   month they name, each wording counted in a note with its first lines;
 *   "unspecified" (and "not specified", "unclear" with no date): kept
 *   without a period, as the tracker's own totals count them;
 * - a year mistyped as 29YY (2922): read as 20YY, with its lines in a note;
 * - a EUR cell left empty although the original-currency value is given:
 *   rejected with that reason (aidstat does not convert it);
 * - duplicate headers and blank ones: only the first of each role is read. */
#include "config.h"
#include "load/kiel-main.h"
#include "load/loader.h"
#include "load/number.h"
#include "data/tally.h"
#include "data/intl.h"
#include "load/xlsx.h"
#include "data/period.h"
#include "data/record.h"

#include <glib.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#define KIEL_SOURCE "Kiel Institute, Ukraine Support Tracker"

enum { K_DONOR, K_DATE, K_TYPE, K_VALUE, K_DELIVERED, K_MEASURE, K_DUMMY, K_ORIGINAL, K_N };

typedef struct {
    uint64_t count;
    long lines[AID_TALLY_LINES];
} seen_t;

struct aid_kiel {
    char *name;
    char **raw;
    size_t ncols;
    int col[K_N];
    bool date1904;
    char *release;
    aidstat_load_report_t *report;
    GHashTable *notes; /* text -> seen_t */
    GPtrArray *order;  /* note texts in order of first appearance */
};

/* The first column whose normalised name is one of names. */
static int find(char **norm, size_t n, const char *const *names)
{
    for (; *names; names++)
        for (size_t i = 0; i < n; i++)
            if (!strcmp(norm[i], *names))
                return (int)i;
    return -1;
}

static const char *const n_donor[] = {"countries", "donor", "country", NULL};
static const char *const n_date[] = {"announcement_date", "month", NULL};
static const char *const n_type[] = {"type_of_aid_general", "aid_type_general", NULL};
static const char *const n_value[] = {"converted_value_in_eur", "tot_sub_activity_value_eur", NULL};
static const char *const n_delivered[] = {"total_monetary_value_delivered_in_eur", NULL};
static const char *const n_measure[] = {"measure", NULL};
static const char *const n_dummy[] = {"total_value_dummy_1_is_first_row_in_the_package", NULL};
static const char *const n_original[] = {"total", "monetary_value_as_given_by_source", NULL};

bool aid_kiel_detect(char **norm, size_t n)
{
    return find(norm, n, n_donor) >= 0 && find(norm, n, n_type) >= 0 && find(norm, n, n_value) >= 0;
}

aid_kiel_t *aid_kiel_new(const char *name, char **raw, char **norm, size_t n, bool date1904,
                         const char *release, aidstat_load_report_t *report)
{
    aid_kiel_t *k = g_new0(aid_kiel_t, 1);
    k->name = g_strdup(name);
    k->ncols = n;
    k->raw = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++)
        k->raw[i] = g_strdup(raw[i]);
    const char *const *names[K_N] = {n_donor,     n_date,    n_type,  n_value,
                                     n_delivered, n_measure, n_dummy, n_original};
    for (int r = 0; r < K_N; r++)
        k->col[r] = find(norm, n, names[r]);
    k->date1904 = date1904;
    k->release = g_strdup(release ? release : "");
    k->report = report;
    k->notes = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    k->order = g_ptr_array_new_with_free_func(g_free);
    if (report) {
        aid_tally_begin(report, name, AID_KIEL_MAIN_FORMAT,
                        "Kiel Ukraine Support Tracker: bilateral MAIN DATA (one row per package item, EUR)");
        GString *s = g_string_new(NULL);
        static const char *const what[K_N] = {"donor",     "date",    "type",    "value",
                                              "delivered", "measure", "package", "original value"};
        for (int r = 0; r < K_N; r++)
            if (k->col[r] >= 0 && r != K_ORIGINAL) {
                g_string_append(s, s->len ? ", " : "");
                /* TRANSLATORS: a field of the record, then the column it is read from */
                g_string_append_printf(s, _("%s from \"%s\""), what[r], raw[k->col[r]]);
            }
        aid_tally_note(report, "columns: %s", s->str);
        g_string_free(s, TRUE);
        if (k->col[K_MEASURE] < 0 && k->col[K_DELIVERED] >= 0)
            aid_tally_note(report,
                           "values in \"%s\" are commitments, those in the delivered column deliveries",
                           raw[k->col[K_VALUE]]);
        else if (k->col[K_MEASURE] < 0)
            aid_tally_note(report, "values in \"%s\" are commitments", raw[k->col[K_VALUE]]);
        if (k->col[K_DATE] < 0)
            aid_tally_note(report, "no announcement-date column: records carry no period");
    }
    return k;
}

void aid_kiel_free(aid_kiel_t *k)
{
    if (!k)
        return;
    g_free(k->name);
    g_strfreev(k->raw);
    g_free(k->release);
    g_hash_table_destroy(k->notes);
    g_ptr_array_free(k->order, TRUE);
    g_free(k);
}

static void seen(aid_kiel_t *k, const char *text, long line)
{
    seen_t *s = g_hash_table_lookup(k->notes, text);
    if (!s) {
        char *key = g_strdup(text);
        g_ptr_array_add(k->order, key);
        s = g_new0(seen_t, 1);
        g_hash_table_insert(k->notes, key, s);
    }
    if (s->count < AID_TALLY_LINES)
        s->lines[s->count] = line;
    s->count++;
}

void aid_kiel_finish(aid_kiel_t *k)
{
    if (!k->report)
        return;
    for (guint i = 0; i < k->order->len; i++) {
        const char *text = k->order->pdata[i];
        seen_t *s = g_hash_table_lookup(k->notes, text);
        GString *l = g_string_new(NULL);
        for (uint64_t j = 0; j < s->count && j < AID_TALLY_LINES; j++)
            g_string_append_printf(l, "%s%ld", j ? ", " : "", s->lines[j]);
        if (s->count > AID_TALLY_LINES)
            g_string_append(l, ", ...");
        if (s->count == 1)
            aid_tally_note(k->report, "%s: %" PRIu64 " row (line %s)", text, s->count, l->str);
        else
            aid_tally_note(k->report, "%s: %" PRIu64 " rows (lines %s)", text, s->count, l->str);
        g_string_free(l, TRUE);
    }
}

static const char *cell(char **f, size_t n, int c)
{
    if (c < 0 || (size_t)c >= n)
        return "";
    char *s = f[c];
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        s[--len] = '\0';
    return s;
}

/* Read up to 4 digits at *p; their count, 0 if none. */
static int digits(const char **p, int *v)
{
    int n = 0;
    *v = 0;
    while (g_ascii_isdigit(**p) && n < 5) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/* A date cell: an Excel serial, M/D/YYYY (or M/D/YY), M/YYYY (or MM/YY),
 * YYYY-MM(-DD), possibly after words ("until 7/27/2022", "unclear, 04/22")
 * or followed by more ("between 3/4/22 & 3/11/22": the first date).
 * wording gets a description of what was not a plain date ("" if none). */
static bool parse_date(const char *s, bool date1904, int *y, int *m, int *d, char *wording, size_t wlen)
{
    wording[0] = '\0';
    double serial;
    if (aid_number_parse(s, false, &serial) == AID_NUM_OK && !strchr(s, '/') && !strchr(s, '-'))
        return aid_xlsx_serial_date(serial, date1904, y, m, d);
    const char *why;
    if (aid_date_parse(s, y, m, d, &why) && *y >= 1000 && strchr(s, '-'))
        return true; /* ISO */
    const char *p = s;
    while (*p && !g_ascii_isdigit(*p))
        p++;
    if (!*p)
        return false;
    const char *start = p;
    int a, b, c = 0;
    digits(&p, &a);
    if (*p != '/')
        return false;
    p++;
    int nb = digits(&p, &b), nc = 0;
    if (!nb)
        return false;
    if (*p == '/') {
        p++;
        nc = digits(&p, &c);
        if (!nc)
            return false;
    }
    int year, month, day = 0;
    if (nc) {
        month = a, day = b, year = c;
    } else {
        month = a, year = b;
    }
    int ny = nc ? nc : nb;
    if (ny == 2)
        year += 2000;
    else if (ny != 4)
        return false;
    if (month < 1 || month > 12 || (day && day > aid_days_in_month(year, month)))
        return false;
    while (*p == ' ')
        p++;
    if (*p && strncmp(p, "&", 1) && strncmp(p, "and", 3) && strncmp(p, "-", 1))
        return false;
    bool more = *p != '\0';
    *y = year, *m = month, *d = day;
    if (start != s || more || !nc || ny == 2) {
        /* the wording with the date as a shape: "until M/D/YYYY" */
        GString *w = g_string_new(NULL);
        bool space = false;
        for (const char *q = s; q < start; q++) { /* runs of blanks as one */
            if (*q == ' ' || *q == '\t') {
                space = true;
                continue;
            }
            if (space && w->len)
                g_string_append_c(w, ' ');
            space = false;
            g_string_append_c(w, *q);
        }
        if (w->len)
            g_string_append_c(w, ' ');
        g_string_append(w, nc ? "M/D/" : "M/");
        g_string_append(w, ny == 2 ? "YY" : "YYYY");
        if (more)
            g_string_append(w, " ...");
        snprintf(wording, wlen, "%s", w->str);
        g_string_free(w, TRUE);
    }
    return true;
}

static int reject(aid_kiel_t *k, long line, const char *why, int col, const char *example)
{
    if (k->report) {
        char reason[320];
        if (col >= 0)
            snprintf(reason, sizeof reason, "%s (column \"%s\")", why, k->raw[col]);
        else
            snprintf(reason, sizeof reason, "%s", why);
        aid_tally_reject(k->report, line, reason, example);
    }
    return 0;
}

/* why: a note's text, marked N_; notes are kept in the messages'
 * language (aid_kiel_finish writes them) */
static void skip(aid_kiel_t *k, long line, const char *why)
{
    if (k->report)
        aid_tally_skipped(k->report);
    seen(k, _(why), line);
}

int aid_kiel_row(aid_kiel_t *k, char **f, const size_t *lens, size_t n, long line, aidstat_record_fn fn,
                 void *user)
{
    if (k->report)
        aid_tally_row(k->report);
    const int *C = k->col;
    (void)lens;
    bool any = false;
    const int key[] = {C[K_DONOR], C[K_DATE], C[K_TYPE], C[K_VALUE], C[K_DELIVERED]};
    for (size_t i = 0; i < G_N_ELEMENTS(key) && !any; i++)
        any = cell(f, n, key[i])[0] != '\0';
    if (!any) {
        skip(k, line, N_("rows without donor, date, type or value, skipped"));
        return 0;
    }
    const char *donor = cell(f, n, C[K_DONOR]);
    if (!donor[0])
        return reject(k, line, "donor missing", C[K_DONOR], "");

    const char *vs = cell(f, n, C[K_VALUE]), *ds = cell(f, n, C[K_DELIVERED]);
    double v = 0, dv = 0;
    aid_num_t vr = aid_number_parse(vs, false, &v);
    aid_num_t dr = C[K_DELIVERED] >= 0 ? aid_number_parse(ds, false, &dv) : AID_NUM_MISSING;
    if (vr == AID_NUM_BAD)
        return reject(k, line, "value is not a number", C[K_VALUE], vs);
    if (dr == AID_NUM_BAD)
        return reject(k, line, "value is not a number", C[K_DELIVERED], ds);
    const char *dummy = cell(f, n, C[K_DUMMY]);
    bool item_row = C[K_DUMMY] >= 0 && !strcmp(dummy, "0");
    if (vr == AID_NUM_MISSING && dr == AID_NUM_MISSING) {
        double ov;
        const char *os = cell(f, n, C[K_ORIGINAL]);
        if (item_row)
            skip(k, line,
                 N_("rows after the first of a package (its value is on the first row), "
                    "skipped"));
        else if (!vs[0] && aid_number_parse(os, false, &ov) == AID_NUM_OK)
            return reject(k, line, "EUR value empty though the original-currency value is given", C[K_VALUE],
                          os);
        else
            skip(k, line, N_("rows without a value (\".\" or empty), skipped"));
        return 0;
    }
    if (item_row)
        return reject(k, line, "a value on a row that is not the first of its package", C[K_DUMMY],
                      vr == AID_NUM_OK ? vs : ds);

    const char *ts = cell(f, n, C[K_TYPE]);
    int type = aid_type_parse(ts);
    if (type < 0 || type == AIDSTAT_TYPE_TOTAL)
        return reject(k, line, ts[0] ? "unknown aid type" : "aid type missing", C[K_TYPE], ts);
    int measure = AIDSTAT_MEASURE_COMMITMENT;
    if (C[K_MEASURE] >= 0) {
        const char *ms = cell(f, n, C[K_MEASURE]);
        measure = aid_measure_parse(ms);
        if (measure < 0)
            return reject(k, line, ms[0] ? "unknown measure" : "measure missing", C[K_MEASURE], ms);
    }

    int y = 0, m = 0, d = 0;
    if (C[K_DATE] >= 0) {
        const char *s = cell(f, n, C[K_DATE]);
        char wording[128];
        if (!s[0])
            return reject(k, line, "announcement date missing", C[K_DATE], "");
        bool dated = parse_date(s, k->date1904, &y, &m, &d, wording, sizeof wording);
        if (!dated && !strpbrk(s, "0123456789") &&
            (g_str_has_prefix(s, "unspecified") || g_str_has_prefix(s, "not specified") ||
             g_str_has_prefix(s, "unclear"))) {
            /* the tracker counts these in its totals: keep them, undated */
            char note[200];
            snprintf(note, sizeof note, _("announcement date given as \"%.40s\": kept without a period"), s);
            seen(k, note, line);
            y = m = d = 0;
        } else if (!dated) {
            return reject(k, line, "announcement date is not a date", C[K_DATE], s);
        }
        if (wording[0]) {
            char note[200];
            snprintf(note, sizeof note,
                     strchr(wording, 'D') ? _("dates written \"%s\" read as the date they name")
                                          : _("dates written \"%s\" read as the month they name"),
                     wording);
            seen(k, note, line);
        }
        if (y >= 2900 && y < 3000) {
            char note[160];
            snprintf(note, sizeof note, _("year %d read as %d (a typo: the tracker starts in 2022)"), y,
                     y - 900);
            seen(k, note, line);
            y -= 900;
        }
        if (y && (y < 2014 || y > 2099))
            return reject(k, line, "announcement year out of range", C[K_DATE], s);
    }

    aidstat_record_t rec = {0};
    rec.donor = donor;
    rec.iso3 = "";
    rec.recipient = "Ukraine";
    rec.year = y, rec.month = m, rec.day = d;
    rec.type = (aidstat_type_t)type;
    rec.currency = "EUR";
    rec.source = KIEL_SOURCE;
    rec.release = k->release;
    rec.file = k->name;
    rec.line = line;
    char ex[512];
    if (!aid_tally_identify(k->report, &rec, ex, sizeof ex))
        return reject(k, line, "donor code contradicts the donor name", C[K_DONOR], ex);
    int stop = 0;
    if (vr == AID_NUM_OK) {
        rec.measure = (aidstat_measure_t)measure;
        rec.value = v;
        if (k->report)
            aid_tally_record(k->report, &rec);
        stop = fn(&rec, user);
    }
    if (!stop && dr == AID_NUM_OK) {
        rec.measure = AIDSTAT_MEASURE_DELIVERY;
        rec.value = dv;
        if (k->report)
            aid_tally_record(k->report, &rec);
        stop = fn(&rec, user);
    }
    if (k->report)
        aid_tally_used(k->report);
    return stop ? -1 : 0;
}
