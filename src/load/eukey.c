/* Reading an EU attribution key (data/eukey.c): the Kiel tracker's
 * eu_aid_shares.csv (each member's eu_share_bn), from a file or the copy
 * embedded with the default dataset; or the release-7 workbook's sheets
 * "EU aid shares", "EPF aid shares" and "EIB aid shares", one part each. */
#include "config.h"
#include "aidstat.h"
#include "data/country.h"
#include "data/error.h"
#include "data/eukey.h"
#include "data/intl.h"
#include "load/loader.h"
#include "load/number.h"
#include "load/xlsx.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define KEY_RESOURCE "/org/aidstat/datasets/kiel-ust-r29-eu-aid-shares.csv"
#define KEY_NAME "kiel-ust-r29-eu-aid-shares.csv"

static int key_add(const aidstat_record_t *rec, void *user)
{
    aid_eukey_add(user, rec->donor, rec->iso3, rec->value);
    return 0;
}

/* ------------------------------------------------------------ workbook */

/* The sheets of a Kiel workbook that key the EU bodies: each lists the
 * members with a share column (summing to 1) and ends with a total row
 * whose "billion EUR" column is the body's aid the key shares out. */
static const struct {
    const char *sheet, *body;
} book_sheets[] = {
    {"EU aid shares", "EU"},
    {"EPF aid shares", "EPF"},
    {"EIB aid shares", "EIB"},
};

/* Rounding the workbook's shares may leave in their sum. */
#define SHARE_SUM_TOLERANCE 1e-6

typedef struct {
    aidstat_eukey_t *k;
    const char *file, *sheet;
    aidstat_error_t *err;
    aidstat_status_t st;
    long header; /* row of the header, 0 before it */
    long c_name, c_share, c_amount;
    GArray *shares;           /* double, parallel to names/codes */
    GPtrArray *names, *codes; /* owned strings */
    long first_row, last_row; /* the members' rows */
    long total_row;
    double amount_total; /* EUR bn, the total row's */
} sheet_read_t;

static aidstat_status_t sheet_fail(sheet_read_t *r, long row, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static aidstat_status_t sheet_fail(sheet_read_t *r, long row, long col, const char *fmt, ...)
{
    char ref[16], msg[512];
    aid_xlsx_col_name(col < 0 ? 0 : col, ref, sizeof ref);
    char *where = row ? g_strdup_printf("%s:%s!%s%ld", r->file, r->sheet, ref, row)
                      : g_strdup_printf("%s:%s", r->file, r->sheet);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, _(fmt), ap); /* xgettext: sheet_fail */
    va_end(ap);
    r->st = aid_error_set(r->err, AIDSTAT_ERR_INPUT, where, 0, 0, "%s", msg);
    g_free(where);
    return r->st;
}

static bool header_is(const char *s, const char *word)
{
    char *f = g_utf8_casefold(s, -1);
    bool yes = strstr(f, word) != NULL;
    g_free(f);
    return yes;
}

/* The header row: a cell "Country"; the share column is the first
 * "share" heading without "billion", the amount column the first with. */
static int find_header(sheet_read_t *r, char **f, size_t n, long row)
{
    r->c_name = r->c_share = r->c_amount = -1;
    for (size_t i = 0; i < n; i++) {
        char *t = g_strstrip(g_strdup(f[i]));
        if (!g_ascii_strcasecmp(t, "country") && r->c_name < 0)
            r->c_name = (long)i;
        else if (header_is(t, "share") && !header_is(t, "billion") && r->c_share < 0)
            r->c_share = (long)i;
        else if (header_is(t, "share") && header_is(t, "billion") && r->c_amount < 0)
            r->c_amount = (long)i;
        g_free(t);
    }
    if (r->c_name < 0)
        return 0;
    r->header = row;
    if (r->c_share < 0)
        return sheet_fail(r, row, r->c_name,
                          "the key's header has no share column (a heading with \"share\")"),
               1;
    if (r->c_amount < 0)
        return sheet_fail(r, row, r->c_name,
                          "the key's header has no column of the aid it shares out (a heading with "
                          "\"share\" and \"billion\")"),
               1;
    return 0;
}

static bool cell_number(sheet_read_t *r, char **f, size_t n, long col, long row, const char *what, double *v)
{
    const char *s = (size_t)col < n ? f[col] : "";
    if (aid_number_parse(s, false, v) != AID_NUM_OK || !isfinite(*v)) {
        sheet_fail(r, row, col, "%s \"%s\" is not a number", what, s);
        return false;
    }
    return true;
}

