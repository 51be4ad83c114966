/* Unit tests for stats/diff.c and stats/attribute.c on hand-made records
 * whose figures are worked out in the comments. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <gio/gio.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static aidstat_record_t mk(const char *donor, const char *iso3, int year, int month, aidstat_type_t type,
                           aidstat_measure_t measure, double value, const char *currency)
{
    aidstat_record_t r;
    memset(&r, 0, sizeof r);
    r.donor = donor;
    r.iso3 = iso3;
    r.recipient = "Ukraine";
    r.year = year;
    r.month = month;
    r.type = type;
    r.measure = measure;
    r.value = value;
    r.currency = currency;
    r.source = "Test";
    r.release = "";
    r.file = "t.csv";
    r.line = 2;
    return r;
}

/* The embedded key (src/resources.c) registers itself from a constructor;
 * naming a symbol of that object links it into this static test. */
GResource *aid_resources_get_resource(void);

#define MIL AIDSTAT_TYPE_MILITARY
#define ALLOC AIDSTAT_MEASURE_ALLOCATION

static const aidstat_diff_row_t *find(const aidstat_diff_t *d, const char *label)
{
    for (size_t i = 0; i < aidstat_diff_rows(d); i++)
        if (!strcmp(aidstat_diff_row(d, i)->label, label))
            return aidstat_diff_row(d, i);
    return NULL;
}

/* Old covers 2023-02..2023-06; new all of 2023 (a year-only record for
 * B) and Nov 2023: compared Feb-Jun 2023. A: old 10 (Feb) + 5 (May) = 15;
 * new 7 (May), and 3 (Nov) apart: change -8. B's year-only record straddles
 * the edge (counted with the common periods, noted); C undated in the old
 * file (compared, noted). Codes match across spellings and case. */
static void test_periods(void)
{
    aidstat_error_t err;
    aidstat_diff_t *d = aidstat_diff_new(NULL, &err);
    aidstat_record_t o[] = {
        mk("A", "AAA", 2023, 2, MIL, ALLOC, 10, "EUR"), mk("A", "AAA", 2023, 5, MIL, ALLOC, 5, "EUR"),
        mk("B", "BBB", 2023, 6, MIL, ALLOC, 1, "EUR"), mk("C", "CCC", 0, 0, MIL, ALLOC, 4, "EUR")};
    aidstat_record_t n[] = {mk("A-land", "aaa", 2023, 5, MIL, ALLOC, 7, "EUR"),
                            mk("A-land", "AAA", 2023, 11, MIL, ALLOC, 3, "EUR"),
                            mk("B", "BBB", 2023, 0, MIL, ALLOC, 2, "EUR"),
                            mk("C", "CCC", 2023, 4, MIL, ALLOC, 4, "EUR")};
    for (size_t i = 0; i < G_N_ELEMENTS(o); i++)
        aidstat_diff_add_old(&o[i], d);
    for (size_t i = 0; i < G_N_ELEMENTS(n); i++)
        aidstat_diff_add_new(&n[i], d);
    CHECK_EQ_INT(aidstat_diff_finish(d, &err), AIDSTAT_OK);
    int y0, m0, y1, m1;
    aidstat_diff_common_period(d, &y0, &m0, &y1, &m1);
    CHECK_EQ_INT(y0 * 100 + m0, 202302);
    CHECK_EQ_INT(y1 * 100 + m1, 202306);
    const aidstat_diff_row_t *a = find(d, "A-land");
    CHECK(a != NULL);
    if (a) {
        CHECK_EQ_DBL(a->old_value, 15);
        CHECK_EQ_DBL(a->new_value, 7);
        CHECK_EQ_DBL(a->change, -8);
        CHECK_EQ_DBL(a->new_periods, 3);
        CHECK_EQ_DBL(a->old_periods, 0);
        CHECK_EQ_INT(a->status, AIDSTAT_DIFF_REVISED);
        CHECK_EQ_INT(a->type, MIL); /* one type: its rows are the totals */
    }
    const aidstat_diff_row_t *b = find(d, "B");
    CHECK(b && b->old_value == 1 && b->new_value == 2);
    const aidstat_diff_row_t *c = find(d, "C");
    CHECK(c && c->change == 0 && c->status == AIDSTAT_DIFF_SAME);
    CHECK_EQ_INT(aidstat_diff_note_count(d), 2); /* undated records; a year straddling the edge */
    CHECK_EQ_INT(aidstat_diff_donor_count(d, 0) + aidstat_diff_donor_count(d, 1), 0);
    aidstat_diff_free(d);
}

