/* Unit tests for load/rates.c, load/reftable.c and stats/normalize.c:
 * exchange rates, reference tables (GDP, deflators) and restating values.
 *
 * Small fixtures, written to a temporary directory, have averages worked
 * out by hand; the real files in $SHARED (ECB, Federal Reserve, World
 * Bank) are checked against independent stdio computations and against
 * the figures their PROVENANCE.md states. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

static char *tmpdir;

/* Write a fixture called name into the temporary directory; returns its
 * path (free it). */
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

/* Loading text as a rates table fails at line:column with message. */
static void rates_error(const char *text, long line, long column, const char *message, int src)
{
    char *path = fixture("bad.csv", text);
    aidstat_error_t err;
    aidstat_rates_t *r = aidstat_rates_load_file(path, &err);
    testlib_check(r == NULL, __FILE__, src, "load fails");
    testlib_eq_int(err.code, AIDSTAT_ERR_INPUT, __FILE__, src, "err.code", "AIDSTAT_ERR_INPUT");
    testlib_eq_str(err.file, path, __FILE__, src, "err.file", "path");
    testlib_eq_int(err.line, line, __FILE__, src, "err.line", "line");
    testlib_eq_int(err.column, column, __FILE__, src, "err.column", "column");
    testlib_eq_str(err.message, message, __FILE__, src, "err.message", "message");
    aidstat_rates_free(r);
    g_unlink(path);
    g_free(path);
}
#define RATES_ERROR(text, line, column, message) rates_error(text, line, column, message, __LINE__)

static void reftable_error(const char *text, aidstat_ref_kind_t kind, long line, long column,
                           const char *message, int src)
{
    char *path = fixture("bad.csv", text);
    aidstat_error_t err;
    aidstat_reftable_t *t = aidstat_reftable_load_file(path, kind, NULL, &err);
    testlib_check(t == NULL, __FILE__, src, "load fails");
    testlib_eq_int(err.code, AIDSTAT_ERR_INPUT, __FILE__, src, "err.code", "AIDSTAT_ERR_INPUT");
    testlib_eq_int(err.line, line, __FILE__, src, "err.line", "line");
    testlib_eq_int(err.column, column, __FILE__, src, "err.column", "column");
    testlib_eq_str(err.message, message, __FILE__, src, "err.message", "message");
    aidstat_reftable_free(t);
    g_unlink(path);
    g_free(path);
}
#define REFTABLE_ERROR(text, kind, line, column, message)                                                    \
    reftable_error(text, kind, line, column, message, __LINE__)

/* ------------------------------------------------------------ fixtures */

/* The ECB's shape: trailing commas, newest first, N/A. */
static const char ecb_text[] = "Date,USD,JPY,GBP,RUB,\n"
                               "2022-02-02,1.1300,130.00,0.8400,N/A,\n"
                               "2022-02-01,1.1200,129.00,0.8300,N/A,\n"
                               "2022-01-31,1.1100,128.00,0.8350,N/A,\n"
                               "2022-01-03,1.1300,N/A,0.8400,85.00,\n"
                               "2021-12-31,1.1326,130.38,0.84028,84.0695,\n";

static aidstat_rates_t *load_ecb_fixture(void)
{
    char *path = fixture("eurofxref-hist.csv", ecb_text);
    aidstat_error_t err;
    aidstat_rates_t *r = aidstat_rates_load_file(path, &err);
    if (!CHECK(r != NULL))
        fprintf(stderr, "  %s\n", err.message);
    g_free(path);
    return r;
}

static void test_ecb_fixture(void)
{
    aidstat_rates_t *r = load_ecb_fixture();
    if (!r)
        return;
    CHECK_EQ_STR(aidstat_rates_describe(r),
                 "ECB euro reference rates, daily, 2021-12-31 – 2022-02-02 (eurofxref-hist.csv)");
    /* USD per EUR: Feb (1.13 + 1.12) / 2, Jan (1.11 + 1.13) / 2, 2022 all four */
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2022, 2), 1.125, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2022, 1), 1.12, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2022, 0), 1.1225, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2021, 12), 1.1326, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2021, 0), 1.1326, 1e-15);
    /* the other way, and lower-case codes */
    CHECK_NEAR(aidstat_rates_get(r, "usd", "eur", 2022, 2), 1 / 1.125, 1e-15);
    /* N/A cells are skipped, not zeros: JPY Jan 2022 has one value */
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "JPY", 2022, 1), 128.0, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "JPY", 2022, 0), 129.0, 1e-15);
    /* a cross rate is the ratio of the averages: GBP Feb 0.835 / USD 1.125 */
    CHECK_NEAR(aidstat_rates_get(r, "USD", "GBP", 2022, 2), 0.835 / 1.125, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "GBP", "USD", 2022, 2), 1.125 / 0.835, 1e-15);
    /* RUB: only N/A in February */
    CHECK(isnan(aidstat_rates_get(r, "EUR", "RUB", 2022, 2)));
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "RUB", 2022, 1), 85.0, 1e-15);
    CHECK_NEAR(aidstat_rates_get(r, "EUR", "RUB", 2022, 0), 85.0, 1e-15);
    /* equal currencies are 1 whatever the period; the rest NaN */
    CHECK_EQ_DBL(aidstat_rates_get(r, "EUR", "EUR", 1900, 0), 1.0);
    CHECK_EQ_DBL(aidstat_rates_get(r, "XYZ", "xyz", 2022, 2), 1.0);
    CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2022, 3)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2023, 0)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 1998, 0)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2022, 13)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2022, -1)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "CHF", 2022, 2)));
    CHECK(isnan(aidstat_rates_get(r, "CHF", "USD", 2022, 2)));
    CHECK(isnan(aidstat_rates_get(r, "EUR", "TOOLONGCODE123456", 2022, 2)));
    CHECK(isnan(aidstat_rates_get(NULL, "EUR", "USD", 2022, 2)));
    aidstat_rates_free(r);
    aidstat_rates_free(NULL);
}

