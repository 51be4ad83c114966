/* Unit tests for stats/compare.c, data/table.c and data/filter.c, on
 * hand-made records whose sums, shares and ranks are worked out below. */
#include "config.h"
#include "aidstat.h"
#include "data/region.h"
#include "testlib.h"

#include <glib.h>

#define KIEL_SOURCE "Kiel Institute, Ukraine Support Tracker"
#define KIEL_RELEASE "Release 29 (04/2026)"

/* The public parsers as "value or -1", checking that a failure leaves *out alone. */
static int key_of(const char *s)
{
    aidstat_key_t v = (aidstat_key_t)77;
    if (aidstat_key_parse(s, &v) != AIDSTAT_OK)
        return (int)v == 77 ? -1 : -2;
    return (int)v;
}

static int type_of(const char *s)
{
    aidstat_type_t v = (aidstat_type_t)77;
    if (aidstat_type_parse(s, &v) != AIDSTAT_OK)
        return (int)v == 77 ? -1 : -2;
    return (int)v;
}

static int measure_of(const char *s)
{
    aidstat_measure_t v = (aidstat_measure_t)77;
    if (aidstat_measure_parse(s, &v) != AIDSTAT_OK)
        return (int)v == 77 ? -1 : -2;
    return (int)v;
}

static aidstat_record_t mk(const char *donor, const char *iso3, int year, int month, aidstat_type_t type,
                           aidstat_measure_t measure, double value)
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
    r.currency = "EUR";
    r.source = KIEL_SOURCE;
    r.release = KIEL_RELEASE;
    r.file = "t.csv";
    r.line = 2;
    return r;
}

#define MIL AIDSTAT_TYPE_MILITARY
#define FIN AIDSTAT_TYPE_FINANCIAL
#define HUM AIDSTAT_TYPE_HUMANITARIAN
#define ALLOC AIDSTAT_MEASURE_ALLOCATION
#define COMMIT AIDSTAT_MEASURE_COMMITMENT

/* Run a comparison over n records; NULL (with err filled) on failure. */
static aidstat_result_t *run(const aidstat_compare_options_t *opt, const aidstat_record_t *recs, size_t n,
                             aidstat_error_t *err)
{
    aidstat_error_clear(err);
    aidstat_compare_t *c = aidstat_compare_new(opt, err);
    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++)
        CHECK_EQ_INT(aidstat_compare_add(&recs[i], c), 0);
    aidstat_result_t *r = aidstat_compare_finish(c, err);
    aidstat_compare_free(c);
    return r;
}

/* Rows as "label=value" joined by ", ". */
static char *row_labels(const aidstat_result_t *r)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        g_string_append_printf(s, "%s%s=%.17g", i ? ", " : "", aidstat_result_row_label(r, i),
                               aidstat_result_value(r, i));
    return g_string_free(s, FALSE);
}

#define CHECK_ROWS(r, want)                                                                                  \
    do {                                                                                                     \
        char *t_ = row_labels(r);                                                                            \
        CHECK_EQ_STR(t_, (want));                                                                            \
        g_free(t_);                                                                                          \
    } while (0)

static char *notes(const aidstat_result_t *r)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < aidstat_result_note_count(r); i++)
        g_string_append_printf(s, "%s\n", aidstat_result_note(r, i));
    return g_string_free(s, FALSE);
}

#define CHECK_NOTES(r, want)                                                                                 \
    do {                                                                                                     \
        char *t_ = notes(r);                                                                                 \
        CHECK_EQ_STR(t_, (want));                                                                            \
        g_free(t_);                                                                                          \
    } while (0)

/* Norway 100, Canada 50, Germany 50, Austria 25, Poland 10: total 235. */
static const aidstat_record_t *five_donors(size_t *n)
{
    static aidstat_record_t recs[8];
    recs[0] = mk("Norway", "NOR", 2022, 3, MIL, ALLOC, 60);
    recs[1] = mk("Norway", "NOR", 2023, 1, MIL, ALLOC, 40);
    recs[2] = mk("Germany", "DEU", 2022, 5, MIL, ALLOC, 50);
    recs[3] = mk("Canada", "CAN", 2022, 6, MIL, ALLOC, 30);
    recs[4] = mk("Canada", "CAN", 2022, 7, MIL, ALLOC, 20);
    recs[5] = mk("Austria", "AUT", 2022, 8, MIL, ALLOC, 25);
    recs[6] = mk("Poland", "POL", 2022, 9, MIL, ALLOC, 10);
    /* not military: filtered out below, counted without a filter */
    recs[7] = mk("Poland", "POL", 2022, 9, FIN, ALLOC, 1000);
    *n = 8;
    return recs;
}

