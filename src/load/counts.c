/* Reading item counts (data/counts.c) from the Kiel tracker's release-7
 * workbook: the sheets "Committed weapons" and "Delivered weapons" are
 * matrices, one row per weapon (column A its name, "Total Number", "Type",
 * "Sub-type", "Not included"), then one column per donor with its units.
 * The two sheets need not list the same items in the same order: items
 * are matched by name. */
#include "config.h"
#include "aidstat.h"
#include "data/intl.h"
#include "data/counts.h"
#include "data/country.h"
#include "data/error.h"
#include "load/loader.h"
#include "load/number.h"
#include "load/xlsx.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const stage_sheets[] = {"Committed weapons", "Delivered weapons"};

typedef struct {
    aidstat_counts_t *c;
    const char *file, *sheet;
    aidstat_count_stage_t stage;
    aidstat_error_t *err;
    aidstat_status_t st;
    bool header_seen;
    long c_total, c_type;
    GArray *donor_cols; /* long: the donors' columns */
    GPtrArray *donors;  /* const aid_country_t*, parallel */
    GHashTable *items;  /* item name -> row (long), this sheet's */
    long mismatches;    /* rows whose "Total Number" is not the donors' sum */
    GString *mismatch;  /* the first ones, for the note */
} sheet_t;

static aidstat_status_t fail_at(sheet_t *S, long row, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static aidstat_status_t fail_at(sheet_t *S, long row, long col, const char *fmt, ...)
{
    char ref[16], msg[512];
    aid_xlsx_col_name(col < 0 ? 0 : col, ref, sizeof ref);
    char *where = g_strdup_printf("%s:%s!%s%ld", S->file, S->sheet, ref, row);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    S->st = aid_error_set(S->err, AIDSTAT_ERR_INPUT, where, 0, 0, "%s", msg);
    g_free(where);
    return S->st;
}

/* The header: "Total Number", "Type", then donors after the item's
 * description columns ("Sub-type", "Not included"). */
static int header(sheet_t *S, char **f, size_t n, long row)
{
    S->header_seen = true;
    S->c_total = S->c_type = -1;
    for (size_t i = 1; i < n; i++) {
        const char *h = g_strstrip(f[i]);
        if (!h[0])
            continue;
        if (!g_ascii_strcasecmp(h, "Total Number"))
            S->c_total = (long)i;
        else if (!g_ascii_strcasecmp(h, "Type"))
            S->c_type = (long)i;
        else if (!g_ascii_strcasecmp(h, "Sub-type") || !g_ascii_strcasecmp(h, "Not included"))
            continue;
        else {
            const aid_country_t *c = aid_country_by_name(h);
            if (!c)
                return fail_at(S, row, (long)i, "the donor column \"%s\" names no country aidstat knows", h),
                       1;
            long col = (long)i;
            g_array_append_val(S->donor_cols, col);
            g_ptr_array_add(S->donors, (gpointer)c);
        }
    }
    if (!S->donor_cols->len)
        return fail_at(S, row, 0, "the header names no donor columns: this is not a sheet of weapon counts"),
               1;
    return 0;
}

static int count_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    sheet_t *S = user;
    (void)lens;
    if (!S->header_seen)
        return header(S, f, n, row);
    const char *item = n ? g_strstrip(f[0]) : "";
    if (!item[0])
        return 0;
    if (!g_hash_table_insert(S->items, g_strdup(item), GINT_TO_POINTER(row)))
        return fail_at(S, row, 0, "the item \"%s\" is listed twice", item), 1;
    const char *type = S->c_type >= 0 && (size_t)S->c_type < n ? g_strstrip(f[S->c_type]) : "";
    double sum = 0;
    for (guint k = 0; k < S->donor_cols->len; k++) {
        long col = g_array_index(S->donor_cols, long, k);
        const char *s = (size_t)col < n ? f[col] : "";
        double v = 0;
        aid_num_t r = aid_number_parse(s, false, &v);
        if (r == AID_NUM_MISSING)
            continue;
        if (r != AID_NUM_OK || !isfinite(v) || v < 0 || v != floor(v))
            return fail_at(S, row, col, "the count \"%s\" is not a whole number of units", s), 1;
        sum += v;
        if (v > 0) {
            const aid_country_t *c = S->donors->pdata[k];
            aid_counts_add(S->c, c->name, c->code, item, type, S->stage, v);
        }
    }
    double total;
    if (S->c_total >= 0 && (size_t)S->c_total < n &&
        aid_number_parse(f[S->c_total], false, &total) == AID_NUM_OK && total != sum) {
        if (S->mismatches++ < 3)
            g_string_append_printf(S->mismatch, "%s row %ld (%s): %g, the donors' columns %g",
                                   S->mismatches > 1 ? ";" : "", row, item, total, sum);
    }
    return 0;
}