static void test_fed_fixtures(void)
{
    /* monthly.csv: CRLF, long, units per USD for every series, Euro too */
    char *path = fixture("monthly.csv", "Date,Country,Exchange rate\r\n"
                                        "2022-01-01,Euro,0.8800\r\n"
                                        "2022-02-01,Euro,0.8811\r\n"
                                        "2022-01-01,Germany,1.9000\r\n"
                                        "2022-01-01,United Kingdom,0.7400\r\n"
                                        "2022-02-01,United Kingdom,0.7386\r\n"
                                        "2022-02-01,Venezuela,4.4460\r\n"
                                        "2022-03-01,Japan,118.0000\r\n"
                                        "2022-03-01,Atlantis,3.0\r\n");
    aidstat_error_t err;
    aidstat_rates_t *r = aidstat_rates_load_file(path, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_STR(aidstat_rates_describe(r),
                     "Federal Reserve rates, monthly, 2022-01 – 2022-03 (monthly.csv)");
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2022, 2), 1 / 0.8811, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "USD", "EUR", 2022, 2), 0.8811, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2022, 0), 1 / ((0.88 + 0.8811) / 2), 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "GBP", 2022, 2), 0.7386 / 0.8811, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "USD", "GBP", 2022, 0), (0.74 + 0.7386) / 2, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "USD", "JPY", 2022, 3), 118.0, 1e-15);
        /* no Euro in March: no euro cross rate */
        CHECK(isnan(aidstat_rates_get(r, "EUR", "JPY", 2022, 3)));
        /* legacy currencies, Venezuela and unknown names are left out */
        CHECK(isnan(aidstat_rates_get(r, "USD", "DEM", 2022, 1)));
        CHECK(isnan(aidstat_rates_get(r, "USD", "VES", 2022, 2)));
        CHECK(isnan(aidstat_rates_get(r, "USD", "VEF", 2022, 2)));
    } else {
        fprintf(stderr, "  %s\n", err.message);
    }
    aidstat_rates_free(r);
    g_free(path);

    /* yearly.csv: LF, "Value", dated 1 January; no monthly figures */
    path = fixture("yearly.csv", "Date,Country,Value\n"
                                 "2022-01-01,Euro,0.9515\n"
                                 "2023-01-01,Euro,0.9245\n"
                                 "2023-01-01,Japan,140.5\n");
    r = aidstat_rates_load_file(path, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_STR(aidstat_rates_describe(r), "Federal Reserve rates, yearly, 2022 – 2023 (yearly.csv)");
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2023, 0), 1 / 0.9245, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "JPY", 2023, 0), 140.5 / 0.9245, 1e-15);
        CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2023, 1)));
        CHECK(isnan(aidstat_rates_get(r, "EUR", "USD", 2023, 6)));
        CHECK(isnan(aidstat_rates_get(r, "EUR", "JPY", 2022, 0)));
    }
    aidstat_rates_free(r);
    g_free(path);
}

