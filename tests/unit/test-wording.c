/* Unit tests for the wording API (data/wording.c, stats/describe.c), linked
 * against the installed library as an embedding program would be: the
 * title, unit and price basis it gets are the command line's. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <glib.h>

/* Check a newly allocated string against want, and free it. */
static void eq_free(char *got, const char *want, int line)
{
    testlib_eq_str(got, want, __FILE__, line, "got", want);
    g_free(got);
}
#define EQ(got, want) eq_free((got), (want), __LINE__)

static void test_units(void)
{
    CHECK_EQ_STR(aidstat_currency_symbol("EUR"), "€");
    CHECK(aidstat_currency_symbol("TIV") == NULL);
    CHECK(aidstat_currency_is_tiv("TIV"));
    CHECK(!aidstat_currency_is_tiv("EUR"));
    CHECK_EQ_DBL(aidstat_scale_pick_for("EUR", 2.5e9), 1e9);
    CHECK_EQ_DBL(aidstat_scale_pick_for("TIV", 2.5e9), 1e6); /* SIPRI states TIVs in millions */
    CHECK_EQ_DBL(aidstat_scale_pick_for("TIV", 12), 1e6);
    EQ(aidstat_wording_unit("EUR", 1e9, true), "€ billion");
    EQ(aidstat_wording_unit("EUR", 1e9, false), "€ bn");
    EQ(aidstat_wording_unit("TIV", 1e6, true), "TIV million");
    EQ(aidstat_wording_unit("CHF", 1, true), "CHF");
    EQ(aidstat_wording_prices("EUR", 0), "nominal: current prices");
    EQ(aidstat_wording_prices("EUR", 2022), "constant 2022 prices");
    EQ(aidstat_wording_prices("TIV", 0), "constant 1990 prices");
    EQ(aidstat_wording_unit_statement("EUR", 1e6, "year", 0),
       "€ million per year (EUR, nominal: current prices)");
    EQ(aidstat_wording_unit_statement("TIV", 1e6, NULL, 0),
       "SIPRI trend-indicator values (TIV), millions, constant 1990 prices");
    EQ(aidstat_wording_unit_statement("TIV", 1e6, "year", 2022),
       "SIPRI trend-indicator values (TIV), millions per year, constant 1990 prices");
    EQ(aidstat_wording_period(2022, 0, 2024, 0), "2022 – 2024");
    EQ(aidstat_wording_period(2022, 0, 2022, 0), "2022");
    EQ(aidstat_wording_period(0, 0, 0, 0), "");
}

static void test_keys(void)
{
    CHECK_EQ_STR(aidstat_wording_key(AIDSTAT_KEY_DONOR, "EUR", false), "donor");
    CHECK_EQ_STR(aidstat_wording_key(AIDSTAT_KEY_DONOR, "TIV", false), "supplier");
    CHECK_EQ_STR(aidstat_wording_key(AIDSTAT_KEY_DONOR, "TIV", true), "suppliers");
    CHECK_EQ_STR(aidstat_wording_key(AIDSTAT_KEY_REGION, "TIV", true), "regions");
    CHECK_EQ_STR(aidstat_wording_key(AIDSTAT_KEY_NONE, "EUR", false), "");
    CHECK_EQ_STR(aidstat_wording_key_title(AIDSTAT_KEY_DONOR, "TIV"), "Supplier");
    CHECK_EQ_STR(aidstat_wording_key_title(AIDSTAT_KEY_SOURCING, "EUR"), "Sourcing");
}

static void test_titles(void)
{
    aidstat_wording_t w;
    aidstat_wording_init(&w);
    CHECK_EQ_INT(w.size, sizeof w);
    EQ(aidstat_wording_title(&w), "Aid");
    w.types = "military";
    w.measure = AIDSTAT_MEASURE_ALLOCATION;
    w.currency = "EUR";
    w.key[0] = AIDSTAT_KEY_DONOR;
    EQ(aidstat_wording_subject(&w), "Military aid allocations");
    EQ(aidstat_wording_title(&w), "Military aid allocations by donor");
    w.filter = "donor=DEU, recipient=Ukraine"; /* named only for SIPRI's arms */
    EQ(aidstat_wording_title(&w), "Military aid allocations by donor");
    w.key[1] = AIDSTAT_KEY_TYPE;
    w.cumulative = true;
    EQ(aidstat_wording_title(&w), "Cumulative military aid allocations by donor and type");
    w.cumulative = false;
    w.key[1] = AIDSTAT_KEY_NONE;
    w.stat = AIDSTAT_STAT_COUNT;
    EQ(aidstat_wording_title(&w), "Number of records of military aid allocations by donor");

    aidstat_wording_init(&w);
    w.currency = "TIV";
    w.types = "military";
    w.measure = AIDSTAT_MEASURE_DELIVERY;
    w.key[0] = AIDSTAT_KEY_DONOR;
    w.filter = "recipient=Ukraine, from=2022";
    EQ(aidstat_wording_subject(&w), "Major arms deliveries");
    EQ(aidstat_wording_title(&w), "Major arms deliveries to Ukraine by supplier");
    w.filter = "donor=Germany,\"Korea, South\",France, recipient=Ukraine,Poland, type=military";
    EQ(aidstat_wording_title(&w),
       "Major arms deliveries from Germany, Korea, South and France to Ukraine and Poland by supplier");
    w.key[0] = AIDSTAT_KEY_NONE;
    w.trend = true;
    w.filter = "recipient=Ukraine";
    EQ(aidstat_wording_title(&w), "Trend of major arms deliveries to Ukraine");
}

/* A comparison's description is its own: keys, currency, filter. */
static void test_from_result(void)
{
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_recipient(f, "Ukraine");
    opt.filter = f;
    aidstat_error_t err;
    aidstat_error_clear(&err);
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    if (!CHECK(c != NULL))
        return;
    aidstat_record_t rec = {.donor = "Germany",
                            .iso3 = "DEU",
                            .recipient = "Ukraine",
                            .year = 2023,
                            .type = AIDSTAT_TYPE_MILITARY,
                            .measure = AIDSTAT_MEASURE_DELIVERY,
                            .value = 25e6,
                            .currency = "TIV",
                            .source = "SIPRI",
                            .release = "",
                            .file = "t.csv",
                            .line = 2};
    CHECK_EQ_INT(aidstat_compare_add(&rec, c), 0);
    aidstat_result_t *r = aidstat_compare_finish(c, &err);
    aidstat_compare_free(c);
    if (CHECK(r != NULL)) {
        aidstat_wording_t w;
        aidstat_wording_from_result(&w, r);
        CHECK_EQ_INT(w.key[0], AIDSTAT_KEY_DONOR);
        CHECK_EQ_STR(w.currency, "TIV");
        EQ(aidstat_wording_title(&w), "Major arms deliveries to Ukraine by supplier");
        aidstat_result_free(r);
    }
    aidstat_filter_free(f);
}

int main(void)
{
    test_units();
    test_keys();
    test_titles();
    test_from_result();
    return testlib_done("test-wording");
}
