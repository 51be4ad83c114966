/* Unit tests for load/milex.c (SIPRI's military expenditure workbook as a
 * reference table) and per=milex in stats/compare.c, on the fixtures
 * tests/data/xlsx/make-fixtures.py writes (milex-*.xlsx). Expected values
 * are the fixture's cells times a million (US$ m. to dollars); the
 * percentages are worked out from those cells and the fixture rate. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *tmpdir;

static char *xlsx(const char *name)
{
    const char *dir = getenv("TESTDATA");
    return g_build_filename(dir && *dir ? dir : "tests/data", "xlsx", name, NULL);
}

static char *fixture(const char *name, const char *text)
{
    char *path = g_build_filename(tmpdir, name, NULL);
    FILE *fp = fopen(path, "wb");
    if (!fp || fputs(text, fp) < 0 || fclose(fp) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(99);
    }
    return path;
}

static aidstat_reftable_t *load(const char *name, const char *sheet)
{
    char *path = xlsx(name);
    aidstat_error_t err;
    aidstat_reftable_t *t = aidstat_reftable_load_sheet(path, AIDSTAT_REF_MILEX, sheet, NULL, &err);
    if (!t)
        fprintf(stderr, "%s: %s: %s\n", name, err.file, err.message);
    g_free(path);
    return t;
}

static void test_current(void)
{
    aidstat_reftable_t *t = load("milex-mini.xlsx", NULL);
    if (!CHECK(t != NULL))
        return;
    CHECK_EQ_STR(aidstat_reftable_describe(t),
                 "SIPRI Military Expenditure Database (milex-mini.xlsx, sheet \"Current US$\", "
                 "USD, current prices, 2021–2024)");
    CHECK_EQ_STR(aidstat_reftable_currency(t), "USD");
    /* by code (the table of SIPRI's spellings) and by SIPRI's name */
    CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2021), 4000.5e6);
    CHECK_EQ_DBL(aidstat_reftable_get(t, NULL, "Denmark", 2022), 5475.015487991187 * 1e6);
    CHECK(isnan(aidstat_reftable_get(t, "DNK", NULL, 2023))); /* "..." */
    CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", "Denmark", 2024), 9958.8997786911168 * 1e6);
    CHECK_EQ_DBL(aidstat_reftable_get(t, "DEU", "Germany", 2021), 56000e6);
    CHECK(isnan(aidstat_reftable_get(t, "DEU", NULL, 2022)));
    CHECK_EQ_DBL(aidstat_reftable_get(t, "DEU", NULL, 2024), 88458.476389510863 * 1e6);
    /* Kiel writes "Turkiye": found by its code */
    CHECK_EQ_DBL(aidstat_reftable_get(t, "TUR", "Turkiye", 2022), 10000e6);
    CHECK(isnan(aidstat_reftable_get(t, NULL, "Turkiye", 2022)));
    CHECK_EQ_DBL(aidstat_reftable_get(t, NULL, "Türkiye", 2024), 25000e6);
    CHECK(isnan(aidstat_reftable_get(t, "TUR", NULL, 2023))); /* ". ." */
    CHECK_EQ_DBL(aidstat_reftable_get(t, "KOR", "South Korea", 2022), 46365.420707415724 * 1e6);
    CHECK(isnan(aidstat_reftable_get(t, "KOR", NULL, 2021))); /* an empty cell */
    CHECK_EQ_INT(aidstat_reftable_latest_year(t, "KOR", NULL), 2024);
    /* a region label is no country; USSR has only "xxx" */
    CHECK_EQ_INT(aidstat_reftable_latest_year(t, NULL, "Europe"), 0);
    CHECK_EQ_INT(aidstat_reftable_latest_year(t, NULL, "USSR"), 0);
    CHECK(isnan(aidstat_reftable_get(t, NULL, "Western Europe", 2021)));
    if (CHECK_EQ_INT(aidstat_reftable_note_count(t), 4)) {
        CHECK_EQ_STR(aidstat_reftable_note(t, 0), "sheet \"Current US$\": 5 country rows, values 2021–2024");
        CHECK_EQ_STR(aidstat_reftable_note(t, 1), "3 region label rows skipped (a name and no year values)");
        CHECK_EQ_STR(aidstat_reftable_note(t, 2),
                     "8 cells without a value: 3 \"...\" or \". .\" (data unavailable), 4 \"xxx\" "
                     "(country did not exist), 1 empty");
        CHECK_EQ_STR(aidstat_reftable_note(t, 3),
                     "1 name without an ISO 3166 code, matched by name only: USSR");
    }
    CHECK(aidstat_reftable_note(t, 4) == NULL);
    aidstat_reftable_free(t);
}