static int sheet_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    sheet_read_t *r = user;
    (void)lens;
    if (!r->header)
        return find_header(r, f, n, row);
    const char *name = (size_t)r->c_name < n ? g_strstrip(f[r->c_name]) : "";
    if (!name[0])
        return 0;
    double v;
    if (header_is(name, "total")) {
        if (!cell_number(r, f, n, r->c_amount, row, "the aid shared out", &v))
            return 1;
        r->total_row = row;
        r->amount_total = v;
        return 1; /* what follows the total (non-members at 0) is no part of the key */
    }
    if (!cell_number(r, f, n, r->c_share, row, "the share", &v))
        return 1;
    const aid_country_t *c = aid_country_by_name(name);
    if (!c)
        return sheet_fail(r, row, r->c_name, "\"%s\" is no country aidstat knows", name), 1;
    if (!(v > 0))
        return sheet_fail(r, row, r->c_share, "%s has no positive share (%g)", name, v), 1;
    g_array_append_val(r->shares, v);
    g_ptr_array_add(r->names, g_strdup(name));
    g_ptr_array_add(r->codes, g_strdup(c->code));
    if (!r->first_row)
        r->first_row = row;
    r->last_row = row;
    return 0;
}

/* One sheet into the key's part for body. */
static aidstat_status_t read_key_sheet(aid_xlsx_t *x, aidstat_eukey_t *k, const char *file, size_t which,
                                       GPtrArray **codes_out, aidstat_error_t *err)
{
    sheet_read_t r = {k,
                      file,
                      book_sheets[which].sheet,
                      err,
                      AIDSTAT_OK,
                      0,
                      -1,
                      -1,
                      -1,
                      g_array_new(FALSE, FALSE, sizeof(double)),
                      g_ptr_array_new_with_free_func(g_free),
                      g_ptr_array_new_with_free_func(g_free),
                      0,
                      0,
                      0,
                      0};
    long i = aid_xlsx_sheet_find(x, r.sheet);
    aidstat_status_t st = aid_xlsx_read_sheet(x, (size_t)i, sheet_row, &r, err);
    if (r.st != AIDSTAT_OK)
        st = r.st;
    else if (st == AIDSTAT_ERR_ABORTED)
        st = AIDSTAT_OK; /* stopped at the total row */
    if (st == AIDSTAT_OK && !r.header)
        st = sheet_fail(&r, 0, 0, "no header row with a \"Country\" column: this is not an attribution key");
    else if (st == AIDSTAT_OK && !r.shares->len)
        st = sheet_fail(&r, r.header, r.c_name, "the key names no members below its header");
    else if (st == AIDSTAT_OK && !r.total_row)
        st = sheet_fail(&r, r.last_row, r.c_name,
                        "the key has no total row after its members (a row named \"... total\"), so the aid "
                        "it shares out is not stated");
    double sum = 0;
    for (guint m = 0; m < r.shares->len; m++)
        sum += g_array_index(r.shares, double, m);
    char a[16];
    if (st == AIDSTAT_OK && fabs(sum - 1) > SHARE_SUM_TOLERANCE) {
        aid_xlsx_col_name(r.c_share, a, sizeof a);
        st = sheet_fail(&r, r.total_row, r.c_share, "the members' shares (%s%ld:%s%ld) sum to %.9g, not 1", a,
                        r.first_row, a, r.last_row, sum);
    }
    if (st == AIDSTAT_OK) {
        aid_eukey_begin_body(k, book_sheets[which].body);
        for (guint m = 0; m < r.shares->len; m++)
            aid_eukey_add(k, r.names->pdata[m], r.codes->pdata[m],
                          g_array_index(r.shares, double, m) / sum * r.amount_total * 1e9);
        *codes_out = r.codes;
        r.codes = NULL;
    }
    g_array_free(r.shares, TRUE);
    g_ptr_array_free(r.names, TRUE);
    if (r.codes)
        g_ptr_array_free(r.codes, TRUE);
    return st;
}

static bool has_code(GPtrArray *codes, const char *code)
{
    for (guint i = 0; i < codes->len; i++)
        if (!strcmp(codes->pdata[i], code))
            return true;
    return false;
}

/* Every part names the same members: a member missing from one sheet
 * would quietly get none of that body's aid. */
static aidstat_status_t same_members(GPtrArray **codes, const char *file, aidstat_error_t *err)
{
    for (size_t s = 1; s < G_N_ELEMENTS(book_sheets); s++)
        for (size_t t = 0; t < s; t++) {
            for (int dir = 0; dir < 2; dir++) {
                size_t have = dir ? s : t, lack = dir ? t : s;
                for (guint i = 0; i < codes[have]->len; i++)
                    if (!has_code(codes[lack], codes[have]->pdata[i])) {
                        const aid_country_t *c = aid_country_by_code(codes[have]->pdata[i]);
                        return aid_error_set(
                            err, AIDSTAT_ERR_INPUT, file, 0, 0,
                            "the sheet \"%s\" names %s, which is missing from the sheet \"%s\": "
                            "each EU body's key must name the same members",
                            book_sheets[have].sheet, c ? c->name : (char *)codes[have]->pdata[i],
                            book_sheets[lack].sheet);
                    }
            }
        }
    return AIDSTAT_OK;
}