static void test_refusals(void)
{
    aidstat_error_t err;
    aidstat_diff_t *d = aidstat_diff_new(NULL, &err);
    aidstat_record_t o = mk("A", "AAA", 2023, 2, MIL, ALLOC, 10, "EUR");
    aidstat_record_t n = mk("A", "AAA", 2023, 2, MIL, ALLOC, 10, "USD");
    aidstat_diff_add_old(&o, d);
    aidstat_diff_add_new(&n, d);
    CHECK_EQ_INT(aidstat_diff_finish(d, &err), AIDSTAT_ERR_DATA);
    CHECK(strstr(err.message, "different units") != NULL);
    aidstat_diff_free(d);

    d = aidstat_diff_new(NULL, &err);
    n = mk("A", "AAA", 2023, 2, MIL, AIDSTAT_MEASURE_COMMITMENT, 10, "EUR");
    aidstat_diff_add_old(&o, d);
    aidstat_diff_add_new(&n, d);
    CHECK_EQ_INT(aidstat_diff_finish(d, &err), AIDSTAT_ERR_DATA);
    CHECK(strstr(err.message, "share no measure") != NULL);
    aidstat_diff_free(d);

    d = aidstat_diff_new(NULL, &err);
    aidstat_diff_add_old(&o, d);
    CHECK_EQ_INT(aidstat_diff_finish(d, &err), AIDSTAT_ERR_EMPTY);
    aidstat_diff_free(d);
}

static int collect(const aidstat_record_t *rec, void *user)
{
    double *sum = user;
    if (!strcmp(rec->iso3, "DNK"))
        sum[0] += rec->value;
    else if (!strcmp(rec->iso3, "DEU"))
        sum[1] += rec->value;
    sum[2] += rec->value;
    return 0;
}

/* The embedded Release 29 key: 27 members; an EU record of 84.425291 bn
 * (the EU institutions' allocations) is shared out and the total kept:
 * Germany gets 84.425291 x 19.112542 / 84.425292 bn. */
static void test_attribution(void)
{
    aidstat_error_t err;
    aidstat_eukey_t *k = aidstat_eukey_load_default(&err);
    CHECK(k != NULL);
    if (!k)
        return;
    CHECK_EQ_INT(aidstat_eukey_count(k), 27);
    CHECK_NEAR(aidstat_eukey_total(k), 84.425292e9, 1e-12);
    double sum[3] = {0, 0, 0};
    aidstat_attribution_t *a = aidstat_attribution_new(k, NULL, collect, sum);
    aidstat_record_t eu =
        mk("EU (Commission and Council)", "EU", 2023, 1, AIDSTAT_TYPE_FINANCIAL, ALLOC, 84.425291e9, "EUR");
    aidstat_record_t dk = mk("Denmark", "DNK", 2023, 1, MIL, ALLOC, 1e9, "EUR");
    aidstat_attribution_add(&eu, a);
    aidstat_attribution_add(&dk, a);
    CHECK_EQ_DBL(sum[2], 1e9); /* the EU record is held until finish */
    CHECK_EQ_INT(aidstat_attribution_finish(a, &err), AIDSTAT_OK);
    CHECK_NEAR(sum[2], 85.425291e9, 1e-12);
    CHECK_NEAR(sum[1], 84.425291e9 * 19.112542 / 84.425292, 1e-12);
    CHECK_NEAR(sum[0], 1e9 + 84.425291e9 * 1.944231 / 84.425292, 1e-12);
    CHECK(strstr(aidstat_attribution_describe(a), "including attributed EU aid") != NULL);
    aidstat_attribution_free(a);

    /* a key of other data: the EU row is 10 % larger */
    a = aidstat_attribution_new(k, NULL, collect, sum);
    eu.value = 92.87e9;
    aidstat_attribution_add(&eu, a);
    CHECK_EQ_INT(aidstat_attribution_finish(a, &err), AIDSTAT_ERR_DATA);
    CHECK(strstr(err.message, "belongs to other data") != NULL);
    aidstat_attribution_free(a);
    aidstat_eukey_free(k);
}

/* A workbook key (tests/data/xlsx/eukey-mini.xlsx): three parts, EU 50/30/20
 * of 1,000,000, EPF 40/40/20 of 200,000, EIB 25/25/50 of 100,000, keyed on
 * commitments; each EU body's record goes to its own part's members. */