static void test_long_fixture(void)
{
    char *path = fixture("rates.csv", "date,currency,per_eur\n"
                                      "2024-03-04,USD,1.08\n"
                                      "2024-03-05,usd,1.09\n"
                                      "2024-04-02,USD,1.07\n"
                                      "2024-03-04,GBP,0.85\n"
                                      "2024-03-04,EUR,1\n"
                                      "2024-03-06,GBP,\n");
    aidstat_error_t err;
    aidstat_rates_t *r = aidstat_rates_load_file(path, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_STR(aidstat_rates_describe(r),
                     "exchange rates per EUR, daily, 2024-03-04 – 2024-04-02 (rates.csv)");
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2024, 3), 1.085, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2024, 4), 1.07, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2024, 0), 1.08, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "USD", "GBP", 2024, 3), 0.85 / 1.085, 1e-15);
        CHECK(isnan(aidstat_rates_get(r, "USD", "GBP", 2024, 4)));
    } else {
        fprintf(stderr, "  %s\n", err.message);
    }
    aidstat_rates_free(r);
    g_free(path);

    /* another base currency, monthly figures dated on the first */
    path = fixture("usd.csv", "Date;Currency;Per USD\n"
                              "2024-01-01;EUR;0.92\n"
                              "2024-02-01;EUR;0.93\n");
    r = aidstat_rates_load_file(path, &err);
    if (CHECK(r != NULL)) {
        CHECK_EQ_STR(aidstat_rates_describe(r),
                     "exchange rates per USD, monthly, 2024-01 – 2024-02 (usd.csv)");
        CHECK_NEAR(aidstat_rates_get(r, "EUR", "USD", 2024, 2), 1 / 0.93, 1e-15);
        CHECK_NEAR(aidstat_rates_get(r, "USD", "EUR", 2024, 0), 0.925, 1e-15);
    } else {
        fprintf(stderr, "  %s\n", err.message);
    }
    aidstat_rates_free(r);
    g_free(path);
}

static void test_rates_errors(void)
{
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,1.13,130,\n2022-02-01,1.1x,129,\n", 3, 2,
                "rate \"1.1x\" is not a number (column \"USD\")");
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,1.13,-130,\n", 2, 3,
                "rate \"-130\" is not a positive number (column \"JPY\")");
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,1.13,0,\n", 2, 3,
                "rate \"0\" is not a positive number (column \"JPY\")");
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,1.13,130,\n2022-02-30,1.12,129,\n", 3, 1,
                "date \"2022-02-30\": day out of range");
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,1.13,130,7\n", 2, 4,
                "a value (\"7\") in a column with no currency in the header");
    RATES_ERROR("Date,Country,Exchange rate\n2022-01-01,Euro,abc\n", 2, 3,
                "rate \"abc\" is not a number (column \"Exchange rate\")");
    RATES_ERROR("Date,Country,Exchange rate\nJan 2022,Euro,0.9\n", 2, 1, "date \"Jan 2022\": not a date");
    RATES_ERROR("date,currency,per_eur\n2024-01-02,US,1.1\n", 2, 2,
                "currency \"US\" is not a three-letter code");
    RATES_ERROR("when,what,how much\n2024-01-02,USD,1.1\n", 1, 0,
                "not an exchange-rate table: expected the ECB's Date,USD,JPY,..., the Federal "
                "Reserve's Date,Country,Exchange rate (or Value), or date,currency,per_eur");
    RATES_ERROR("Date,USD,JPY,\n2022-02-02,N/A,N/A,\n", 0, 0, "no exchange rates in the file");
    RATES_ERROR("", 0, 0, "empty file: no header");

    aidstat_error_t err;
    CHECK(aidstat_rates_load_file("/nonexistent/rates.csv", &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "cannot open: No such file or directory");
}

/* ----------------------------------------------------- reference tables */