static void test_by_donor(void)
{
    size_t n;
    const aidstat_record_t *recs = five_donors(&n);
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_type(f, MIL);
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    CHECK_EQ_INT(opt.by[0], AIDSTAT_KEY_DONOR);
    CHECK_EQ_INT(opt.by[1], AIDSTAT_KEY_NONE);
    opt.filter = f;
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, n, &err);
    if (!CHECK(r != NULL)) {
        fprintf(stderr, "  %s\n", err.message);
        aidstat_filter_free(f);
        return;
    }
    CHECK_ROWS(r, "Norway=100, Canada=50, Germany=50, Austria=25, Poland=10");
    CHECK_EQ_INT(aidstat_result_key(r, 0), AIDSTAT_KEY_DONOR);
    CHECK_EQ_INT(aidstat_result_key(r, 1), AIDSTAT_KEY_NONE);
    CHECK_EQ_INT(aidstat_result_cols(r), 0);
    CHECK_EQ_DBL(aidstat_result_total(r), 235.0);
    CHECK_EQ_STR(aidstat_result_total_label(r), "Total");
    CHECK(aidstat_result_additive(r));
    CHECK_EQ_INT(aidstat_result_measure(r), ALLOC);
    CHECK_EQ_STR(aidstat_result_types(r), "military");
    CHECK_EQ_STR(aidstat_result_currency(r), "EUR");
    CHECK_EQ_STR(aidstat_result_source(r), KIEL_SOURCE ", " KIEL_RELEASE);
    CHECK_EQ_STR(aidstat_result_filter(r), "type=military");
    CHECK_EQ_INT(aidstat_result_records(r), 7);
    CHECK_EQ_INT(aidstat_result_per(r), AIDSTAT_PER_NONE);
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    CHECK_EQ_INT(y0 * 100 + m0, 202203);
    CHECK_EQ_INT(y1 * 100 + m1, 202301);
    static const size_t rank[5] = {1, 2, 2, 4, 5};
    static const double value[5] = {100, 50, 50, 25, 10};
    static const char *const code[5] = {"NOR", "CAN", "DEU", "AUT", "POL"};
    double cum = 0;
    for (size_t i = 0; i < 5 && i < aidstat_result_rows(r); i++) {
        cum += value[i];
        CHECK_EQ_INT(aidstat_result_rank(r, i), rank[i]);
        CHECK_EQ_STR(aidstat_result_row_code(r, i), code[i]);
        CHECK_NEAR(aidstat_result_share(r, i), value[i] / 235.0, 1e-15);
        CHECK_NEAR(aidstat_result_cumulative_share(r, i), cum / 235.0, 1e-15);
        CHECK_EQ_DBL(aidstat_result_absolute(r, i), value[i]);
        size_t k = 99;
        CHECK(!aidstat_result_row_is_others(r, i, &k));
        CHECK_EQ_INT(k, 0);
    }
    CHECK_NEAR(aidstat_result_cumulative_share(r, 4), 1.0, 1e-15);
    CHECK_NOTES(r, "");
    aidstat_result_free(r);

    /* without the filter the financial record counts too */
    aidstat_compare_options_t plain;
    aidstat_compare_options_init(&plain);
    r = run(&plain, recs, n, &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Poland=1010, Norway=100, Canada=50, Germany=50, Austria=25");
        CHECK_EQ_DBL(aidstat_result_total(r), 1235.0);
        CHECK_EQ_STR(aidstat_result_types(r), "military, financial");
        CHECK_EQ_STR(aidstat_result_filter(r), "");
    }
    aidstat_result_free(r);
    aidstat_filter_free(f);
}

static void test_top_and_sort(void)
{
    size_t n;
    const aidstat_record_t *recs = five_donors(&n);
    n = 7; /* military only */
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.top = 2;
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, n, &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Norway=100, Canada=50, Others (3)=85");
        if (CHECK_EQ_INT(aidstat_result_rows(r), 3)) {
            size_t k = 0;
            CHECK(aidstat_result_row_is_others(r, 2, &k));
            CHECK_EQ_INT(k, 3);
            CHECK(!aidstat_result_row_is_others(r, 0, NULL));
            CHECK_EQ_INT(aidstat_result_rank(r, 0), 1);
            CHECK_EQ_INT(aidstat_result_rank(r, 1), 2);
            CHECK_EQ_INT(aidstat_result_rank(r, 2), 0);
            CHECK_EQ_STR(aidstat_result_row_code(r, 2), "");
            CHECK_NEAR(aidstat_result_share(r, 2), 85.0 / 235.0, 1e-15);
            CHECK_NEAR(aidstat_result_cumulative_share(r, 1), 150.0 / 235.0, 1e-15);
            CHECK_NEAR(aidstat_result_cumulative_share(r, 2), 1.0, 1e-15);
        }
        /* folding keeps the total */
        CHECK_EQ_DBL(aidstat_result_total(r), 235.0);
        CHECK_NOTES(r, "");
    }
    aidstat_result_free(r);

    /* top at or above the number of rows folds nothing */
    opt.top = 5;
    r = run(&opt, recs, n, &err);
    if (CHECK(r != NULL))
        CHECK_ROWS(r, "Norway=100, Canada=50, Germany=50, Austria=25, Poland=10");
    aidstat_result_free(r);

    /* by name: ranks and shares stay by value; a running share down an
     * alphabetical list means nothing, so there is none */
    opt.top = 0;
    opt.sort = AIDSTAT_SORT_NAME;
    r = run(&opt, recs, n, &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Austria=25, Canada=50, Germany=50, Norway=100, Poland=10");
        static const size_t rank[5] = {4, 2, 2, 1, 5};
        static const double value[5] = {25, 50, 50, 100, 10};
        for (size_t i = 0; i < 5 && i < aidstat_result_rows(r); i++) {
            CHECK_EQ_INT(aidstat_result_rank(r, i), rank[i]);
            CHECK_NEAR(aidstat_result_share(r, i), value[i] / 235.0, 1e-15);
            CHECK(isnan(aidstat_result_cumulative_share(r, i)));
        }
    }
    aidstat_result_free(r);

    /* top with a name sort: the top N by value, shown by name, Others last */
    opt.top = 3;
    r = run(&opt, recs, n, &err);
    if (CHECK(r != NULL))
        CHECK_ROWS(r, "Canada=50, Germany=50, Norway=100, Others (2)=35");
    aidstat_result_free(r);
}