static void test_workbook_key(void)
{
    const char *dir = getenv("TESTDATA");
    char *path = g_build_filename(dir && *dir ? dir : "tests/data", "xlsx", "eukey-mini.xlsx", NULL);
    aidstat_error_t err;
    aidstat_eukey_t *k = aidstat_eukey_load_file(path, &err);
    CHECK(k != NULL);
    if (!k) {
        g_free(path);
        return;
    }
    CHECK_EQ_INT(aidstat_eukey_count(k), 9);
    CHECK_EQ_INT(aidstat_eukey_body_count(k), 3);
    CHECK_EQ_INT(aidstat_eukey_measure(k), AIDSTAT_MEASURE_COMMITMENT);
    double t;
    CHECK(!strcmp(aidstat_eukey_body(k, 1, &t), "EPF"));
    CHECK_NEAR(t, 200000, 1e-12);
    double share;
    const char *code;
    CHECK(!strcmp(aidstat_eukey_member(k, 8, &code, &share), "Estonia"));
    CHECK(!strcmp(code, "EST") && !strcmp(aidstat_eukey_member_body(k, 8), "EIB"));
    CHECK_NEAR(share, 0.5, 1e-12);
    CHECK_NEAR(aidstat_eukey_total(k), 1300000, 1e-12);
    /* the data file's own key; a CSV brings none */
    aidstat_eukey_t *own = aidstat_eukey_load_own(path, &err);
    CHECK(own != NULL && aidstat_eukey_body_count(own) == 3);
    aidstat_eukey_free(own);
    CHECK(aidstat_eukey_load_own(__FILE__, &err) == NULL && err.code == AIDSTAT_OK);

    double sum[3] = {0, 0, 0};
    aidstat_attribution_t *a = aidstat_attribution_new(k, NULL, collect, sum);
    aidstat_record_t eu = mk("EU (Commission and Council)", "EU", 2022, 3, AIDSTAT_TYPE_FINANCIAL,
                             AIDSTAT_MEASURE_COMMITMENT, 1e6, "EUR");
    aidstat_record_t epf =
        mk("European Peace Facility", "EPF", 2022, 4, MIL, AIDSTAT_MEASURE_COMMITMENT, 2e5, "EUR");
    aidstat_record_t eib = mk("European Investment Bank", "EIB", 2022, 6, AIDSTAT_TYPE_FINANCIAL,
                              AIDSTAT_MEASURE_COMMITMENT, 1e5, "EUR");
    aidstat_attribution_add(&eu, a);
    aidstat_attribution_add(&epf, a);
    aidstat_attribution_add(&eib, a);
    CHECK_EQ_INT(aidstat_attribution_finish(a, &err), AIDSTAT_OK);
    CHECK_NEAR(sum[1], 5e5 + 8e4 + 2.5e4, 1e-12); /* Germany */
    CHECK_NEAR(sum[2], 1.3e6, 1e-12);
    aidstat_attribution_free(a);

    /* the EPF's row 10 % larger than its part shares out */
    a = aidstat_attribution_new(k, NULL, collect, sum);
    epf.value = 2.2e5;
    aidstat_attribution_add(&eu, a);
    aidstat_attribution_add(&epf, a);
    CHECK_EQ_INT(aidstat_attribution_finish(a, &err), AIDSTAT_ERR_DATA);
    CHECK(strstr(err.message, "part for European Peace Facility") != NULL);
    CHECK(strstr(err.message, "commitments in the data are 0.000220 bn") != NULL);
    aidstat_attribution_free(a);
    aidstat_eukey_free(k);
    g_free(path);
}

/* Weapon counts from the release-7 workbook (when ../shared/datasets is
 * there): all heavy weapons 1,769 committed and 1,133 delivered; tanks 288
 * (Kiel's Figure 14); Poland first with 298 of 298 delivered. */
static void test_counts(void)
{
    const char *shared = getenv("SHARED");
    char *path = g_build_filename(shared && *shared ? shared : "../shared/datasets", "kiel-ust-r7-xlsx",
                                  "Ukraine_Support_Tracker.xlsx", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_free(path);
        return;
    }
    aidstat_error_t err;
    aidstat_counts_t *c = aidstat_counts_load_file(path, &err);
    CHECK(c != NULL);
    if (!c) {
        g_free(path);
        return;
    }
    CHECK(strstr(aidstat_counts_source(c), "7th release") != NULL);
    CHECK_EQ_INT(aidstat_counts_note_count(c), 1);
    aidstat_heavy_t *h = aidstat_heavy_by_donor(c, NULL, NULL, &err);
    CHECK(h != NULL);
    const aidstat_heavy_row_t *t = aidstat_heavy_row(h, aidstat_heavy_rows(h) - 1);
    CHECK(!strcmp(t->donor, "All donors"));
    CHECK_EQ_DBL(t->committed, 1769);
    CHECK_EQ_DBL(t->delivered, 1133);
    aidstat_heavy_free(h);
    h = aidstat_heavy_by_donor(c, NULL, "tank", &err);
    CHECK(h != NULL && aidstat_heavy_rows(h) == 4);
    CHECK(!strcmp(aidstat_heavy_row(h, 0)->code, "POL"));
    CHECK_EQ_DBL(aidstat_heavy_row(h, 0)->share, 1.0);
    CHECK_EQ_DBL(aidstat_heavy_row(h, 3)->committed, 288);
    aidstat_heavy_free(h);
    CHECK(aidstat_heavy_by_donor(c, NULL, "Submarine", &err) == NULL && err.code == AIDSTAT_ERR_USAGE);
    aidstat_counts_free(c);
    g_free(path);
}

int main(void)
{
    (void)aid_resources_get_resource();
    test_periods();
    test_refusals();
    test_workbook_key();
    test_counts();
    test_attribution();
    return testlib_done("test-diff");
}