static void test_reftable_fixtures(void)
{
    char *path = fixture("gdp.csv", "country,iso3,year,gdp\n"
                                    "Germany,DEU,2022,4.0e12\n"
                                    "Germany,deu,2023,4.5e12\n"
                                    "\"Korea, Rep.\",KOR,2023,\"1,700,000,000,000\"\n"
                                    "Nowhere,,2021,5\n"
                                    "Nowhere,,2024,N/A\n"
                                    "Elsewhere,ELS,2020,\n");
    aidstat_error_t err;
    aidstat_reftable_t *t = aidstat_reftable_load_file(path, AIDSTAT_REF_GDP, "eur", &err);
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t), "gdp.csv (GDP, EUR, 2021–2023)");
        CHECK_EQ_STR(aidstat_reftable_currency(t), "EUR");
        CHECK_EQ_DBL(aidstat_reftable_get(t, "DEU", NULL, 2022), 4.0e12);
        CHECK_EQ_DBL(aidstat_reftable_get(t, "deu", "", 2023), 4.5e12);
        CHECK_EQ_DBL(aidstat_reftable_get(t, NULL, "GERMANY", 2023), 4.5e12);
        CHECK_EQ_DBL(aidstat_reftable_get(t, "", "korea, rep.", 2023), 1.7e12);
        /* a code the table lacks falls back to the name */
        CHECK_EQ_DBL(aidstat_reftable_get(t, "XKO", "Korea, Rep.", 2023), 1.7e12);
        CHECK_EQ_DBL(aidstat_reftable_get(t, NULL, "Nowhere", 2021), 5.0);
        CHECK(isnan(aidstat_reftable_get(t, "DEU", NULL, 2021)));
        CHECK(isnan(aidstat_reftable_get(t, NULL, "Nowhere", 2024)));
        CHECK(isnan(aidstat_reftable_get(t, "ELS", NULL, 2020)));
        CHECK(isnan(aidstat_reftable_get(t, NULL, NULL, 2022)));
        CHECK_EQ_INT(aidstat_reftable_latest_year(t, "DEU", NULL), 2023);
        CHECK_EQ_INT(aidstat_reftable_latest_year(t, NULL, "nowhere"), 2021);
        CHECK_EQ_INT(aidstat_reftable_latest_year(t, "ELS", "Elsewhere"), 0);
        CHECK_EQ_INT(aidstat_reftable_latest_year(t, NULL, NULL), 0);
    } else {
        fprintf(stderr, "  %s\n", err.message);
    }
    aidstat_reftable_free(t);
    aidstat_reftable_free(NULL);
    g_free(path);

    path = fixture("pop.csv", "Country Code,Year,Population\nUKR,2023,37000000\n");
    t = aidstat_reftable_load_file(path, AIDSTAT_REF_POPULATION, NULL, &err);
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t), "pop.csv (population, 2023)");
        CHECK_EQ_STR(aidstat_reftable_currency(t), "");
        CHECK_EQ_DBL(aidstat_reftable_get(t, "UKR", NULL, 2023), 37e6);
    }
    aidstat_reftable_free(t);
    g_free(path);

    path = fixture("defl.csv", "year,index\n2021,95\n2022,100\n2023,106\n");
    t = aidstat_reftable_load_file(path, AIDSTAT_REF_DEFLATOR, NULL, &err);
    if (CHECK(t != NULL)) {
        CHECK_EQ_STR(aidstat_reftable_describe(t), "defl.csv (deflator, 2021–2023)");
        CHECK_EQ_DBL(aidstat_reftable_get(t, NULL, NULL, 2022), 100.0);
        CHECK(isnan(aidstat_reftable_get(t, NULL, NULL, 2024)));
        CHECK_EQ_INT(aidstat_reftable_latest_year(t, NULL, NULL), 2023);
    }
    aidstat_reftable_free(t);
    g_free(path);

    REFTABLE_ERROR("country,iso3,year,gdp\nGermany,DEU,20x3,1\n", AIDSTAT_REF_GDP, 2, 3,
                   "year \"20x3\" is not a year");
    REFTABLE_ERROR("country,iso3,year,gdp\nGermany,DEU,,1\n", AIDSTAT_REF_GDP, 2, 3, "year missing");
    REFTABLE_ERROR("country,iso3,year,gdp\nGermany,DEU,2023,1.2.3\n", AIDSTAT_REF_GDP, 2, 4,
                   "value \"1.2.3\" is not a number (column \"gdp\")");
    REFTABLE_ERROR("country,iso3,year,gdp\nGermany,DEU,2023,-5\n", AIDSTAT_REF_GDP, 2, 4,
                   "value \"-5\" is not a non-negative number (column \"gdp\")");
    REFTABLE_ERROR("country,iso3,year,gdp\nGermany,DEU,2023,1\nGermany,DEU,2023,2\n", AIDSTAT_REF_GDP, 3, 3,
                   "a second value for DEU in 2023");
    REFTABLE_ERROR("country,iso3,year,gdp\n,,2023,1\n", AIDSTAT_REF_GDP, 2, 2,
                   "neither a country code nor a name");
    REFTABLE_ERROR("year,index\n2020,100\n2020,101\n", AIDSTAT_REF_DEFLATOR, 3, 1, "a second value for 2020");
    REFTABLE_ERROR("year,index\n2020,0\n", AIDSTAT_REF_DEFLATOR, 2, 2,
                   "value \"0\" is not a positive number (column \"index\")");
    REFTABLE_ERROR("year,price\n2020,100\n", AIDSTAT_REF_DEFLATOR, 1, 0,
                   "a deflator table needs columns year and index (or value)");
    REFTABLE_ERROR("year,value\n2020,100\n", AIDSTAT_REF_GDP, 1, 0,
                   "a GDP table needs a country column: a code (country_code, iso3, iso, code) "
                   "or a name (country_name, country, name)");
    REFTABLE_ERROR("country,year,gdp\nFrance,2023,\n", AIDSTAT_REF_GDP, 0, 0, "no values in the file");
}

/* ------------------------------------------------------------ normalize */

static aidstat_record_t record(const char *currency, int year, int month, double value)
{
    aidstat_record_t rec = {0};
    rec.donor = "Germany";
    rec.iso3 = "DEU";
    rec.recipient = "Ukraine";
    rec.year = year;
    rec.month = month;
    rec.value = value;
    rec.currency = currency;
    rec.source = "";
    rec.release = "";
    rec.file = "aid.csv";
    rec.line = 12;
    return rec;
}

