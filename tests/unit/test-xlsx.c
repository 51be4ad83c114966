/* Unit tests for load/xlsx.c on the fixtures tests/data/xlsx/make-fixtures.py
 * writes: the sheet list, every cell type, ragged rows and gaps, dates,
 * and the files that must be refused (not a zip, truncated, zip bombs). */
#include "config.h"
#include "load/xlsx.h"
#include "testlib.h"

#include <glib.h>
#include <stdlib.h>

static char *fixture(const char *name)
{
    const char *dir = getenv("TESTDATA");
    return g_build_filename(dir && *dir ? dir : "tests/data", "xlsx", name, NULL);
}

/* Rows as "row|field|field|..." lines, kinds as letters. */
typedef struct {
    aid_xlsx_t *x;
    GString *out;
    GString *kinds;
    int stop_after;
    int rows;
} dump_t;

static int dump_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    dump_t *d = user;
    g_string_append_printf(d->out, "%ld", row);
    g_string_append_printf(d->kinds, "%ld:", row);
    for (size_t i = 0; i < n; i++) {
        g_string_append_printf(d->out, "|%s", f[i]);
        testlib_result(strlen(f[i]) == lens[i]);
        g_string_append_c(d->kinds, "-nsbed"[aid_xlsx_cell_kind(d->x, i)]);
    }
    g_string_append_c(d->out, '\n');
    g_string_append_c(d->kinds, ' ');
    return d->stop_after && ++d->rows >= d->stop_after;
}

static void test_refs(void)
{
    long c, r;
    CHECK(aid_xlsx_ref_parse("A1", &c, &r) && c == 0 && r == 1);
    CHECK(aid_xlsx_ref_parse("C12", &c, &r) && c == 2 && r == 12);
    CHECK(aid_xlsx_ref_parse("AB7", &c, &r) && c == 27 && r == 7);
    CHECK(aid_xlsx_ref_parse("$AR$1033", &c, &r) && c == 43 && r == 1033);
    CHECK(aid_xlsx_ref_parse("XFD1048576", &c, &r) && c == 16383 && r == 1048576);
    CHECK(!aid_xlsx_ref_parse("XFE1", &c, &r));     /* past Excel's last column */
    CHECK(!aid_xlsx_ref_parse("A1048577", &c, &r)); /* past its last row */
    CHECK(!aid_xlsx_ref_parse("A0", &c, &r));
    CHECK(!aid_xlsx_ref_parse("12", &c, &r));
    CHECK(!aid_xlsx_ref_parse("A", &c, &r));
    CHECK(!aid_xlsx_ref_parse("A1x", &c, &r));
    CHECK(!aid_xlsx_ref_parse("AAAA1", &c, &r));
    char b[8];
    CHECK_EQ_STR(aid_xlsx_col_name(0, b, sizeof b), "A");
    CHECK_EQ_STR(aid_xlsx_col_name(25, b, sizeof b), "Z");
    CHECK_EQ_STR(aid_xlsx_col_name(26, b, sizeof b), "AA");
    CHECK_EQ_STR(aid_xlsx_col_name(43, b, sizeof b), "AR");
    CHECK_EQ_STR(aid_xlsx_col_name(16383, b, sizeof b), "XFD");
}

static void test_dates(void)
{
    int y, m, d;
    CHECK(aid_xlsx_serial_date(1, false, &y, &m, &d) && y == 1900 && m == 1 && d == 1);
    CHECK(aid_xlsx_serial_date(59, false, &y, &m, &d) && y == 1900 && m == 2 && d == 28);
    CHECK(!aid_xlsx_serial_date(60, false, &y, &m, &d)); /* Lotus's 1900-02-29 */
    CHECK(aid_xlsx_serial_date(61, false, &y, &m, &d) && y == 1900 && m == 3 && d == 1);
    CHECK(aid_xlsx_serial_date(44621, false, &y, &m, &d) && y == 2022 && m == 3 && d == 1);
    CHECK(aid_xlsx_serial_date(44616.75, false, &y, &m, &d) && y == 2022 && m == 2 && d == 24);
    /* the Kiel workbook's mistyped year: 2922-02-09 */
    CHECK(aid_xlsx_serial_date(373319, false, &y, &m, &d) && y == 2922 && m == 2 && d == 9);
    CHECK(aid_xlsx_serial_date(2958465, false, &y, &m, &d) && y == 9999 && m == 12 && d == 31);
    CHECK(!aid_xlsx_serial_date(2958466, false, &y, &m, &d));
    CHECK(!aid_xlsx_serial_date(0, false, &y, &m, &d));
    CHECK(!aid_xlsx_serial_date(-1, false, &y, &m, &d));
    CHECK(aid_xlsx_serial_date(0, true, &y, &m, &d) && y == 1904 && m == 1 && d == 1);
    CHECK(aid_xlsx_serial_date(43159, true, &y, &m, &d) && y == 2022 && m == 3 && d == 1);
}