static void test_other_sheets(void)
{
    aidstat_reftable_t *t = load("milex-mini.xlsx", "Constant (2023) US$");
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t),
                     "SIPRI Military Expenditure Database (milex-mini.xlsx, sheet \"Constant (2023) "
                     "US$\", USD, constant 2023 prices, 2021–2024)");
        /* the unnamed column and Notes are skipped: 2021 is column D */
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2021), 4500e6);
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2024), 9781.6488310131135 * 1e6);
        CHECK_EQ_STR(aidstat_reftable_note(t, 1), "1 region label row skipped (a name and no year values)");
    }
    aidstat_reftable_free(t);

    /* header on row 7; shares stay fractions; the name is matched ignoring case */
    t = load("milex-mini.xlsx", "share of gdp");
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t),
                     "SIPRI Military Expenditure Database (milex-mini.xlsx, sheet \"Share of GDP\", "
                     "share of GDP, a fraction, 2021–2024)");
        CHECK_EQ_STR(aidstat_reftable_currency(t), "");
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2022), 1.3615645742108468E-2);
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2024), 2.4161745416059133E-2);
    }
    aidstat_reftable_free(t);

    /* a CSV: values in base units, currency USD unless given */
    char *path = fixture("milex.csv", "code,country,year,milex\nDNK,Denmark,2024,9.9e9\n");
    aidstat_error_t err;
    t = aidstat_reftable_load_file(path, AIDSTAT_REF_MILEX, NULL, &err);
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t), "milex.csv (military expenditure, USD, 2024)");
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DNK", NULL, 2024), 9.9e9);
        CHECK_EQ_INT(aidstat_reftable_note_count(t), 0);
    }
    aidstat_reftable_free(t);
    /* a sheet means a workbook */
    CHECK(aidstat_reftable_load_sheet(path, AIDSTAT_REF_MILEX, "Current US$", NULL, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "not a workbook: a sheet (\"Current US$\") can be chosen only in a workbook");
    g_unlink(path);
    g_free(path);
}

/* Loading name (sheet) fails in file where with message. */
static void milex_error(const char *name, const char *sheet, aidstat_ref_kind_t kind, const char *where,
                        const char *message, int src)
{
    char *path = xlsx(name);
    char *file = g_strdup_printf("%s%s", path, where);
    aidstat_error_t err;
    aidstat_reftable_t *t = aidstat_reftable_load_sheet(path, kind, sheet, NULL, &err);
    testlib_check(t == NULL, __FILE__, src, "load fails");
    testlib_eq_int(err.code, AIDSTAT_ERR_INPUT, __FILE__, src, "err.code", "AIDSTAT_ERR_INPUT");
    testlib_eq_str(err.file, file, __FILE__, src, "err.file", "file");
    testlib_eq_int(err.line, 0, __FILE__, src, "err.line", "0");
    testlib_eq_str(err.message, message, __FILE__, src, "err.message", "message");
    aidstat_reftable_free(t);
    g_free(file);
    g_free(path);
}
#define MILEX_ERROR(name, sheet, kind, where, message)                                                       \
    milex_error(name, sheet, kind, where, message, __LINE__)