static void test_two_keys(void)
{
    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2022, 3, MIL, ALLOC, 60),   mk("Norway", "NOR", 2022, 4, FIN, ALLOC, 40),
        mk("Canada", "CAN", 2022, 5, MIL, ALLOC, 50),   mk("Austria", "AUT", 2022, 6, HUM, ALLOC, 25),
        mk("Austria", "AUT", 2022, 7, HUM, ALLOC, 0.5),
    };
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[1] = AIDSTAT_KEY_TYPE;
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (!CHECK(r != NULL))
        return;
    CHECK_ROWS(r, "Norway=100, Canada=50, Austria=25.5");
    CHECK_EQ_STR(aidstat_result_types(r), "all types");
    if (CHECK_EQ_INT(aidstat_result_cols(r), 3) && CHECK_EQ_INT(aidstat_result_rows(r), 3)) {
        /* columns in the types' own order */
        CHECK_EQ_STR(aidstat_result_col_label(r, 0), "Military");
        CHECK_EQ_STR(aidstat_result_col_label(r, 1), "Financial");
        CHECK_EQ_STR(aidstat_result_col_label(r, 2), "Humanitarian");
        static const double cell[3][3] = {{60, 40, 0}, {50, 0, 0}, {0, 0, 25.5}};
        for (size_t i = 0; i < 3; i++)
            for (size_t j = 0; j < 3; j++)
                CHECK_EQ_DBL(aidstat_result_cell(r, i, j), cell[i][j]);
        CHECK_EQ_DBL(aidstat_result_col_total(r, 0), 110.0);
        CHECK_EQ_DBL(aidstat_result_col_total(r, 1), 40.0);
        CHECK_EQ_DBL(aidstat_result_col_total(r, 2), 25.5);
    }
    CHECK_EQ_DBL(aidstat_result_total(r), 175.5);
    aidstat_result_free(r);

    /* donors as columns: by their totals, largest first */
    opt.by[0] = AIDSTAT_KEY_TYPE;
    opt.by[1] = AIDSTAT_KEY_DONOR;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Military=110, Financial=40, Humanitarian=25.5");
        if (CHECK_EQ_INT(aidstat_result_cols(r), 3)) {
            CHECK_EQ_STR(aidstat_result_col_label(r, 0), "Norway");
            CHECK_EQ_STR(aidstat_result_col_label(r, 1), "Canada");
            CHECK_EQ_STR(aidstat_result_col_label(r, 2), "Austria");
            CHECK_EQ_DBL(aidstat_result_cell(r, 0, 1), 50.0);
            CHECK_EQ_DBL(aidstat_result_col_total(r, 0), 100.0);
        }
    }
    aidstat_result_free(r);

    /* Others folds the cells too */
    opt.by[0] = AIDSTAT_KEY_DONOR;
    opt.by[1] = AIDSTAT_KEY_TYPE;
    opt.top = 1;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL) && CHECK_EQ_INT(aidstat_result_rows(r), 2)) {
        CHECK_ROWS(r, "Norway=100, Others (2)=75.5");
        CHECK_EQ_DBL(aidstat_result_cell(r, 1, 0), 50.0);
        CHECK_EQ_DBL(aidstat_result_cell(r, 1, 1), 0.0);
        CHECK_EQ_DBL(aidstat_result_cell(r, 1, 2), 25.5);
    }
    aidstat_result_free(r);

    /* the same key twice is a usage error */
    opt.by[1] = AIDSTAT_KEY_DONOR;
    opt.top = 0;
    CHECK(run(&opt, recs, 1, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "by: the two keys must differ (both are donor)");
}

static void test_periods(void)
{
    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2023, 2, MIL, ALLOC, 1),   mk("Norway", "NOR", 2022, 11, MIL, ALLOC, 2),
        mk("Canada", "CAN", 2022, 1, MIL, ALLOC, 4),   mk("Canada", "CAN", 2022, 0, MIL, ALLOC, 8),
        mk("Canada", "CAN", 2022, 12, MIL, ALLOC, 16),
    };
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_error_t err;
    opt.by[0] = AIDSTAT_KEY_YEAR;
    aidstat_result_t *r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        /* periods in time order, not ranked */
        CHECK_ROWS(r, "2022=30, 2023=1");
        CHECK_EQ_INT(aidstat_result_rank(r, 0), 0);
        CHECK_NEAR(aidstat_result_share(r, 0), 30.0 / 31.0, 1e-15);
    }
    aidstat_result_free(r);

    opt.by[0] = AIDSTAT_KEY_QUARTER;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL))
        CHECK_ROWS(r, "2022 Q1=4, 2022 Q4=18, 2022 (quarter unknown)=8, 2023 Q1=1");
    aidstat_result_free(r);

    opt.by[0] = AIDSTAT_KEY_MONTH;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL))
        CHECK_ROWS(r, "2022-01=4, 2022-11=2, 2022-12=16, 2022 (month unknown)=8, 2023-02=1");
    aidstat_result_free(r);
}