/* Normalising rec fails with code and message and leaves it alone. */
static void normalize_error(const aidstat_normalize_t *n, aidstat_record_t rec, aidstat_status_t code,
                            const char *message, int src)
{
    aidstat_record_t before = rec;
    aidstat_error_t err;
    aidstat_error_clear(&err);
    aidstat_status_t st = aidstat_normalize_record(n, &rec, &err);
    testlib_eq_int(st, code, __FILE__, src, "status", "code");
    testlib_eq_int(err.code, code, __FILE__, src, "err.code", "code");
    testlib_eq_str(err.message, message, __FILE__, src, "err.message", "message");
    testlib_check(rec.value == before.value && rec.gdp == before.gdp && rec.currency == before.currency,
                  __FILE__, src, "record unchanged");
}
#define NORMALIZE_ERROR(n, rec, code, message) normalize_error(n, rec, code, message, __LINE__)

static void test_normalize(void)
{
    aidstat_rates_t *ecb = load_ecb_fixture();
    char *dpath = fixture("defl.csv", "year,index\n2021,95\n2022,100\n2023,106\n");
    aidstat_error_t err;
    aidstat_reftable_t *defl = aidstat_reftable_load_file(dpath, AIDSTAT_REF_DEFLATOR, NULL, &err);
    g_free(dpath);
    if (!CHECK(ecb && defl))
        goto out;

    char usd[] = "USD"; /* the record must point at the options' string */
    aidstat_normalize_t n = {usd, ecb, false, 0, NULL};
    /* the fixture's 2022 is January and February only: no yearly average
     * comes from it, for a GDP, a year-only record or yearly rates */
    const char *part = "the EUR to USD rate for 2022 would be an average of Jan 2022 to Feb 2022 "
                       "only (2 months in eurofxref-hist.csv), not of the year";
    aidstat_record_t rec = record("EUR", 2022, 2, 1000);
    rec.gdp = 2e12;
    rec.gdp_year = 2022;
    NORMALIZE_ERROR(&n, rec, AIDSTAT_ERR_DATA, part);
    /* no GDP year: the GDP goes at the record's rate */
    rec = record("EUR", 2022, 1, 1000);
    rec.gdp = 10;
    CHECK_EQ_INT(aidstat_normalize_record(&n, &rec, &err), AIDSTAT_OK);
    CHECK_NEAR(rec.value, 1120.0, 1e-15);
    CHECK_NEAR(rec.gdp, 11.2, 1e-15);
    /* a record with only a year, and yearly rates asked for */
    NORMALIZE_ERROR(&n, record("EUR", 2022, 0, 1000), AIDSTAT_ERR_DATA, part);
    n.yearly_rates = true;
    NORMALIZE_ERROR(&n, record("EUR", 2022, 2, 1000), AIDSTAT_ERR_DATA, part);
    n.yearly_rates = false;
    /* from one rate currency to another: GBP to USD in Feb 2022 */
    rec = record("GBP", 2022, 2, 835);
    CHECK_EQ_INT(aidstat_normalize_record(&n, &rec, &err), AIDSTAT_OK);
    CHECK_NEAR(rec.value, 1125.0, 1e-14);
    /* already in the target currency (any case): nothing to do, no rate needed */
    rec = record("usd", 2030, 2, 7);
    CHECK_EQ_INT(aidstat_normalize_record(&n, &rec, &err), AIDSTAT_OK);
    CHECK_EQ_DBL(rec.value, 7.0);
    CHECK_EQ_STR(rec.currency, "usd");

    NORMALIZE_ERROR(&n, record("EUR", 2026, 4, 1), AIDSTAT_ERR_DATA,
                    "no USD rate for Apr 2026 in eurofxref-hist.csv");
    NORMALIZE_ERROR(&n, record("EUR", 2026, 0, 1), AIDSTAT_ERR_DATA,
                    "no USD rate for 2026 in eurofxref-hist.csv");
    NORMALIZE_ERROR(&n, record("RUB", 2022, 2, 1), AIDSTAT_ERR_DATA,
                    "no RUB rate for Feb 2022 in eurofxref-hist.csv");
    NORMALIZE_ERROR(&n, record("EUR", 0, 0, 1), AIDSTAT_ERR_DATA,
                    "EUR to USD: the record has no date to pick a rate");
    NORMALIZE_ERROR(&n, record("", 2022, 2, 1), AIDSTAT_ERR_DATA,
                    "converting to USD: the record has no currency");
    rec = record("EUR", 2022, 2, 1);
    rec.gdp = 5;
    rec.gdp_year = 2020;
    NORMALIZE_ERROR(&n, rec, AIDSTAT_ERR_DATA, "no USD rate for 2020 in eurofxref-hist.csv");
    /* the error points at the record */
    rec = record("EUR", 2026, 4, 1);
    aidstat_normalize_record(&n, &rec, &err);
    CHECK_EQ_STR(err.file, "aid.csv");
    CHECK_EQ_INT(err.line, 12);
    n.rates = NULL;
    NORMALIZE_ERROR(&n, record("EUR", 2022, 2, 1), AIDSTAT_ERR_USAGE,
                    "converting EUR to USD needs a rates table (rates=FILE)");

    /* constant prices: value * deflator(base) / deflator(year) */
    aidstat_normalize_t c = {NULL, NULL, false, 2022, defl};
    rec = record("EUR", 2023, 5, 1060);
    rec.gdp = 2120;
    rec.gdp_year = 2021;
    if (CHECK_EQ_INT(aidstat_normalize_record(&c, &rec, &err), AIDSTAT_OK)) {
        CHECK_NEAR(rec.value, 1000.0, 1e-15);
        CHECK_NEAR(rec.gdp, 2120 * 100.0 / 95, 1e-15);
        CHECK_EQ_STR(rec.currency, "EUR");
    }
    rec = record("EUR", 2021, 0, 95);
    CHECK_EQ_INT(aidstat_normalize_record(&c, &rec, &err), AIDSTAT_OK);
    CHECK_NEAR(rec.value, 100.0, 1e-15);
    NORMALIZE_ERROR(&c, record("EUR", 2026, 4, 1), AIDSTAT_ERR_DATA, "no deflator for 2026 in defl.csv");
    NORMALIZE_ERROR(&c, record("EUR", 0, 0, 1), AIDSTAT_ERR_DATA,
                    "constant 2022 prices: the record has no date to pick a deflator");
    c.base_year = 2019;
    NORMALIZE_ERROR(&c, record("EUR", 2022, 1, 1), AIDSTAT_ERR_DATA, "no deflator for 2019 in defl.csv");
    c.deflator = NULL;
    NORMALIZE_ERROR(&c, record("EUR", 2022, 1, 1), AIDSTAT_ERR_USAGE,
                    "constant prices need a deflator table (deflator=FILE with columns "
                    "year,index)");

    /* both: convert at Jan 2022 (1.12), then to 2021 prices (95 / 100) */
    aidstat_normalize_t both = {"USD", ecb, false, 2021, defl};
    rec = record("EUR", 2022, 1, 1000);
    CHECK_EQ_INT(aidstat_normalize_record(&both, &rec, &err), AIDSTAT_OK);
    CHECK_NEAR(rec.value, 1064.0, 1e-14);

    /* footers */
    char *s = aidstat_normalize_describe(&both);
    CHECK_EQ_STR(s, "converted to USD at monthly average rates (ECB euro reference rates, daily, "
                    "2021-12-31 – 2022-02-02 (eurofxref-hist.csv)); constant 2021 prices "
                    "(deflator: defl.csv)");
    aidstat_free(s);
    both.yearly_rates = true;
    both.base_year = 0;
    s = aidstat_normalize_describe(&both);
    CHECK_EQ_STR(s, "converted to USD at yearly average rates (ECB euro reference rates, daily, "
                    "2021-12-31 – 2022-02-02 (eurofxref-hist.csv))");
    aidstat_free(s);
    aidstat_normalize_t none = {NULL, ecb, true, 0, defl};
    s = aidstat_normalize_describe(&none);
    CHECK_EQ_STR(s, "");
    aidstat_free(s);
    aidstat_free(NULL);
out:
    aidstat_rates_free(ecb);
    aidstat_reftable_free(defl);
}