static void test_errors(void)
{
    MILEX_ERROR("kiel-mini.xlsx", NULL, AIDSTAT_REF_MILEX, "",
                "no sheet \"Current US$\" in the workbook (sheets: \"ReadMe\", \"Bilateral "
                "assistance, MAIN DATA\", \"Country Summary\"): not SIPRI's military expenditure "
                "workbook?");
    MILEX_ERROR("milex-noheader.xlsx", NULL, AIDSTAT_REF_MILEX, ":Current US$",
                "no header row starting with \"Country\": not a SIPRI military expenditure sheet?");
    MILEX_ERROR("milex-badcell.xlsx", NULL, AIDSTAT_REF_MILEX, ":Current US$!D9",
                "value \"1,2.5\" is not a number (Denmark, 2023)");
    MILEX_ERROR("milex-mini.xlsx", "Local currency calendar years", AIDSTAT_REF_MILEX, "",
                "sheet \"Local currency calendar years\" is not one of SIPRI's sheets by country "
                "read here: \"Current US$\", \"Constant (2023) US$\", \"Share of GDP\", \"Share of "
                "Govt. spending\", \"Per capita\" (local currencies differ by country)");
    MILEX_ERROR("milex-mini.xlsx", NULL, AIDSTAT_REF_GDP, "",
                "a workbook: only military expenditure (SIPRI's workbook) is read from one; save "
                "the GDP table as CSV");
}