static void test_regions(void)
{
    aidstat_regions_t *g = aid_regions_new();
    aid_regions_add(g, "nordic", "Nordics", "NOR", "Norway");
    aid_regions_add(g, "nordic", "Nordics", "DNK", "Denmark");
    aid_regions_add(g, "nordic", "Nordics", "", "Iceland");
    aid_regions_add(g, "nato", "NATO", "NOR", "");
    aid_regions_add(g, "nato", "NATO", "CAN", "");
    aid_regions_add(g, "nato", "NATO", "DEU", "");
    CHECK_EQ_INT(aidstat_regions_count(g), 2);
    CHECK_EQ_INT(aidstat_regions_member_count(g, 0), 3);
    CHECK_EQ_STR(aidstat_regions_id(g, 1), "nato");
    CHECK_EQ_STR(aidstat_regions_name(g, 0), "Nordics");
    CHECK_EQ_INT(aidstat_regions_find(g, "NATO"), 1);
    CHECK_EQ_INT(aidstat_regions_find(g, "nordics"), 0);
    CHECK_EQ_INT(aidstat_regions_find(g, "asia"), -1);
    CHECK(aidstat_regions_contains(g, 0, "nor", "whatever"));
    CHECK(aidstat_regions_contains(g, 0, "", "ICELAND"));
    CHECK(!aidstat_regions_contains(g, 1, "", "Iceland"));
    CHECK(!aidstat_regions_contains(g, 1, "JPN", "Japan"));

    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2022, 3, MIL, ALLOC, 100), mk("Denmark", "DNK", 2022, 3, MIL, ALLOC, 20),
        mk("Iceland", "", 2022, 3, MIL, ALLOC, 2),     mk("Canada", "CAN", 2022, 3, MIL, ALLOC, 50),
        mk("Germany", "DEU", 2022, 3, MIL, ALLOC, 30), mk("Japan", "JPN", 2022, 3, MIL, ALLOC, 5),
    };
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = AIDSTAT_KEY_REGION;
    aidstat_error_t err;

    /* regions are needed */
    CHECK(run(&opt, recs, 1, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "comparing by region needs regions");

    opt.regions = g;
    aidstat_result_t *r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        /* Norway is in both groups; the total has every donor once */
        CHECK_ROWS(r, "NATO=180, Nordics=122");
        CHECK_EQ_DBL(aidstat_result_total(r), 207.0);
        CHECK_EQ_STR(aidstat_result_total_label(r), "All donors");
        CHECK_EQ_INT(aidstat_result_rank(r, 0), 1);
        CHECK_EQ_INT(aidstat_result_rank(r, 1), 2);
        CHECK_NEAR(aidstat_result_share(r, 0), 180.0 / 207.0, 1e-15);
        CHECK_NEAR(aidstat_result_share(r, 1), 122.0 / 207.0, 1e-15);
        /* overlapping shares do not accumulate */
        CHECK(isnan(aidstat_result_cumulative_share(r, 1)));
        CHECK_EQ_STR(aidstat_result_row_code(r, 0), "");
        /* Japan is in no group: named, with its amount */
        CHECK_NOTES(r, "a donor can belong to several groups: shares are of the all-donor "
                       "total and do not add up to 100 %\n"
                       "1 donor is in none of the groups: Japan (€5)\n");
        CHECK(aidstat_result_groups_overlap(r));
        if (CHECK_EQ_INT(aidstat_result_note_count(r), 2)) {
            CHECK_EQ_INT(aidstat_result_note_code(r, 0), AIDSTAT_NOTE_SHARES_OVERLAP);
            CHECK_EQ_STR(aidstat_result_note_subject(r, 0), "Norway");
            CHECK_EQ_INT(aidstat_result_note_count_param(r, 0, 0), 1);
            CHECK_EQ_INT(aidstat_result_note_code(r, 1), AIDSTAT_NOTE_OUTSIDE_GROUPS);
            CHECK_EQ_INT(aidstat_result_note_count_param(r, 1, 0), 1);
        }
    }
    aidstat_result_free(r);

    /* top with overlapping groups: no Others row, a note instead */
    opt.top = 1;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "NATO=180");
        /* the library names no option: the command line words this note */
        CHECK_NOTES(r, "1 more groups not shown (only the first 1)\n"
                       "a donor can belong to several groups: shares are of the all-donor "
                       "total and do not add up to 100 %\n"
                       "1 donor is in none of the groups: Japan (€5)\n");
        if (CHECK(aidstat_result_note_count(r) > 0)) {
            CHECK_EQ_INT(aidstat_result_note_code(r, 0), AIDSTAT_NOTE_NOT_SHOWN);
            CHECK_EQ_INT(aidstat_result_note_count_param(r, 0, 0), 1);
            CHECK_EQ_INT(aidstat_result_note_count_param(r, 0, 1), 1);
            CHECK_EQ_STR(aidstat_result_note_subject(r, 0), "groups");
        }
    }
    aidstat_result_free(r);
    opt.top = 0;

    /* a region filter limits both the groups and the donors */
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_region(f, g, 1);
    opt.filter = f;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "NATO=180");
        CHECK_EQ_DBL(aidstat_result_total(r), 180.0);
        CHECK_EQ_STR(aidstat_result_total_label(r), "All selected donors");
        CHECK_EQ_STR(aidstat_result_filter(r), "region=nato");
        /* one group shares no donor with itself; the donors left out are named */
        CHECK(!aidstat_result_groups_overlap(r));
        CHECK_NOTES(r, "3 donors are in none of the selected groups and left out: Denmark (€20), "
                       "Japan (€5), Iceland (€2); €27 in all\n");
    }
    aidstat_result_free(r);
    aidstat_filter_free(f);

    /* two groups that share no donor: no overlap note */
    aidstat_regions_t *d = aid_regions_new();
    aid_regions_add(d, "north", "North", "NOR", "");
    aid_regions_add(d, "north", "North", "DNK", "");
    aid_regions_add(d, "west", "West", "CAN", "");
    aid_regions_add(d, "west", "West", "DEU", "");
    opt.regions = d;
    opt.filter = NULL;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "North=120, West=80");
        CHECK(!aidstat_result_groups_overlap(r));
        CHECK_NOTES(r, "2 donors are in none of the groups: Japan (€5), Iceland (€2); €7 in all\n");
        /* Japan and Iceland count in the total, not in a group: no running shares */
        CHECK(isnan(aidstat_result_cumulative_share(r, 1)));
    }
    aidstat_result_free(r);
    /* selecting both groups leaves them out: the groups split the total */
    aidstat_filter_t *both = aidstat_filter_new();
    aidstat_filter_add_region(both, d, 0);
    aidstat_filter_add_region(both, d, 1);
    opt.filter = both;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_DBL(aidstat_result_total(r), 200.0);
        CHECK_NEAR(aidstat_result_cumulative_share(r, 0), 0.6, 1e-15);
        CHECK_NEAR(aidstat_result_cumulative_share(r, 1), 1.0, 1e-15);
    }
    aidstat_result_free(r);
    opt.filter = NULL;
    aidstat_filter_free(both);
    opt.regions = g;
    aidstat_regions_free(d);

    /* donors by region in columns: Norway in both */
    opt.filter = NULL;
    opt.by[0] = AIDSTAT_KEY_DONOR;
    opt.by[1] = AIDSTAT_KEY_REGION;
    r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Norway=100, Canada=50, Germany=30, Denmark=20, Japan=5, Iceland=2");
        if (CHECK_EQ_INT(aidstat_result_cols(r), 2)) {
            CHECK_EQ_STR(aidstat_result_col_label(r, 0), "Nordics");
            CHECK_EQ_STR(aidstat_result_col_label(r, 1), "NATO");
            CHECK_EQ_DBL(aidstat_result_cell(r, 0, 0), 100.0);
            CHECK_EQ_DBL(aidstat_result_cell(r, 0, 1), 100.0);
            CHECK_EQ_DBL(aidstat_result_cell(r, 4, 0), 0.0);
            CHECK_EQ_DBL(aidstat_result_col_total(r, 0), 122.0);
            CHECK_EQ_DBL(aidstat_result_col_total(r, 1), 180.0);
        }
        CHECK_EQ_DBL(aidstat_result_total(r), 207.0);
        CHECK_NOTES(r, "a donor can belong to several groups: region columns overlap\n"
                       "1 donor is in none of the groups: Japan (€5)\n");
    }
    aidstat_result_free(r);
    aidstat_regions_free(g);
}