static aidstat_status_t read_stage(aid_xlsx_t *x, aidstat_counts_t *c, const char *file,
                                   aidstat_count_stage_t stage, GHashTable **items, aidstat_error_t *err)
{
    sheet_t S = {c,
                 file,
                 stage_sheets[stage],
                 stage,
                 err,
                 AIDSTAT_OK,
                 false,
                 -1,
                 -1,
                 g_array_new(FALSE, FALSE, sizeof(long)),
                 g_ptr_array_new(),
                 g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                 0,
                 g_string_new(NULL)};
    long i = aid_xlsx_sheet_find(x, S.sheet);
    aidstat_status_t st = aid_xlsx_read_sheet(x, (size_t)i, count_row, &S, err);
    if (S.st != AIDSTAT_OK)
        st = S.st;
    if (st == AIDSTAT_OK && !S.header_seen)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, file, 0, 0, "the sheet \"%s\" is empty", S.sheet);
    if (st == AIDSTAT_OK && S.mismatches)
        /* notes are labels: German only when names are, English for JSON */
        aid_counts_note(c,
                        LP_("\"%s\": %ld row whose \"Total Number\" is not the sum of the donors' columns "
                            "(%s%s); the donors' columns are counted",
                            "\"%s\": %ld rows whose \"Total Number\" is not the sum of the donors' columns "
                            "(%s%s); the donors' columns are counted",
                            (unsigned long)S.mismatches),
                        S.sheet, S.mismatches, S.mismatch->str + (S.mismatch->str[0] == ';'),
                        S.mismatches > 3 ? "; ..." : "");
    g_array_free(S.donor_cols, TRUE);
    g_ptr_array_free(S.donors, TRUE);
    g_string_free(S.mismatch, TRUE);
    *items = S.items;
    return st;
}

static gint name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Items the committed sheet lists that the delivered one does not: none
 * of them delivered, which a note says. */
static void note_undelivered(aidstat_counts_t *c, GHashTable *committed, GHashTable *delivered)
{
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, committed);
    while (g_hash_table_iter_next(&it, &k, NULL))
        if (!g_hash_table_contains(delivered, k))
            g_ptr_array_add(names, k);
    g_ptr_array_sort(names, name_cmp);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", (const char *)names->pdata[i]);
    if (names->len)
        aid_counts_note(
            c,
            LP_("%u item of \"Committed weapons\" has no row in \"Delivered weapons\" and counts "
                "as none delivered: %s",
                "%u items of \"Committed weapons\" have no row in \"Delivered weapons\" and count "
                "as none delivered: %s",
                names->len),
            names->len, s->str);
    g_string_free(s, TRUE);
    g_ptr_array_free(names, TRUE);
}

aidstat_counts_t *aidstat_counts_load_file(const char *path, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aid_xlsx_t *x = aid_xlsx_open(path, path, NULL, err);
    if (!x)
        return NULL;
    aidstat_status_t st = AIDSTAT_OK;
    for (int s = 0; s < 2 && st == AIDSTAT_OK; s++)
        if (aid_xlsx_sheet_find(x, stage_sheets[s]) < 0)
            st = aid_error_set(
                err, AIDSTAT_ERR_INPUT, path, 0, 0,
                "the workbook has no sheet \"%s\": weapon counts need the sheets \"Committed weapons\" "
                "and \"Delivered weapons\" (the Kiel tracker's release-7 workbook has them)",
                stage_sheets[s]);
    char *release = st == AIDSTAT_OK ? aid_workbook_release(x) : NULL;
    char *source = g_strdup_printf("Kiel Institute, Ukraine Support Tracker%s%s", release ? ", " : "",
                                   release ? release : "");
    aidstat_counts_t *c = aid_counts_new(source);
    g_free(source);
    g_free(release);
    GHashTable *items[2] = {NULL, NULL};
    for (int s = 0; s < 2 && st == AIDSTAT_OK; s++)
        st = read_stage(x, c, path, (aidstat_count_stage_t)s, &items[s], err);
    if (st == AIDSTAT_OK)
        note_undelivered(c, items[0], items[1]);
    for (int s = 0; s < 2; s++)
        if (items[s])
            g_hash_table_destroy(items[s]);
    aid_xlsx_close(x);
    if (st != AIDSTAT_OK) {
        aidstat_counts_free(c);
        return NULL;
    }
    return c;
}