/* ----------------------------------------------------------- real files */

static char *shared_path(const char *folder, const char *file)
{
    const char *shared = getenv("SHARED");
    char *path = g_build_filename(shared && *shared ? shared : "../shared/datasets", folder, file, NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        printf("skipped: %s not found\n", path);
        g_free(path);
        return NULL;
    }
    return path;
}

/* The average of column `column` (by header name) over the rows whose
 * first field starts with prefix, read with plain stdio: N/A cells left
 * out. */
static double stdio_average(const char *path, const char *column, const char *prefix)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NAN;
    char line[8192];
    int col = -1;
    double sum = 0;
    long n = 0;
    if (fgets(line, sizeof line, fp)) {
        int k = 0;
        for (char *tok = strtok(line, ",\r\n"); tok; tok = strtok(NULL, ",\r\n"), k++)
            if (strcmp(tok, column) == 0)
                col = k;
    }
    while (col >= 0 && fgets(line, sizeof line, fp)) {
        if (strncmp(line, prefix, strlen(prefix)) != 0)
            continue;
        char *p = line;
        for (int k = 0; k < col && p; k++) {
            p = strchr(p, ',');
            if (p)
                p++;
        }
        if (p && strncmp(p, "N/A", 3) != 0) {
            sum += strtod(p, NULL);
            n++;
        }
    }
    fclose(fp);
    return n ? sum / n : NAN;
}

/* The Fed's monthly.csv: the average of country's values in rows dated
 * with prefix. */