static void test_measures(void)
{
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_error_t err;
    aidstat_result_t *r;

    /* only commitments: they are used */
    aidstat_record_t c_only[] = {
        mk("Norway", "NOR", 2022, 3, MIL, COMMIT, 10),
        mk("Canada", "CAN", 2022, 3, MIL, COMMIT, 5),
    };
    r = run(&opt, c_only, 2, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(aidstat_result_measure(r), COMMIT);
        CHECK_EQ_DBL(aidstat_result_total(r), 15.0);
    }
    aidstat_result_free(r);

    /* commitments and allocations without a filter: allocations */
    aidstat_record_t both[] = {
        mk("Norway", "NOR", 2022, 3, MIL, COMMIT, 10), mk("Norway", "NOR", 2022, 4, MIL, ALLOC, 4),
        mk("Canada", "CAN", 2022, 3, MIL, COMMIT, 5),  mk("Canada", "CAN", 2022, 5, MIL, ALLOC, 6),
        mk("Poland", "POL", 2023, 1, MIL, COMMIT, 99),
    };
    r = run(&opt, both, G_N_ELEMENTS(both), &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(aidstat_result_measure(r), ALLOC);
        CHECK_ROWS(r, "Canada=6, Norway=4");
        CHECK_EQ_DBL(aidstat_result_total(r), 10.0);
        CHECK_EQ_INT(aidstat_result_records(r), 2);
        /* the period is the allocations' */
        int y0, m0, y1, m1;
        aidstat_result_period(r, &y0, &m0, &y1, &m1);
        CHECK_EQ_INT(y0 * 100 + m0, 202204);
        CHECK_EQ_INT(y1 * 100 + m1, 202205);
    }
    aidstat_result_free(r);

    /* a filter on two measures cannot be added up */
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_measure(f, COMMIT);
    aidstat_filter_add_measure(f, ALLOC);
    opt.filter = f;
    r = run(&opt, both, G_N_ELEMENTS(both), &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_DATA);
    CHECK_EQ_STR(err.message, "the selection holds several measures (commitment, allocation), "
                              "which cannot be added up; pick one with measure or compare them "
                              "with by=measure");
    aidstat_result_free(r);

    /* the same two measures side by side */
    opt.by[1] = AIDSTAT_KEY_MEASURE;
    r = run(&opt, both, G_N_ELEMENTS(both), &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(aidstat_result_measure(r), -1);
        CHECK(!aidstat_result_additive(r));
        CHECK(isnan(aidstat_result_total(r)));
        CHECK_EQ_STR(aidstat_result_total_label(r), "");
        /* ranked by the allocations */
        CHECK_ROWS(r, "Canada=6, Norway=4, Poland=0");
        if (CHECK_EQ_INT(aidstat_result_cols(r), 2)) {
            CHECK_EQ_STR(aidstat_result_col_label(r, 0), "Commitments");
            CHECK_EQ_STR(aidstat_result_col_label(r, 1), "Allocations");
            CHECK_EQ_DBL(aidstat_result_cell(r, 2, 0), 99.0);
            CHECK_EQ_DBL(aidstat_result_col_total(r, 0), 114.0);
            CHECK_EQ_DBL(aidstat_result_col_total(r, 1), 10.0);
        }
        CHECK_EQ_INT(aidstat_result_rank(r, 0), 1);
        CHECK(isnan(aidstat_result_share(r, 0)));
        CHECK_NOTES(r, "rows are ranked by allocations\n");
    }
    aidstat_result_free(r);

    /* measures as rows: in their own order, no ranks, no total */
    opt.by[0] = AIDSTAT_KEY_MEASURE;
    opt.by[1] = AIDSTAT_KEY_NONE;
    r = run(&opt, both, G_N_ELEMENTS(both), &err);
    if (CHECK(r != NULL)) {
        CHECK_ROWS(r, "Commitments=114, Allocations=10");
        CHECK_EQ_INT(aidstat_result_rank(r, 0), 0);
        CHECK(isnan(aidstat_result_total(r)));
    }
    aidstat_result_free(r);
    aidstat_filter_free(f);

    /* commitments and amounts to be allocated, no allocations: no choice */
    aidstat_record_t no_alloc[] = {
        mk("Norway", "NOR", 2022, 3, MIL, COMMIT, 10),
        mk("Norway", "NOR", 2022, 3, MIL, AIDSTAT_MEASURE_TO_BE_ALLOCATED, -2),
    };
    aidstat_compare_options_init(&opt);
    r = run(&opt, no_alloc, 2, &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_DATA);
    CHECK_EQ_STR(err.message, "the selection holds several measures (commitment, "
                              "to_be_allocated), which cannot be added up; pick one with "
                              "measure or compare them with by=measure");
}

static void test_currencies_and_empty(void)
{
    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2022, 3, FIN, ALLOC, 10),
        mk("Canada", "CAN", 2022, 3, FIN, ALLOC, 5),
    };
    recs[1].currency = "USD";
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, 2, &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_DATA);
    CHECK_EQ_STR(err.message, "the selection mixes currencies (EUR, USD), which cannot be added "
                              "up; convert them with currency and rates, or select one "
                              "currency's data");

    /* selecting one donor selects one currency */
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_donor(f, "canada");
    opt.filter = f;
    r = run(&opt, recs, 2, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_STR(aidstat_result_currency(r), "USD");
        CHECK_ROWS(r, "Canada=5");
    }
    aidstat_result_free(r);
    aidstat_filter_free(f);

    /* nothing matched */
    f = aidstat_filter_new();
    aidstat_filter_add_type(f, MIL);
    opt.filter = f;
    r = run(&opt, recs, 2, &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_EMPTY);
    CHECK_EQ_STR(err.message, "no records match the selection (type=military)");
    aidstat_filter_free(f);

    /* no data at all, and data whose rows were all rejected */
    opt.filter = NULL;
    r = run(&opt, recs, 0, &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_EMPTY);
    CHECK_EQ_STR(err.message, "no records to compare: the input has no data rows");
    aidstat_load_report_t *bad = aidstat_load_report_new();
    aidstat_compare_t *cb = aidstat_compare_new(&opt, &err);
    const char *csv = "donor,value\nA,x\n";
    CHECK_EQ_INT(aidstat_load_memory("bad.csv", csv, strlen(csv), NULL, aidstat_compare_add, cb, bad, &err),
                 AIDSTAT_OK);
    aidstat_compare_add_load_report(cb, bad);
    CHECK(aidstat_compare_finish(cb, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_EMPTY);
    CHECK_EQ_STR(err.message, "no records match the selection");
    aidstat_compare_free(cb);
    aidstat_load_report_free(bad);

    /* load reports add up in the result */
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_compare_add_load_report(c, rep);
    aidstat_compare_add(&recs[0], c);
    r = aidstat_compare_finish(c, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(aidstat_result_rows_read(r), 0);
        CHECK_EQ_INT(aidstat_result_rows_rejected(r), 0);
    }
    aidstat_result_free(r);
    aidstat_load_report_free(rep);
    aidstat_compare_free(c);
}