static aidstat_eukey_t *load_book(const char *path, aidstat_error_t *err)
{
    aid_xlsx_t *x = aid_xlsx_open(path, path, NULL, err);
    if (!x)
        return NULL;
    aidstat_status_t st = AIDSTAT_OK;
    for (size_t s = 0; s < G_N_ELEMENTS(book_sheets) && st == AIDSTAT_OK; s++)
        if (aid_xlsx_sheet_find(x, book_sheets[s].sheet) < 0)
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0,
                               "the workbook has no sheet \"%s\": an attribution key from a workbook needs "
                               "the sheets \"EU aid shares\", \"EPF aid shares\" and \"EIB aid shares\"",
                               book_sheets[s].sheet);
    aidstat_eukey_t *k = aid_eukey_new();
    aid_eukey_set_measure(k, AIDSTAT_MEASURE_COMMITMENT);
    GPtrArray *codes[G_N_ELEMENTS(book_sheets)] = {NULL};
    for (size_t s = 0; s < G_N_ELEMENTS(book_sheets) && st == AIDSTAT_OK; s++)
        st = read_key_sheet(x, k, path, s, &codes[s], err);
    if (st == AIDSTAT_OK)
        st = same_members(codes, path, err);
    if (st == AIDSTAT_OK)
        st = aid_eukey_check(k, path, err);
    for (size_t s = 0; s < G_N_ELEMENTS(book_sheets); s++)
        if (codes[s])
            g_ptr_array_free(codes[s], TRUE);
    if (st == AIDSTAT_OK) {
        char *release = aid_workbook_release(x);
        char *base = g_path_get_basename(path);
        char *d =
            g_strdup_printf("%s%s%s, sheets \"EU aid shares\", \"EPF aid shares\" and \"EIB aid shares\"",
                            release ? release : "", release ? ", " : "", base);
        aid_eukey_set_describe(k, d);
        g_free(d);
        g_free(base);
        g_free(release);
    }
    aid_xlsx_close(x);
    if (st != AIDSTAT_OK) {
        aidstat_eukey_free(k);
        return NULL;
    }
    return k;
}

/* Whether the file starts like a zip archive (a workbook). */
static bool is_book(const char *path)
{
    unsigned char head[4];
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    size_t n = fread(head, 1, sizeof head, fp);
    fclose(fp);
    return aid_xlsx_sniff(head, n);
}

/* Whether the workbook has the key's first sheet (so the data brings its key). */
static bool book_has_key(const char *path)
{
    aidstat_error_t err;
    aid_xlsx_t *x = aid_xlsx_open(path, path, NULL, &err);
    if (!x)
        return false;
    bool yes = aid_xlsx_sheet_find(x, book_sheets[0].sheet) >= 0;
    aid_xlsx_close(x);
    return yes;
}

aidstat_eukey_t *aidstat_eukey_load_own(const char *data_path, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_error_clear(err);
    if (data_path && is_book(data_path) && book_has_key(data_path))
        return load_book(data_path, err);
    return NULL;
}

aidstat_eukey_t *aidstat_eukey_load_for(const char *data_path, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_eukey_t *k = aidstat_eukey_load_own(data_path, err);
    if (k || err->code != AIDSTAT_OK)
        return k;
    return aidstat_eukey_load_default(err);
}

/* ----------------------------------------------------------------- CSV */

aidstat_eukey_t *aidstat_eukey_load_file(const char *path, aidstat_error_t *err)
{
    if (is_book(path))
        return load_book(path, err);
    aidstat_eukey_t *k = aid_eukey_new();
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    opt.format = "kiel-eu-aid-shares";
    aidstat_status_t st = aidstat_load_file(path, &opt, key_add, k, r, err);
    if (st == AIDSTAT_OK)
        st = aid_eukey_check(k, path, err);
    if (st == AIDSTAT_OK) {
        char *d =
            g_strdup_printf("%s%s%s", aidstat_load_report_release(r)[0] ? aidstat_load_report_release(r) : "",
                            aidstat_load_report_release(r)[0] ? ", " : "", path);
        aid_eukey_set_describe(k, d);
        g_free(d);
    }
    aidstat_load_report_free(r);
    if (st != AIDSTAT_OK) {
        aidstat_eukey_free(k);
        return NULL;
    }
    return k;
}

aidstat_eukey_t *aidstat_eukey_load_default(aidstat_error_t *err)
{
    GBytes *b = g_resources_lookup_data(KEY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    if (!b) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, KEY_NAME, 0, 0,
                      "the embedded EU attribution key is missing from this build");
        return NULL;
    }
    gsize len;
    const char *data = g_bytes_get_data(b, &len);
    aidstat_eukey_t *k = aid_eukey_new();
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    /* TRANSLATORS: a file built into aidstat: "kiel-ust-r29.csv (embedded)" */
    char *shown = g_strdup_printf("%s (%s)", KEY_NAME, L_("embedded"));
    opt.display_name = shown;
    aidstat_status_t st = aidstat_load_memory(KEY_NAME, data, len, &opt, key_add, k, NULL, err);
    g_bytes_unref(b);
    if (st == AIDSTAT_OK)
        st = aid_eukey_check(k, KEY_NAME, err);
    if (st != AIDSTAT_OK) {
        g_free(shown);
        aidstat_eukey_free(k);
        return NULL;
    }
    char *describe = g_strdup_printf("Release 29 (04/2026), eu_aid_shares.csv (%s)", L_("embedded"));
    aid_eukey_set_describe(k, describe);
    g_free(describe);
    g_free(shown);
    return k;
}