static void test_basic(void)
{
    char *path = fixture("basic.xlsx");
    aidstat_error_t err;
    aid_xlsx_t *x = aid_xlsx_open(path, "basic.xlsx", NULL, &err);
    if (!CHECK(x != NULL)) {
        fprintf(stderr, "%s\n", err.message);
        g_free(path);
        return;
    }
    CHECK_EQ_INT(aid_xlsx_sheet_count(x), 2);
    CHECK_EQ_STR(aid_xlsx_sheet_name(x, 0), "Data");
    CHECK_EQ_STR(aid_xlsx_sheet_name(x, 1), "Second sheet");
    CHECK(aid_xlsx_sheet_name(x, 2) == NULL);
    CHECK_EQ_INT(aid_xlsx_sheet_find(x, "Second sheet"), 1);
    CHECK_EQ_INT(aid_xlsx_sheet_find(x, "second SHEET"), 1);
    CHECK_EQ_INT(aid_xlsx_sheet_find(x, "Third"), -1);
    CHECK(!aid_xlsx_date1904(x));

    dump_t d = {x, g_string_new(NULL), g_string_new(NULL), 0, 0};
    CHECK_EQ_INT(aid_xlsx_read_sheet(x, 0, dump_row, &d, &err), AIDSTAT_OK);
    CHECK_EQ_STR(d.out->str, "1|name|value|flag|when|note\n"
                             "2|Türkiye|1.5|TRUE|44621|inline text\n"
                             "3|Česko|#N/A|FALSE||formula text\n"
                             "5|ragged|23456872.86374908\n"
                             "6|||third\n");
    CHECK_EQ_STR(d.kinds->str, "1:sssss 2:snbns 3:seb-s 5:sn 6:--s ");
    long rows = -1;
    CHECK_EQ_INT(aid_xlsx_count_rows(x, 0, &rows, &err), AIDSTAT_OK);
    CHECK_EQ_INT(rows, 5);

    /* the second sheet: a target through "../", rich text without its
     * phonetic guide, cells without r=, an empty <row/> */
    g_string_truncate(d.out, 0);
    g_string_truncate(d.kinds, 0);
    CHECK_EQ_INT(aid_xlsx_read_sheet(x, 1, dump_row, &d, &err), AIDSTAT_OK);
    CHECK_EQ_STR(d.out->str, "1|x\n2|rich text|7||8\n");
    CHECK_EQ_INT(aid_xlsx_count_rows(x, 1, &rows, &err), AIDSTAT_OK);
    CHECK_EQ_INT(rows, 2);

    /* a callback that stops */
    g_string_truncate(d.out, 0);
    d.stop_after = 2;
    CHECK_EQ_INT(aid_xlsx_read_sheet(x, 0, dump_row, &d, &err), AIDSTAT_ERR_ABORTED);
    CHECK_EQ_INT(d.rows, 2);
    aid_xlsx_close(x);

    /* the same bytes from memory */
    gchar *data;
    gsize len;
    if (CHECK(g_file_get_contents(path, &data, &len, NULL))) {
        CHECK(aid_xlsx_sniff(data, len));
        x = aid_xlsx_open_memory("mem.xlsx", data, len, NULL, &err);
        if (CHECK(x != NULL)) {
            g_string_truncate(d.out, 0);
            d.x = x;
            d.stop_after = 0;
            CHECK_EQ_INT(aid_xlsx_read_sheet(x, 1, dump_row, &d, &err), AIDSTAT_OK);
            CHECK_EQ_STR(d.out->str, "1|x\n2|rich text|7||8\n");
            aid_xlsx_close(x);
        }
        g_free(data);
    }
    g_string_free(d.out, TRUE);
    g_string_free(d.kinds, TRUE);
    g_free(path);
}

/* Opening (or reading sheet 0 of) name fails with this message. */
static void expect_error(const char *name, const aid_xlsx_limits_t *lim, const char *want)
{
    char *path = fixture(name);
    aidstat_error_t err;
    aidstat_error_clear(&err);
    aid_xlsx_t *x = aid_xlsx_open(path, name, lim, &err);
    aidstat_status_t st = AIDSTAT_OK;
    if (x) {
        dump_t d = {x, g_string_new(NULL), g_string_new(NULL), 0, 0};
        st = aid_xlsx_read_sheet(x, 0, dump_row, &d, &err);
        g_string_free(d.out, TRUE);
        g_string_free(d.kinds, TRUE);
        aid_xlsx_close(x);
    }
    CHECK(!x || st == AIDSTAT_ERR_INPUT);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_INPUT);
    char buf[1200];
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf), want);
    g_free(path);
}