static void test_per_gdp(void)
{
    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2022, 3, MIL, ALLOC, 1.5e9),
        mk("Norway", "NOR", 2022, 4, MIL, ALLOC, 0.5e9),
        mk("Canada", "CAN", 2022, 3, MIL, ALLOC, 3e9),
        mk("EU (Commission and Council)", "EU", 2022, 3, FIN, ALLOC, 5e9),
    };
    recs[0].gdp = recs[1].gdp = 400e9;
    recs[2].gdp = 2000e9;
    recs[0].gdp_year = recs[1].gdp_year = recs[2].gdp_year = 2021;
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.per = AIDSTAT_PER_GDP;
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (CHECK(r != NULL) && CHECK_EQ_INT(aidstat_result_rows(r), 3)) {
        CHECK_EQ_INT(aidstat_result_per(r), AIDSTAT_PER_GDP);
        CHECK_EQ_STR(aidstat_result_row_label(r, 0), "Norway");
        CHECK_NEAR(aidstat_result_value(r, 0), 0.5, 1e-14);
        CHECK_EQ_DBL(aidstat_result_absolute(r, 0), 2e9);
        CHECK_EQ_DBL(aidstat_result_gdp(r, 0), 400e9);
        CHECK_EQ_INT(aidstat_result_rank(r, 0), 1);
        CHECK_EQ_STR(aidstat_result_row_label(r, 1), "Canada");
        CHECK_NEAR(aidstat_result_value(r, 1), 0.15, 1e-14);
        CHECK_EQ_INT(aidstat_result_rank(r, 1), 2);
        /* no GDP: not a number, no rank, last */
        CHECK_EQ_STR(aidstat_result_row_label(r, 2), "EU (Commission and Council)");
        CHECK(isnan(aidstat_result_value(r, 2)));
        CHECK_EQ_DBL(aidstat_result_absolute(r, 2), 5e9);
        CHECK_EQ_INT(aidstat_result_rank(r, 2), 0);
        /* the total over donors with GDP: 5 bn of 2400 bn */
        CHECK_NEAR(aidstat_result_total(r), 5.0 / 2400.0 * 100.0, 1e-14);
        CHECK_EQ_STR(aidstat_result_total_label(r), "All donors with GDP");
        CHECK(!aidstat_result_additive(r));
        CHECK(isnan(aidstat_result_share(r, 0)));
        CHECK_NOTES(r, "GDP: 2021, from the data\n"
                       "no GDP in the data for EU (Commission and Council): shown as n/a and "
                       "left out of the total\n");
    }
    aidstat_result_free(r);

    /* no GDP at all */
    r = run(&opt, &recs[3], 1, &err);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_DATA);
    CHECK_EQ_STR(err.message, "per=gdp: the data has no GDP for any selected donor");

    /* per GDP is for donors alone */
    opt.by[0] = AIDSTAT_KEY_TYPE;
    CHECK(run(&opt, recs, 1, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "per=gdp compares donors: use it with by=donor alone");

    opt.by[0] = AIDSTAT_KEY_NONE;
    opt.per = AIDSTAT_PER_NONE;
    CHECK(run(&opt, recs, 1, &err) == NULL);
    CHECK_EQ_STR(err.message, "no key to compare by");
}

static void test_keys(void)
{
    CHECK_EQ_INT(key_of("donor"), AIDSTAT_KEY_DONOR);
    CHECK_EQ_INT(key_of("Country"), AIDSTAT_KEY_DONOR);
    CHECK_EQ_INT(key_of("REGION"), AIDSTAT_KEY_REGION);
    CHECK_EQ_INT(key_of("quarter"), AIDSTAT_KEY_QUARTER);
    CHECK_EQ_INT(key_of("none"), -1);
    CHECK_EQ_INT(key_of("colour"), -1);
    CHECK_EQ_STR(aidstat_key_name(AIDSTAT_KEY_MONTH), "month");
    CHECK_EQ_INT(type_of("Military aid"), MIL);
    CHECK_EQ_INT(type_of("FIN"), FIN);
    CHECK_EQ_INT(type_of("all types"), AIDSTAT_TYPE_TOTAL);
    CHECK_EQ_INT(type_of("tanks"), -1);
    CHECK_EQ_INT(measure_of("to be allocated"), AIDSTAT_MEASURE_TO_BE_ALLOCATED);
    CHECK_EQ_INT(measure_of("to_be_allocated"), AIDSTAT_MEASURE_TO_BE_ALLOCATED);
    CHECK_EQ_INT(measure_of("Commitments"), COMMIT);
    CHECK_EQ_INT(measure_of("sold"), -1);
    CHECK_EQ_STR(aidstat_type_name(HUM), "humanitarian");
    CHECK_EQ_STR(aidstat_type_label(AIDSTAT_TYPE_TOTAL), "All types (not split)");
    CHECK_EQ_STR(aidstat_measure_name(AIDSTAT_MEASURE_TO_BE_ALLOCATED), "to_be_allocated");
    CHECK_EQ_STR(aidstat_measure_label(ALLOC), "Allocations");
}

/* --------------------------------------------------------------- table */

static int count_rows(const aidstat_record_t *rec, void *user)
{
    double *sum = user;
    sum[0] += 1;
    sum[1] += rec->value;
    return sum[0] >= sum[2];
}