static void test_compare(void)
{
    aidstat_reftable_t *t = load("milex-mini.xlsx", NULL);
    /* a rate in every month of 2023 (1.0) and 2024 (1.25): a yearly average
     * needs the whole year */
    GString *rtext = g_string_new("date,currency,per_eur\n");
    for (int y = 2023; y <= 2024; y++)
        for (int m = 1; m <= 12; m++)
            g_string_append_printf(rtext, "%d-%02d-15,USD,%s\n", y, m, y == 2023 ? "1.0" : "1.25");
    char *rpath = fixture("rates.csv", rtext->str);
    g_string_free(rtext, TRUE);
    aidstat_error_t err;
    aidstat_rates_t *rates = aidstat_rates_load_file(rpath, &err);
    if (!CHECK(t != NULL) || !CHECK(rates != NULL)) {
        aidstat_reftable_free(t);
        aidstat_rates_free(rates);
        g_free(rpath);
        return;
    }
    aidstat_record_t recs[4];
    const char *names[] = {"Denmark", "Germany", "EU (Commission and Council)", "Turkiye"};
    const char *codes[] = {"DNK", "DEU", "EU", "TUR"};
    const double values[] = {1e9, 2e9, 5e9, 1e8};
    for (int i = 0; i < 4; i++) {
        memset(&recs[i], 0, sizeof recs[i]);
        recs[i].donor = names[i];
        recs[i].iso3 = codes[i];
        recs[i].recipient = "Ukraine";
        recs[i].year = 2024;
        recs[i].month = 3;
        recs[i].type = AIDSTAT_TYPE_MILITARY;
        recs[i].measure = AIDSTAT_MEASURE_ALLOCATION;
        recs[i].value = values[i];
        recs[i].currency = "EUR";
        recs[i].source = "test";
        recs[i].release = "";
        recs[i].file = "t.csv";
        recs[i].line = 2 + i;
    }
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = AIDSTAT_KEY_DONOR;
    opt.per = AIDSTAT_PER_MILEX;
    opt.milex = t;

    /* a table in US$ and aid in euros: rates are needed */
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    for (int i = 0; i < 4; i++)
        aidstat_compare_add(&recs[i], c);
    CHECK(aidstat_compare_finish(c, &err) == NULL);
    CHECK_EQ_STR(err.message, "per=milex: the military expenditure table is in USD and the data in "
                              "EUR: give a rates table with rates=FILE");
    aidstat_compare_free(c);

    opt.gdp_rates = rates;
    c = aidstat_compare_new(&opt, &err);
    for (int i = 0; i < 4; i++)
        aidstat_compare_add(&recs[i], c);
    aidstat_result_t *r = aidstat_compare_finish(c, &err);
    aidstat_compare_free(c);
    if (CHECK(r != NULL)) {
        /* 2024: 1.25 US$ per euro, so a dollar is 0.8 euro */
        double dk = 9958.8997786911168e6 * 0.8, de = 88458.476389510863e6 * 0.8, tr = 25000e6 * 0.8;
        CHECK_EQ_INT(aidstat_result_per(r), AIDSTAT_PER_MILEX);
        CHECK_EQ_INT(aidstat_result_rows(r), 4);
        for (size_t i = 0; i < aidstat_result_rows(r); i++) {
            const char *l = aidstat_result_row_label(r, i);
            double v = aidstat_result_value(r, i), m = aidstat_result_gdp(r, i);
            if (!strcmp(l, "Denmark")) {
                CHECK_NEAR(v, 1e9 / dk * 100, 1e-14);
                CHECK_NEAR(m, dk, 1e-15);
            } else if (!strcmp(l, "Germany")) {
                CHECK_NEAR(v, 2e9 / de * 100, 1e-14);
            } else if (!strcmp(l, "Turkiye")) {
                CHECK_NEAR(v, 1e8 / tr * 100, 1e-14); /* 0.5 % */
                CHECK_NEAR(v, 0.5, 1e-14);
            } else {
                CHECK_EQ_STR(l, "EU (Commission and Council)");
                CHECK(isnan(v));
            }
        }
        CHECK_NEAR(aidstat_result_total(r), 3.1e9 / (dk + de + tr) * 100, 1e-14);
        CHECK_EQ_STR(aidstat_result_total_label(r), "All donors with milex");
        if (CHECK_EQ_INT(aidstat_result_note_count(r), 2)) {
            char *want =
                g_strdup_printf("military expenditure of 2024 from SIPRI Military Expenditure Database "
                                "(milex-mini.xlsx, sheet \"Current US$\", USD, current prices, 2021–2024), "
                                "converted to EUR at that year's average rate: %s",
                                aidstat_rates_describe(rates));
            CHECK_EQ_STR(aidstat_result_note(r, 0), want);
            g_free(want);
            CHECK_EQ_STR(aidstat_result_note(r, 1),
                         "no military expenditure in the table for EU (Commission and Council): "
                         "shown as n/a and left out of the total");
        }
    } else {
        fprintf(stderr, "  %s\n", err.message);
    }
    aidstat_result_free(r);

    /* 2023: Denmark's cell is "..." (and it has a later year): n/a */
    opt.milex_year = 2023;
    c = aidstat_compare_new(&opt, &err);
    for (int i = 0; i < 4; i++)
        aidstat_compare_add(&recs[i], c);
    r = aidstat_compare_finish(c, &err);
    aidstat_compare_free(c);
    if (CHECK(r != NULL)) {
        for (size_t i = 0; i < aidstat_result_rows(r); i++)
            if (!strcmp(aidstat_result_row_label(r, i), "Germany"))
                CHECK_NEAR(aidstat_result_value(r, i), 2e9 / 67285.198637862413e6 * 100, 1e-14);
        CHECK_EQ_STR(aidstat_result_note(r, 1),
                     "no military expenditure in the table for Denmark, EU (Commission and "
                     "Council), Turkiye: shown as n/a and left out of the total");
    }
    aidstat_result_free(r);

    /* a share sheet cannot divide money */
    aidstat_reftable_t *share = load("milex-mini.xlsx", "Share of GDP");
    opt.milex = share;
    CHECK(aidstat_compare_new(&opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK(g_str_has_prefix(err.message, "per=milex divides by military expenditure in money: "));
    opt.milex = NULL;
    CHECK(aidstat_compare_new(&opt, &err) == NULL);
    CHECK_EQ_STR(err.message, "per=milex needs a military expenditure table (milex=FILE: SIPRI's workbook)");
    aidstat_reftable_free(share);
    aidstat_rates_free(rates);
    aidstat_reftable_free(t);
    g_unlink(rpath);
    g_free(rpath);
}

int main(void)
{
    tmpdir = g_dir_make_tmp("test-milex-XXXXXX", NULL);
    if (!tmpdir) {
        fprintf(stderr, "cannot make a temporary directory\n");
        return 99;
    }
    test_current();
    test_other_sheets();
    test_errors();
    test_compare();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return testlib_done("test-milex");
}
