/* Workbooks through the loader: choose the sheet, say in the report which
 * sheets there are and which one was read, take the Kiel release from the
 * ReadMe sheet, then hand the sheet's rows to the same header and row rules
 * as a CSV file. */
#include "config.h"
#include "load/loader.h"
#include "data/intl.h"
#include "data/tally.h"
#include "load/xlsx.h"
#include "data/error.h"

#include <glib.h>
#include <string.h>

/* Sheets named, with their extents, in the load report's note. */
#define AID_WORKBOOK_LIST_SHEETS 50

typedef struct {
    aid_xlsx_t *x;
    size_t sheet;
} sheet_ctx_t;

static aidstat_status_t read_sheet(void *ctx, aid_csv_row_fn fn, void *user, aidstat_error_t *err)
{
    sheet_ctx_t *c = ctx;
    /* aid_xlsx_row_fn and aid_csv_row_fn have the same shape */
    return aid_xlsx_read_sheet(c->x, c->sheet, (aid_xlsx_row_fn)fn, user, err);
}

/* "Ukraine Support Tracker – 7th release (covering ...)": "7th release". */
typedef struct {
    char *release;
    GRegex *re;
} readme_t;

static int readme_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    readme_t *r = user;
    (void)lens;
    (void)row;
    for (size_t i = 0; i < n && !r->release; i++) {
        GMatchInfo *m = NULL;
        if (g_regex_match(r->re, f[i], 0, &m))
            r->release = g_match_info_fetch(m, 1);
        g_match_info_free(m);
    }
    return r->release != NULL;
}

char *aid_workbook_release(aid_xlsx_t *x)
{
    long i = aid_xlsx_sheet_find(x, "ReadMe");
    if (i < 0)
        return NULL;
    readme_t r = {NULL,
                  g_regex_new("Support Tracker\\W+([0-9]+(st|nd|rd|th) release)", G_REGEX_CASELESS, 0, NULL)};
    aidstat_error_t err;
    aid_xlsx_read_sheet(x, (size_t)i, readme_row, &r, &err); /* stops at the first match */
    g_regex_unref(r.re);
    return r.release;
}

static long default_sheet(aid_xlsx_t *x)
{
    /* the Kiel tracker: "Bilateral assistance, MAIN DATA" (r7), later
     * "Bilateral Assistance, MAIN DATA" */
    long i = aid_xlsx_sheet_find(x, "Bilateral Assistance, MAIN DATA");
    return i >= 0 ? i : 0;
}

/* Load an open workbook (closed here). */
static aidstat_status_t load_book(aid_xlsx_t *x, const char *name, const aidstat_load_options_t *opt,
                                  aidstat_record_fn fn, void *user, aidstat_load_report_t *report,
                                  aidstat_error_t *err)
{
    aidstat_status_t st = AIDSTAT_OK;
    size_t ns = aid_xlsx_sheet_count(x);
    long sheet = -1;
    if (opt && opt->sheet) {
        sheet = aid_xlsx_sheet_find(x, opt->sheet);
        if (sheet < 0) {
            GString *list = g_string_new(NULL);
            for (size_t i = 0; i < ns; i++)
                g_string_append_printf(list, "%s\"%s\"", i ? ", " : "", aid_xlsx_sheet_name(x, i));
            st = aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0,
                               "no sheet \"%s\" in the workbook (sheets: %s)", opt->sheet, list->str);
            g_string_free(list, TRUE);
            goto out;
        }
    } else {
        sheet = default_sheet(x);
    }
    const char *sname = aid_xlsx_sheet_name(x, (size_t)sheet);
    char *release = aid_workbook_release(x);
    char *where = g_strdup_printf("%s:%s", name, sname);
    sheet_ctx_t ctx = {x, (size_t)sheet};
    aid_rows_t rows = {read_sheet, &ctx, where, release, aid_xlsx_date1904(x)};
    st = aid_load_rows(name, &rows, opt, fn, user, report, err);
    if (st == AIDSTAT_OK && report) {
        /* each sheet's extent from its <dimension>, read without the cells */
        GString *list = g_string_new(NULL);
        /* a long list says little more than its start: name the first
         * ones (whose extents are all that is read) and count the rest */
        size_t shown = MIN(ns, (size_t)AID_WORKBOOK_LIST_SHEETS);
        for (size_t i = 0; i < shown; i++) {
            long rowsn = 0;
            aidstat_error_t e2;
            g_string_append_printf(list, "%s%s", i ? "; " : "", aid_xlsx_sheet_name(x, i));
            if (aid_xlsx_sheet_extent(x, i, &rowsn, &e2) == AIDSTAT_OK)
                g_string_append_printf(list, P_(" (%ld row)", " (%ld rows)", (unsigned long)rowsn), rowsn);
            else
                g_string_append(list, _(" (unreadable)"));
        }
        if (shown < ns)
            g_string_append_printf(list, "; and %zu more", ns - shown);
        if (ns == 1)
            aid_tally_note(report, "workbook with %zu sheet: %s", ns, list->str);
        else
            aid_tally_note(report, "workbook with %zu sheets: %s", ns, list->str);
        if (opt && opt->sheet)
            aid_tally_note(report, "sheet loaded: \"%s\" (line numbers are its row numbers)", sname);
        else
            aid_tally_note(report,
                           "sheet loaded: \"%s\" (line numbers are its row numbers); choose another with "
                           "\001sheet NAME\002",
                           sname);
        if (release)
            aid_tally_note(report, "release from the ReadMe sheet: %s", release);
        g_string_free(list, TRUE);
    }
    g_free(where);
    g_free(release);
out:
    aid_xlsx_close(x);
    return st;
}

aidstat_status_t aid_load_workbook(const char *path, const char *data, size_t len, const char *name,
                                   const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                                   aidstat_load_report_t *report, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_error_clear(err);
    aid_xlsx_t *x =
        path ? aid_xlsx_open(path, name, NULL, err) : aid_xlsx_open_memory(name, data, len, NULL, err);
    if (!x)
        return err->code;
    return load_book(x, name, opt, fn, user, report, err);
}

aidstat_status_t aid_load_workbook_stream(FILE *fp, const void *head, size_t n, const char *name,
                                          const aidstat_load_options_t *opt, aidstat_record_fn fn, void *user,
                                          aidstat_load_report_t *report, aidstat_error_t *err)
{
    aidstat_error_t local;
    if (!err)
        err = &local;
    aidstat_error_clear(err);
    aid_xlsx_t *x = aid_xlsx_open_stream(fp, head, n, name, NULL, err);
    if (!x)
        return err->code;
    return load_book(x, name, opt, fn, user, report, err);
}