static void test_table(void)
{
    aidstat_table_t *t = aidstat_table_new();
    CHECK_EQ_INT(aidstat_table_size(t), 0);
    CHECK_EQ_INT(aidstat_table_size(NULL), 0);
    aidstat_table_free(NULL);

    char donor[16] = "Norway";
    aidstat_record_t a = mk(donor, "NOR", 2022, 3, MIL, ALLOC, 1.25);
    a.day = 17;
    a.gdp = 4.5e11;
    a.gdp_year = 2021;
    a.line = 12345678901L;
    CHECK_EQ_INT(aidstat_table_append(&a, t), 0);
    /* the table keeps copies */
    strcpy(donor, "Changed");
    /* Norway, NOR, Ukraine, EUR, source, release, t.csv */
    CHECK_EQ_INT(aidstat_table_string_count(t), 7);

    aidstat_record_t b = mk("Canada", "CAN", 2023, 0, FIN, COMMIT, -2.5);
    CHECK_EQ_INT(aidstat_table_append(&b, t), 0);
    CHECK_EQ_INT(aidstat_table_string_count(t), 9);
    aidstat_record_t c = mk("Norway", "NOR", 0, 0, HUM, AIDSTAT_MEASURE_DELIVERY, 7);
    c.source = "";
    c.release = "";
    CHECK_EQ_INT(aidstat_table_append(&c, t), 0);
    /* only "" is new */
    CHECK_EQ_INT(aidstat_table_string_count(t), 10);
    CHECK_EQ_INT(aidstat_table_size(t), 3);

    aidstat_record_t g;
    aidstat_table_get(t, 0, &g);
    CHECK_EQ_STR(g.donor, "Norway");
    CHECK_EQ_STR(g.iso3, "NOR");
    CHECK_EQ_STR(g.recipient, "Ukraine");
    CHECK_EQ_STR(g.currency, "EUR");
    CHECK_EQ_STR(g.source, KIEL_SOURCE);
    CHECK_EQ_STR(g.release, KIEL_RELEASE);
    CHECK_EQ_STR(g.file, "t.csv");
    CHECK_EQ_INT(g.year, 2022);
    CHECK_EQ_INT(g.month, 3);
    CHECK_EQ_INT(g.day, 17);
    CHECK_EQ_INT(g.type, MIL);
    CHECK_EQ_INT(g.measure, ALLOC);
    CHECK_EQ_DBL(g.value, 1.25);
    CHECK_EQ_DBL(g.gdp, 4.5e11);
    CHECK_EQ_INT(g.gdp_year, 2021);
    CHECK_EQ_INT(g.line, 12345678901L);
    aidstat_record_t g2;
    aidstat_table_get(t, 2, &g2);
    /* equal strings share storage */
    CHECK(g2.donor == g.donor);
    CHECK_EQ_STR(g2.source, "");
    CHECK_EQ_INT(g2.measure, AIDSTAT_MEASURE_DELIVERY);
    aidstat_table_get(t, 1, &g);
    CHECK_EQ_STR(g.donor, "Canada");
    CHECK_EQ_INT(g.month, 0);
    CHECK_EQ_DBL(g.value, -2.5);

    double acc[3] = {0, 0, 100};
    CHECK_EQ_INT(aidstat_table_foreach(t, count_rows, acc), AIDSTAT_OK);
    CHECK_EQ_DBL(acc[0], 3.0);
    CHECK_EQ_DBL(acc[1], 5.75);
    double stop[3] = {0, 0, 2};
    CHECK_EQ_INT(aidstat_table_foreach(t, count_rows, stop), AIDSTAT_ERR_ABORTED);
    CHECK_EQ_DBL(stop[0], 2.0);
    aidstat_table_free(t);
}

/* -------------------------------------------------------------- filter */