static double fed_average(const char *path, const char *country, const char *prefix)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NAN;
    char line[512], want[128];
    snprintf(want, sizeof want, ",%s,", country);
    double sum = 0;
    long n = 0;
    while (fgets(line, sizeof line, fp)) {
        char *p = strstr(line, want);
        if (strncmp(line, prefix, strlen(prefix)) == 0 && p) {
            sum += strtod(p + strlen(want), NULL);
            n++;
        }
    }
    fclose(fp);
    return n ? sum / n : NAN;
}

static void test_real_files(void)
{
    aidstat_error_t err;
    char buf[64];
    aidstat_rates_t *ecb = NULL, *fed = NULL;

    char *path = shared_path("ecb-eurofxref", "eurofxref-hist.csv");
    if (path) {
        ecb = aidstat_rates_load_file(path, &err);
        if (!CHECK(ecb != NULL))
            fprintf(stderr, "  %s\n", err.message);
    }
    if (ecb) {
        CHECK_EQ_STR(aidstat_rates_describe(ecb), "ECB euro reference rates, daily, 1999-01-04 – "
                                                  "2025-05-09 (eurofxref-hist.csv)");
        double y22 = aidstat_rates_get(ecb, "EUR", "USD", 2022, 0);
        double y24 = aidstat_rates_get(ecb, "EUR", "USD", 2024, 0);
        CHECK_NEAR(y22, stdio_average(path, "USD", "2022-"), 1e-13);
        CHECK_NEAR(y24, stdio_average(path, "USD", "2024-"), 1e-13);
        CHECK_NEAR(aidstat_rates_get(ecb, "EUR", "JPY", 2023, 7), stdio_average(path, "JPY", "2023-07-"),
                   1e-13);
        /* PROVENANCE.md: 2022 = 1.0530, 2024 = 1.0824 */
        snprintf(buf, sizeof buf, "%.4f", y22);
        CHECK_EQ_STR(buf, "1.0530");
        snprintf(buf, sizeof buf, "%.4f", y24);
        CHECK_EQ_STR(buf, "1.0824");
        printf("ECB USD per EUR: 2022 %.6f, 2024 %.6f\n", y22, y24);
        /* RUB suspended since March 2022; the latest day has USD 1.1252 */
        CHECK(isnan(aidstat_rates_get(ecb, "EUR", "RUB", 2022, 4)));
        CHECK(!isnan(aidstat_rates_get(ecb, "EUR", "RUB", 2022, 2)));
        CHECK(isnan(aidstat_rates_get(ecb, "EUR", "USD", 2025, 6)));
        CHECK(!isnan(aidstat_rates_get(ecb, "EUR", "USD", 2025, 5)));
        CHECK(isnan(aidstat_rates_get(ecb, "EUR", "USD", 1998, 0)));
    }
    g_free(path);

    path = shared_path("fed-exchange-rates", "monthly.csv");
    if (path) {
        fed = aidstat_rates_load_file(path, &err);
        if (!CHECK(fed != NULL))
            fprintf(stderr, "  %s\n", err.message);
    }
    if (fed) {
        CHECK_EQ_STR(aidstat_rates_describe(fed),
                     "Federal Reserve rates, monthly, 1971-01 – 2026-06 (monthly.csv)");
        /* PROVENANCE.md: Euro 2022-02 = 0.8811 EUR per USD */
        CHECK_NEAR(aidstat_rates_get(fed, "EUR", "USD", 2022, 2), 1 / 0.8811, 1e-15);
        CHECK_NEAR(aidstat_rates_get(fed, "USD", "GBP", 2022, 2), 0.7386, 1e-15);
        CHECK_NEAR(aidstat_rates_get(fed, "USD", "AUD", 2022, 2), 1.3949, 1e-15);
        double uk23 = aidstat_rates_get(fed, "USD", "GBP", 2023, 0);
        CHECK_NEAR(uk23, fed_average(path, "United Kingdom", "2023-"), 1e-14);
        /* before the euro, the dollar rates are there, euro ones not */
        CHECK_NEAR(aidstat_rates_get(fed, "USD", "JPY", 1990, 0), fed_average(path, "Japan", "1990-"), 1e-14);
        CHECK(isnan(aidstat_rates_get(fed, "EUR", "USD", 1998, 0)));
        if (ecb) {
            /* the two sources agree: the ECB's 2022-02 USD average within
             * 0.5 % of the Fed's, and the ECB's GBP per USD cross rate
             * for 2023 within 1 % of the Fed's United Kingdom average */
            CHECK_NEAR(aidstat_rates_get(ecb, "EUR", "USD", 2022, 2),
                       aidstat_rates_get(fed, "EUR", "USD", 2022, 2), 0.005);
            CHECK_NEAR(aidstat_rates_get(ecb, "USD", "GBP", 2023, 0), uk23, 0.01);
            CHECK_NEAR(aidstat_rates_get(ecb, "EUR", "JPY", 2024, 0),
                       aidstat_rates_get(fed, "EUR", "JPY", 2024, 0), 0.01);
        }
    }
    g_free(path);

    path = shared_path("fed-exchange-rates", "yearly.csv");
    aidstat_rates_t *fy = path ? aidstat_rates_load_file(path, &err) : NULL;
    if (path && CHECK(fy != NULL)) {
        CHECK_EQ_STR(aidstat_rates_describe(fy), "Federal Reserve rates, yearly, 1971 – 2025 (yearly.csv)");
        CHECK_NEAR(aidstat_rates_get(fy, "EUR", "USD", 2023, 0), 1 / 0.9245, 1e-15);
        CHECK(isnan(aidstat_rates_get(fy, "EUR", "USD", 2023, 2)));
    }
    aidstat_rates_free(fy);
    g_free(path);

    path = shared_path("wb-gdp", "gdp.csv");
    aidstat_reftable_t *gdp = path ? aidstat_reftable_load_file(path, AIDSTAT_REF_GDP, NULL, &err) : NULL;
    if (path && !CHECK(gdp != NULL))
        fprintf(stderr, "  %s\n", err.message);
    if (gdp) {
        CHECK_EQ_STR(aidstat_reftable_describe(gdp), "gdp.csv (GDP, USD, 1960–2023)");
        CHECK_EQ_STR(aidstat_reftable_currency(gdp), "USD");
        /* PROVENANCE.md: USA 2023 = 2.736e13, UKR 1.788e11, EUU 1.835e13, WLD 1.054e14 */
        snprintf(buf, sizeof buf, "%.3e", aidstat_reftable_get(gdp, "USA", NULL, 2023));
        CHECK_EQ_STR(buf, "2.736e+13");
        snprintf(buf, sizeof buf, "%.3e", aidstat_reftable_get(gdp, "UKR", "Ukraine", 2023));
        CHECK_EQ_STR(buf, "1.788e+11");
        snprintf(buf, sizeof buf, "%.3e", aidstat_reftable_get(gdp, "EUU", NULL, 2023));
        CHECK_EQ_STR(buf, "1.835e+13");
        snprintf(buf, sizeof buf, "%.3e", aidstat_reftable_get(gdp, "WLD", NULL, 2023));
        CHECK_EQ_STR(buf, "1.054e+14");
        /* quoted names with commas, by name alone; the last digits as written */
        CHECK_EQ_DBL(aidstat_reftable_get(gdp, NULL, "Korea, Rep.", 2023), 1712792854202.3687);
        CHECK_EQ_DBL(aidstat_reftable_get(gdp, "", "Korea, Rep.", 2023),
                     aidstat_reftable_get(gdp, "KOR", NULL, 2023));
        CHECK_EQ_DBL(aidstat_reftable_get(gdp, "AFG", NULL, 2000), 3521418059.923445);
        CHECK_EQ_INT(aidstat_reftable_latest_year(gdp, "UKR", NULL), 2023);
        CHECK_EQ_INT(aidstat_reftable_latest_year(gdp, NULL, "Ukraine"), 2023);
        CHECK(isnan(aidstat_reftable_get(gdp, "USA", NULL, 2024)));
        if (ecb) {
            /* Germany's 2023 GDP in euros at the 2023 average rate */
            aidstat_record_t rec = record("USD", 2023, 0, 1);
            rec.gdp = aidstat_reftable_get(gdp, "DEU", NULL, 2023);
            rec.gdp_year = 2023;
            aidstat_normalize_t n = {"EUR", ecb, false, 0, NULL};
            if (CHECK_EQ_INT(aidstat_normalize_record(&n, &rec, &err), AIDSTAT_OK))
                CHECK_NEAR(rec.gdp,
                           aidstat_reftable_get(gdp, "DEU", NULL, 2023) /
                               aidstat_rates_get(ecb, "EUR", "USD", 2023, 0),
                           1e-15);
        }
    }
    aidstat_reftable_free(gdp);
    g_free(path);
    aidstat_rates_free(ecb);
    aidstat_rates_free(fed);
}

int main(void)
{
    tmpdir = g_dir_make_tmp("test-rates-XXXXXX", NULL);
    if (!tmpdir) {
        fprintf(stderr, "cannot make a temporary directory\n");
        return 99;
    }
    test_ecb_fixture();
    test_fed_fixtures();
    test_long_fixture();
    test_rates_errors();
    test_reftable_fixtures();
    test_normalize();
    test_real_files();

    static const char *const names[] = {
        "eurofxref-hist.csv", "monthly.csv", "yearly.csv", "rates.csv", "usd.csv", "gdp.csv", "pop.csv",
        "defl.csv",           "bad.csv"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        char *p = g_build_filename(tmpdir, names[i], NULL);
        g_unlink(p);
        g_free(p);
    }
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return testlib_done("test-rates");
}