static void test_hostile(void)
{
    expect_error("notzip.xlsx", NULL, "notzip.xlsx: not a zip archive, so not an XLSX workbook");
    expect_error("truncated.xlsx", NULL,
                 "truncated.xlsx: damaged zip archive (truncated?): it starts like one but has "
                 "no central directory at its end");
    expect_error("badxml.xlsx", NULL,
                 "badxml.xlsx:Data: xl/worksheets/sheet1.xml:3: malformed XML: Opening and "
                 "ending tag mismatch: c line 3 and row");
    expect_error("dtd.xlsx", NULL,
                 "dtd.xlsx:Data: xl/worksheets/sheet1.xml: malformed XML: a document type "
                 "declaration (not allowed here)");
    expect_error("badref.xlsx", NULL, "badref.xlsx:Data!A2: bad cell reference r=\"2B\"");
    expect_error("badsst.xlsx", NULL,
                 "badsst.xlsx:Data!B1: shared string index \"7\" out of range (the workbook has 2)");
    expect_error("order.xlsx", NULL, "order.xlsx:Data!A2: row 2 comes after row 3");
    expect_error("noworkbook.xlsx", NULL,
                 "noworkbook.xlsx: not a valid XLSX workbook: the archive has no xl/workbook.xml");
    expect_error("bigsize.xlsx", NULL,
                 "bigsize.xlsx: xl/worksheets/data.xml: declares 629145600 bytes uncompressed, "
                 "more than the limit of 512 MiB: refusing to read it (a zip bomb?)");
    expect_error("bomb.xlsx", NULL,
                 "bomb.xlsx: xl/worksheets/sheet1.xml: declares 3146047 bytes from 3290 "
                 "compressed, more than 250 times: refusing to read it (a zip bomb?)");
    expect_error("bomb-lying.xlsx", NULL,
                 "bomb-lying.xlsx:Data: xl/worksheets/sheet1.xml: expands more than 250 times "
                 "(3290 compressed bytes gave more than 822500): refusing to read further (a zip bomb?)");
    /* smaller limits: cells per row, shared strings, bytes per entry */
    aid_xlsx_limits_t lim;
    aid_xlsx_limits_init(&lim);
    lim.max_cols = 4;
    expect_error("basic.xlsx", &lim, "basic.xlsx:Data!E1: more than 4 cells in a row");
    aid_xlsx_limits_init(&lim);
    lim.max_strings = 3;
    expect_error("basic.xlsx", &lim, "basic.xlsx: xl/sharedStrings.xml: more than 3 shared strings");
    aid_xlsx_limits_init(&lim);
    lim.max_cell = 4;
    expect_error("basic.xlsx", &lim,
                 "basic.xlsx: xl/sharedStrings.xml: shared string 1 is longer than 4 bytes");
    aid_xlsx_limits_init(&lim);
    lim.max_entry = 600;
    expect_error("basic.xlsx", &lim,
                 "basic.xlsx: xl/sharedStrings.xml: declares 740 bytes uncompressed, more than "
                 "the limit of 600 bytes: refusing to read it (a zip bomb?)");
}

/* Sheet entries that share a part: the part is read once, whichever
 * entry asks first; the count of sheet entries is capped. */
static void test_shared_part(void)
{
    char *path = fixture("shared-part.xlsx");
    aidstat_error_t err;
    aid_xlsx_t *x = aid_xlsx_open(path, "shared-part.xlsx", NULL, &err);
    CHECK(x != NULL);
    if (x) {
        unsigned before = aid_xlsx_parts_read(x);
        dump_t d = {x, g_string_new(NULL), g_string_new(NULL), 0, 0};
        CHECK_EQ_INT(aid_xlsx_read_sheet(x, 1, dump_row, &d, &err), AIDSTAT_OK);
        CHECK_EQ_STR(d.out->str, "1|donor|year|type|value\n2|Germany|2022|military|1\n"
                                 "4|France|2023|military|2\n");
        for (size_t i = 0; i < 3; i++) {
            long rows = 0;
            CHECK_EQ_INT(aid_xlsx_sheet_extent(x, i, &rows, &err), AIDSTAT_OK);
            CHECK_EQ_INT(rows, 3); /* rows holding a cell: no <dimension> */
        }
        /* the sheet once, the shared strings once */
        CHECK_EQ_INT(aid_xlsx_parts_read(x) - before, 2);
        g_string_free(d.out, TRUE);
        g_string_free(d.kinds, TRUE);
        aid_xlsx_close(x);
    }
    /* the extents alone: one read (counted, as there is no <dimension>) */
    x = aid_xlsx_open(path, "shared-part.xlsx", NULL, &err);
    CHECK(x != NULL);
    if (x) {
        unsigned before = aid_xlsx_parts_read(x);
        for (size_t i = 0; i < 3; i++) {
            long rows = 0;
            CHECK_EQ_INT(aid_xlsx_sheet_extent(x, i, &rows, &err), AIDSTAT_OK);
            CHECK_EQ_INT(rows, 3);
        }
        /* one read finds no <dimension> and counts on */
        CHECK_EQ_INT(aid_xlsx_parts_read(x) - before, 1);
        aid_xlsx_close(x);
    }
    g_free(path);
    expect_error("many-sheets.xlsx", NULL, "many-sheets.xlsx: xl/workbook.xml lists more than 4096 sheets");
}

int main(void)
{
    test_refs();
    test_dates();
    test_basic();
    test_hostile();
    test_shared_part();
    return testlib_done("test-xlsx");
}