static void test_filter(void)
{
    aidstat_record_t nor = mk("Norway", "NOR", 2022, 3, MIL, ALLOC, 1);
    aidstat_record_t can = mk("Canada", "CAN", 2022, 6, FIN, COMMIT, 1);
    aidstat_record_t aut = mk("\xc3\x96sterreich", "AUT", 2022, 2, MIL, ALLOC, 1);
    aidstat_record_t deu = mk("Germany", "", 2022, 7, MIL, ALLOC, 1);

    /* an empty filter, and no filter, match everything */
    aidstat_filter_t *f = aidstat_filter_new();
    CHECK(aidstat_filter_match(f, &nor));
    CHECK(aidstat_filter_match(NULL, &nor));
    CHECK(!aidstat_filter_types_set(f));
    CHECK(aidstat_filter_has_type(f, FIN));
    CHECK_EQ_STR(aidstat_filter_describe(f), "");
    aidstat_filter_free(f);
    aidstat_filter_free(NULL);

    /* donors by name or code, any case */
    f = aidstat_filter_new();
    aidstat_filter_add_donor(f, "norway");
    aidstat_filter_add_donor(f, "can");
    aidstat_filter_add_donor(f, "\xc3\x96STERREICH");
    CHECK(aidstat_filter_match(f, &nor));
    CHECK(aidstat_filter_match(f, &can));
    CHECK(aidstat_filter_match(f, &aut));
    CHECK(!aidstat_filter_match(f, &deu));
    CHECK_EQ_STR(aidstat_filter_describe(f), "donor=norway,can,\xc3\x96STERREICH");
    aidstat_filter_free(f);
    f = aidstat_filter_new();
    aidstat_filter_add_donor(f, "NOR");
    CHECK(aidstat_filter_match(f, &nor));
    CHECK(!aidstat_filter_match(f, &can));
    /* an empty code never matches by code */
    aidstat_filter_add_donor(f, "");
    CHECK(!aidstat_filter_match(f, &deu));
    aidstat_filter_free(f);

    /* types and measures */
    f = aidstat_filter_new();
    aidstat_filter_add_type(f, MIL);
    aidstat_filter_add_measure(f, ALLOC);
    CHECK(aidstat_filter_types_set(f));
    CHECK(aidstat_filter_measures_set(f));
    CHECK(aidstat_filter_has_type(f, MIL));
    CHECK(!aidstat_filter_has_type(f, FIN));
    CHECK(aidstat_filter_has_measure(f, ALLOC));
    CHECK(!aidstat_filter_has_measure(f, COMMIT));
    CHECK(aidstat_filter_match(f, &nor));
    CHECK(!aidstat_filter_match(f, &can));
    CHECK_EQ_STR(aidstat_filter_describe(f), "type=military, measure=allocation");
    aidstat_filter_free(f);

    /* period bounds are inclusive */
    f = aidstat_filter_new();
    aidstat_filter_set_from(f, 2022, 3);
    aidstat_filter_set_to(f, 2022, 6);
    CHECK(!aidstat_filter_match(f, &aut)); /* 2022-02 */
    CHECK(aidstat_filter_match(f, &nor));  /* 2022-03 */
    CHECK(aidstat_filter_match(f, &can));  /* 2022-06 */
    CHECK(!aidstat_filter_match(f, &deu)); /* 2022-07 */
    /* a year-only record covers the whole year: not inside March-June */
    aidstat_record_t y2022 = mk("Norway", "NOR", 2022, 0, MIL, ALLOC, 1);
    CHECK(!aidstat_filter_match(f, &y2022));
    /* a record without a period never matches a period */
    aidstat_record_t none = mk("Norway", "NOR", 0, 0, MIL, ALLOC, 1);
    CHECK(!aidstat_filter_match(f, &none));
    CHECK_EQ_STR(aidstat_filter_describe(f), "from=2022-03, to=2022-06");
    aidstat_filter_free(f);

    /* --to mid-year excludes that year's year-only records, not earlier ones */
    f = aidstat_filter_new();
    aidstat_filter_set_to(f, 2022, 6);
    aidstat_record_t y2021 = mk("Norway", "NOR", 2021, 0, MIL, ALLOC, 1);
    CHECK(!aidstat_filter_match(f, &y2022));
    CHECK(aidstat_filter_match(f, &y2021));
    CHECK(aidstat_filter_match(f, &can));
    CHECK(!aidstat_filter_match(f, &deu));
    CHECK_EQ_STR(aidstat_filter_describe(f), "to=2022-06");
    aidstat_filter_free(f);

    /* whole years: month 0 means January for from, December for to */
    f = aidstat_filter_new();
    aidstat_filter_set_from(f, 2022, 0);
    aidstat_filter_set_to(f, 2022, 0);
    aidstat_record_t dec = mk("Norway", "NOR", 2022, 12, MIL, ALLOC, 1);
    aidstat_record_t jan23 = mk("Norway", "NOR", 2023, 1, MIL, ALLOC, 1);
    aidstat_record_t dec21 = mk("Norway", "NOR", 2021, 12, MIL, ALLOC, 1);
    CHECK(aidstat_filter_match(f, &y2022));
    CHECK(aidstat_filter_match(f, &dec));
    CHECK(aidstat_filter_match(f, &aut));
    CHECK(!aidstat_filter_match(f, &jan23));
    CHECK(!aidstat_filter_match(f, &dec21));
    CHECK(!aidstat_filter_match(f, &y2021));
    CHECK_EQ_STR(aidstat_filter_describe(f), "from=2022, to=2022");
    aidstat_filter_free(f);

    /* regions */
    aidstat_regions_t *g = aid_regions_new();
    aid_regions_add(g, "nordic", "Nordics", "NOR", "");
    aid_regions_add(g, "dach", "DACH", "", "\xc3\x96sterreich");
    f = aidstat_filter_new();
    aidstat_filter_add_region(f, g, 1);
    CHECK(aidstat_filter_match(f, &aut));
    CHECK(!aidstat_filter_match(f, &nor));
    CHECK(aidstat_filter_has_region(f, g, 1));
    CHECK(!aidstat_filter_has_region(f, g, 0));
    CHECK(aidstat_filter_donors_set(f));
    CHECK_EQ_STR(aidstat_filter_describe(f), "region=dach");
    aidstat_filter_free(f);
    aidstat_regions_free(g);
}

/* The CSV writer (aidstat_result_csv): header, exact numbers, quoting, a
 * text that would be a spreadsheet formula, TSV. Expected shares from
 * python3: repr(100 / (100 + (0.1 + 0.2))) and repr((0.1 + 0.2) / ...). */
static void test_csv(void)
{
    aidstat_record_t recs[] = {
        mk("Norway", "NOR", 2023, 5, MIL, ALLOC, 100),
        mk("=Evil, \"Q\"", "ZZZ", 2024, 2, MIL, ALLOC, 0.1 + 0.2),
    };
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_error_t err;
    aidstat_result_t *r = run(&opt, recs, G_N_ELEMENTS(recs), &err);
    if (!CHECK(r != NULL)) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    size_t len = 0;
    char *csv = aidstat_result_csv(r, ',', 0, &len);
    const char *meta =
        "allocation,military,EUR,nominal,2023-05,2024-02,\"" KIEL_SOURCE ", " KIEL_RELEASE "\"\n";
    char *want = g_strdup_printf("rank,donor,code,value,share,cumulative_share,measure,type,unit,price_basis,"
                                 "period_from,period_to,source\n"
                                 "1,Norway,NOR,100,0.9970089730807578,0.9970089730807578,%s"
                                 "2,\"'=Evil, \"\"Q\"\"\",ZZZ,0.30000000000000004,0.002991026919242274,1,%s",
                                 meta, meta);
    CHECK_EQ_STR(csv, want);
    CHECK_EQ_INT(len, strlen(want));
    aidstat_free(csv);
    g_free(want);
    csv = aidstat_result_csv(r, '\t', AIDSTAT_CSV_FORMULAS, NULL);
    CHECK(strstr(csv, "\n2\t=Evil, \"Q\"\tZZZ\t0.30000000000000004\t") != NULL);
    aidstat_free(csv);
    aidstat_result_free(r);
}

int main(void)
{
    test_by_donor();
    test_top_and_sort();
    test_two_keys();
    test_periods();
    test_regions();
    test_measures();
    test_currencies_and_empty();
    test_per_gdp();
    test_keys();
    test_table();
    test_filter();
    test_csv();
    return testlib_done("test-compare");
}
