/* Unit tests for load/: header guessing, long and wide files, the Kiel
 * profile, rejected rows and their reasons, structural errors. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------ collecting */

/* Records arrive with borrowed strings: keep copies. */
typedef struct {
    char *donor, *iso3, *recipient, *currency, *source, *release, *file;
    int year, month, day, gdp_year;
    aidstat_type_t type;
    aidstat_measure_t measure;
    double value, gdp;
    long line;
} rec_t;

typedef struct {
    GArray *recs; /* rec_t */
    long stop_at; /* return non-zero at this record (1-based; 0 = never) */
} recs_t;

static int collect(const aidstat_record_t *r, void *user)
{
    recs_t *out = user;
    rec_t c = {g_strdup(r->donor),
               g_strdup(r->iso3),
               g_strdup(r->recipient),
               g_strdup(r->currency),
               g_strdup(r->source),
               g_strdup(r->release),
               g_strdup(r->file),
               r->year,
               r->month,
               r->day,
               r->gdp_year,
               r->type,
               r->measure,
               r->value,
               r->gdp,
               r->line};
    g_array_append_val(out->recs, c);
    return out->stop_at && (long)out->recs->len >= out->stop_at;
}

static void recs_init(recs_t *r)
{
    r->recs = g_array_new(FALSE, TRUE, sizeof(rec_t));
    r->stop_at = 0;
}

static void recs_free(recs_t *r)
{
    for (guint i = 0; i < r->recs->len; i++) {
        rec_t *c = &g_array_index(r->recs, rec_t, i);
        g_free(c->donor);
        g_free(c->iso3);
        g_free(c->recipient);
        g_free(c->currency);
        g_free(c->source);
        g_free(c->release);
        g_free(c->file);
    }
    g_array_free(r->recs, TRUE);
}

static rec_t *rec_at(recs_t *r, size_t i)
{
    return &g_array_index(r->recs, rec_t, i);
}

/* One record as "line:donor/iso3/year-month-day/type/measure/value currency",
 * values with all 17 digits. */
static void rec_text(GString *s, const rec_t *c)
{
    g_string_append_printf(s, "%ld:%s/%s/%d-%d-%d/%s/%s/%.17g %s\n", c->line, c->donor, c->iso3, c->year,
                           c->month, c->day, aidstat_type_name(c->type), aidstat_measure_name(c->measure),
                           c->value, c->currency);
}

/* All records as text; the caller frees it. */
static char *recs_text(recs_t *r)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < r->recs->len; i++)
        rec_text(s, rec_at(r, i));
    return g_string_free(s, FALSE);
}

#define CHECK_RECS(r, want)                                                                                  \
    do {                                                                                                     \
        char *t_ = recs_text(r);                                                                             \
        CHECK_EQ_STR(t_, (want));                                                                            \
        g_free(t_);                                                                                          \
    } while (0)

/* All notes of a report, one a line. */
static char *notes_text(const aidstat_load_report_t *rep)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < aidstat_load_report_note_count(rep); i++)
        g_string_append_printf(s, "%s\n", aidstat_load_report_note(rep, i));
    return g_string_free(s, FALSE);
}

#define CHECK_NOTES(rep, want)                                                                               \
    do {                                                                                                     \
        char *t_ = notes_text(rep);                                                                          \
        CHECK_EQ_STR(t_, (want));                                                                            \
        g_free(t_);                                                                                          \
    } while (0)

/* All reasons of a report: "count x reason [line,line]" one a line. */
static char *reasons_text(const aidstat_load_report_t *rep)
{
    GString *s = g_string_new(NULL);
    size_t n = aidstat_load_report_reason_count(rep);
    for (size_t i = 0; i < n; i++) {
        uint64_t count = 0;
        long lines[8];
        size_t nl = 0;
        const char *reason = aidstat_load_report_reason(rep, i, &count, lines, 8, &nl);
        g_string_append_printf(s, "%llu x %s [", (unsigned long long)count, reason);
        for (size_t k = 0; k < nl; k++)
            g_string_append_printf(s, "%s%ld", k ? "," : "", lines[k]);
        g_string_append(s, "]\n");
    }
    return g_string_free(s, FALSE);
}

#define CHECK_REASONS(rep, want)                                                                             \
    do {                                                                                                     \
        char *t_ = reasons_text(rep);                                                                        \
        CHECK_EQ_STR(t_, (want));                                                                            \
        g_free(t_);                                                                                          \
    } while (0)

/* Load a NUL-terminated buffer. */
static aidstat_status_t load(const char *name, const char *csv, const aidstat_load_options_t *opt,
                             recs_t *out, aidstat_load_report_t *rep, aidstat_error_t *err)
{
    return aidstat_load_memory(name, csv, strlen(csv), opt, collect, out, rep, err);
}

/* ------------------------------------------------------------- formats */

static void test_long(void)
{
    const char *csv = "donor,iso3,year,month,type,measure,value\n"
                      "Germany,DEU,2023,1,military,allocation,1500\n"
                      "Germany,DEU,2023,2,financial,commitment,250.5\n"
                      "France,FRA,2022,12,humanitarian,delivery,-3\n"
                      "Poland,POL,2024,,mil,allocations,7\n";
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("long.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_INT(err.code, AIDSTAT_OK);
    CHECK_RECS(&r, "2:Germany/DEU/2023-1-0/military/allocation/1500 EUR\n"
                   "3:Germany/DEU/2023-2-0/financial/commitment/250.5 EUR\n"
                   "4:France/FRA/2022-12-0/humanitarian/delivery/-3 EUR\n"
                   "5:Poland/POL/2024-0-0/military/allocation/7 EUR\n");
    if (CHECK_EQ_INT(r.recs->len, 4)) {
        rec_t *c = rec_at(&r, 0);
        CHECK_EQ_STR(c->recipient, ""); /* the file names no recipient */
        CHECK_EQ_STR(c->file, "long.csv");
        CHECK_EQ_STR(c->source, "");
        CHECK_EQ_STR(c->release, "");
        CHECK_EQ_DBL(c->gdp, 0.0);
        CHECK_EQ_INT(c->gdp_year, 0);
    }
    CHECK_EQ_STR(aidstat_load_report_format(rep), "csv");
    CHECK_EQ_STR(aidstat_load_report_description(rep), "generic CSV (columns matched by header names)");
    CHECK_EQ_STR(aidstat_load_report_file(rep), "long.csv");
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 4);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 4);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_rows_skipped(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_records(rep), 4);
    CHECK_EQ_INT(aidstat_load_report_reason_count(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_ALLOCATION), 2);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_COMMITMENT), 1);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_DELIVERY), 1);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_TO_BE_ALLOCATED), 0);
    if (CHECK_EQ_INT(aidstat_load_report_donor_count(rep), 3)) {
        CHECK_EQ_STR(aidstat_load_report_donor(rep, 0), "Germany");
        CHECK_EQ_STR(aidstat_load_report_donor(rep, 1), "France");
        CHECK_EQ_STR(aidstat_load_report_donor(rep, 2), "Poland");
    }
    int y0, m0, y1, m1;
    aidstat_load_report_period(rep, &y0, &m0, &y1, &m1);
    CHECK_EQ_INT(y0 * 100 + m0, 202212);
    /* a year-only record reaches to December */
    CHECK_EQ_INT(y1 * 100 + m1, 202412);
    CHECK_EQ_STR(aidstat_load_report_source(rep), "");
    CHECK_EQ_STR(aidstat_load_report_release(rep), "");
    CHECK_NOTES(rep, "");
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* without a report and without an error record */
    recs_init(&r);
    CHECK_EQ_INT(load("long.csv", csv, NULL, &r, NULL, NULL), AIDSTAT_OK);
    CHECK_EQ_INT(r.recs->len, 4);
    recs_free(&r);
}

/* aidstat's own long format (what `aidstat convert` writes) round-trips. */
static void test_aidstat_long(void)
{
    const char *csv =
        "donor,iso3,recipient,year,month,type,measure,value,currency,gdp,gdp_year,source,release\n"
        "Australia,AUS,Ukraine,2022,2,military,allocation,2645000,EUR,1312771155262.5598,2021,"
        "\"Kiel Institute, Ukraine Support Tracker\",Release 29 (04/2026)\n"
        "Norway,NOR,Moldova,2023,7,total,to_be_allocated,-1.5e6,usd,,,,\n";
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("x.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_STR(aidstat_load_report_format(rep), "aidstat-long");
    CHECK_RECS(&r, "2:Australia/AUS/2022-2-0/military/allocation/2645000 EUR\n"
                   "3:Norway/NOR/2023-7-0/total/to_be_allocated/-1500000 USD\n");
    if (CHECK_EQ_INT(r.recs->len, 2)) {
        rec_t *a = rec_at(&r, 0), *b = rec_at(&r, 1);
        CHECK_EQ_DBL(a->gdp, 1312771155262.5598);
        CHECK_EQ_INT(a->gdp_year, 2021);
        CHECK_EQ_STR(a->source, "Kiel Institute, Ukraine Support Tracker");
        CHECK_EQ_STR(a->release, "Release 29 (04/2026)");
        CHECK_EQ_STR(b->recipient, "Moldova");
        CHECK_EQ_DBL(b->gdp, 0.0);
        CHECK_EQ_INT(b->gdp_year, 0);
        CHECK_EQ_STR(b->source, "");
    }
    recs_free(&r);
    aidstat_load_report_free(rep);
}

static void test_guessing(void)
{
    recs_t r;
    aidstat_load_report_t *rep;
    aidstat_error_t err;

    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("g.csv", "Country,Amount,Date\nGermany,100,2023-05-17\n", NULL, &r, rep, &err),
                 AIDSTAT_OK);
    CHECK_RECS(&r, "2:Germany/DEU/2023-5-17/total/allocation/100 EUR\n");
    CHECK_NOTES(rep, "no measure column: values are taken as allocations\n"
                     "no aid-type column: values are all types together (type total)\n");
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* unit and currency in the header name */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("g.csv", "Donor,Value (EUR bn)\nItaly,2.5\n", NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:Italy/ITA/0-0-0/total/allocation/2500000000 EUR\n");
    CHECK_NOTES(rep, "no year or date column: records carry no period\n"
                     "no measure column: values are taken as allocations\n"
                     "no aid-type column: values are all types together (type total)\n"
                     "column \"Value (EUR bn)\" read in billions, as its header says\n");
    recs_free(&r);
    aidstat_load_report_free(rep);

    recs_init(&r);
    CHECK_EQ_INT(load("g.csv", "donor,value_usd_m\nCanada,0.25\n", NULL, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:Canada/CAN/0-0-0/total/allocation/250000 USD\n");
    recs_free(&r);

    recs_init(&r);
    CHECK_EQ_INT(load("g.csv",
                      "Supplier,ISO Code,Year,Aid Type,Status,Amount (USD m)\n"
                      "Japan,JPN,2024,Humanitarian aid,Delivered,4\n",
                      NULL, &r, NULL, &err),
                 AIDSTAT_OK);
    CHECK_RECS(&r, "2:Japan/JPN/2024-0-0/humanitarian/delivery/4000000 USD\n");
    recs_free(&r);

    /* a currency column and a unit column */
    recs_init(&r);
    CHECK_EQ_INT(load("g.csv", "donor,value,currency,unit\nA,1.5,gbp,bn\nB,2,,k\n", NULL, &r, NULL, &err),
                 AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/1500000000 GBP\n"
                   "3:B//0-0-0/total/allocation/2000 EUR\n");
    recs_free(&r);
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(
        load("g.csv", "donor,value,currency\nA,1,gbp\nB,2,\nC,3,GBP\nD,4,usd\n", NULL, &r, rep, &err),
        AIDSTAT_OK);
    if (CHECK_EQ_INT(aidstat_load_report_currency_count(rep), 3)) {
        CHECK_EQ_STR(aidstat_load_report_currency(rep, 0), "GBP");
        CHECK_EQ_STR(aidstat_load_report_currency(rep, 1), "EUR");
        CHECK_EQ_STR(aidstat_load_report_currency(rep, 2), "USD");
    }
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* columns the file names twice: the first wins */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("g.csv", "country,donor,year,value\nA,B,2023,1\n", NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//2023-0-0/total/allocation/1 EUR\n");
    CHECK_NOTES(rep, "column \"donor\" ignored: column \"country\" already gives the donor\n"
                     "no measure column: values are taken as allocations\n"
                     "no aid-type column: values are all types together (type total)\n"
                     "columns not loaded: donor\n"
                     "donor names not in the country table, kept as written: \"A\"\n");
    recs_free(&r);
    aidstat_load_report_free(rep);
}

static void test_wide(void)
{
    const char *csv = "country,year,military,financial,humanitarian\n"
                      "Germany,2023,1.5,2,0.5\n"
                      "France,2023,,3,\n"
                      "Italy,2023,,,\n"
                      "Spain,2023,0,,0\n";
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("w.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:Germany/DEU/2023-0-0/military/allocation/1.5 EUR\n"
                   "2:Germany/DEU/2023-0-0/financial/allocation/2 EUR\n"
                   "2:Germany/DEU/2023-0-0/humanitarian/allocation/0.5 EUR\n"
                   "3:France/FRA/2023-0-0/financial/allocation/3 EUR\n");
    /* rows with no value, or only zeros, give no record: skipped */
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 4);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 2);
    CHECK_EQ_INT(aidstat_load_report_rows_skipped(rep), 2);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_records(rep), 4);
    CHECK_EQ_INT(aidstat_load_report_zero_cells(rep), 2);
    CHECK_NOTES(rep, "no measure column: values are taken as allocations\n");
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* a generic total beside the type columns would count twice: ignored */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("w.csv",
                      "country,year,total,military,financial,humanitarian\n"
                      "Germany,2023,4,1.5,2,0.5\n"
                      "Spain,2024,99,1,0,0\n",
                      NULL, &r, rep, &err),
                 AIDSTAT_OK);
    /* a zero in a type column is no aid of that type: no record */
    CHECK_RECS(&r, "2:Germany/DEU/2023-0-0/military/allocation/1.5 EUR\n"
                   "2:Germany/DEU/2023-0-0/financial/allocation/2 EUR\n"
                   "2:Germany/DEU/2023-0-0/humanitarian/allocation/0.5 EUR\n"
                   "3:Spain/ESP/2024-0-0/military/allocation/1 EUR\n");
    CHECK_EQ_INT(aidstat_load_report_zero_cells(rep), 2);
    CHECK_NOTES(rep, "column \"total\" ignored: the aid-type columns are loaded instead\n"
                     "no measure column: values are taken as allocations\n"
                     "columns not loaded: total\n");
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* measure columns beside a type column; a bad cell rejects the whole row */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("w.csv",
                      "donor,type,commitments,allocations_eur_m\n"
                      "A,military,10,4\n"
                      "B,financial,5,x\n",
                      NULL, &r, rep, &err),
                 AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/military/commitment/10 EUR\n"
                   "2:A//0-0-0/military/allocation/4000000 EUR\n");
    CHECK_REASONS(rep, "1 x value is not a number (column \"allocations_eur_m\") [3]\n");
    recs_free(&r);
    aidstat_load_report_free(rep);
}

static void test_map(void)
{
    /* (headers that are no known word in any language aidstat reads) */
    static const char *const map[] = {"value=Menge", "donor=Staat", NULL};
    const char *csv = "Staat,year,Menge\n\xc3\x96sterreich,2023,12\n";
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    recs_t r;
    aidstat_error_t err;

    /* without the map the header says nothing */
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", csv, &opt, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "no donor column in the header (looked for country, donor, "
                              "supplier, name; use map donor=COLUMN)");
    recs_free(&r);

    opt.map = map;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", csv, &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:Austria/AUT/2023-0-0/total/allocation/12 EUR\n");
    recs_free(&r);

    /* the map takes a role away from a column that guessed it */
    static const char *const map2[] = {"value=net", NULL};
    opt.map = map2;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", "donor,value,net\nA,1,2\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/2 EUR\n");
    recs_free(&r);

    /* an aid type as the field makes a wide column */
    static const char *const map3[] = {"military=Waffen", "donor=Land", NULL};
    opt.map = map3;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", "Land,Waffen\nA,3\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/military/allocation/3 EUR\n");
    recs_free(&r);

    static const char *const bad_field[] = {"foo=Betrag", NULL};
    opt.map = bad_field;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", csv, &opt, &r, NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "map \"foo=Betrag\": unknown field \"foo\" (fields: donor, iso3, "
                              "recipient, year, month, day, date, type, measure, value, currency, "
                              "unit, gdp, gdp_year, source, release, ignore, or an aid type or "
                              "measure)");
    recs_free(&r);

    static const char *const bad_col[] = {"value=Nope", NULL};
    opt.map = bad_col;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", csv, &opt, &r, NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "map \"value=Nope\": the header has no column \"Nope\"");
    CHECK_EQ_STR(err.file, "m.csv");
    CHECK_EQ_INT(err.line, 1);
    recs_free(&r);

    static const char *const no_eq[] = {"value", NULL};
    opt.map = no_eq;
    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", csv, &opt, &r, NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "map \"value\": expected FIELD=COLUMN");
    recs_free(&r);
}

static void test_options(void)
{
    aidstat_load_options_t opt;
    recs_t r;
    aidstat_error_t err;

    /* decimal comma with ';' (sniffed) */
    aidstat_load_options_init(&opt);
    opt.decimal_comma = true;
    recs_init(&r);
    CHECK_EQ_INT(
        load("dc.csv", "country;year;value\nGermany;2023;1.234,5\nFrance;2023;0,5\n", &opt, &r, NULL, &err),
        AIDSTAT_OK);
    CHECK_RECS(&r, "2:Germany/DEU/2023-0-0/total/allocation/1234.5 EUR\n"
                   "3:France/FRA/2023-0-0/total/allocation/0.5 EUR\n");
    recs_free(&r);

    /* a blank first line does not hide the delimiter */
    aidstat_load_options_init(&opt);
    recs_init(&r);
    CHECK_EQ_INT(load("b.csv", "\ncountry;year;value\nA;2023;2\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "3:A//2023-0-0/total/allocation/2 EUR\n");
    recs_free(&r);

    /* an explicit delimiter */
    aidstat_load_options_init(&opt);
    opt.delimiter = '|';
    recs_init(&r);
    CHECK_EQ_INT(load("p.csv", "donor|value\nA, B|7\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A, B//0-0-0/total/allocation/7 EUR\n");
    recs_free(&r);

    /* unit_scale applies where the file does not say */
    aidstat_load_options_init(&opt);
    opt.unit_scale = 1e6;
    recs_init(&r);
    CHECK_EQ_INT(load("u.csv", "country,value\nA,2.5\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/2500000 EUR\n");
    recs_free(&r);
    recs_init(&r);
    CHECK_EQ_INT(load("u.csv", "country,value_eur_bn\nA,2.5\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/2500000000 EUR\n");
    recs_free(&r);

    /* the currency option applies where the file does not say... */
    aidstat_load_options_init(&opt);
    opt.currency = "GBP";
    recs_init(&r);
    CHECK_EQ_INT(load("c.csv", "country,value\nA,3\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/3 GBP\n");
    recs_free(&r);
    /* ...and not where it does, as the unit above */
    opt.unit_scale = 1e3;
    recs_init(&r);
    CHECK_EQ_INT(load("c.csv", "country,value_usd_m\nA,3\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "2:A//0-0-0/total/allocation/3000000 USD\n");
    recs_free(&r);

    /* display_name is what messages and records call the file */
    aidstat_load_options_init(&opt);
    opt.display_name = "shown.csv";
    recs_init(&r);
    CHECK_EQ_INT(load("real.csv", "donor,year\nA,2023\n", &opt, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.file, "shown.csv");
    recs_free(&r);
    recs_init(&r);
    CHECK_EQ_INT(load("real.csv", "donor,value\nA,1\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    if (CHECK_EQ_INT(r.recs->len, 1))
        CHECK_EQ_STR(rec_at(&r, 0)->file, "shown.csv");
    recs_free(&r);

    /* forcing a format */
    aidstat_load_options_init(&opt);
    opt.format = "kiel-data-explorer";
    recs_init(&r);
    CHECK_EQ_INT(load("f.csv", "donor,value\nA,1\n", &opt, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "the header does not match format kiel-data-explorer");
    CHECK_EQ_INT(err.line, 1);
    recs_free(&r);
    opt.format = "xyz";
    recs_init(&r);
    CHECK_EQ_INT(load("f.csv", "donor,value\nA,1\n", &opt, &r, NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(
        err.message,
        "input-format: unknown format \"xyz\" (formats: csv, kiel-data-explorer, "
        "kiel-total-allocations, kiel-procurement-trends, kiel-weapons, "
        "kiel-eu-aid-shares, kiel-release-info, aidstat-long, sipri-trade-register, sipri-tiv-exports)");
    recs_free(&r);
    opt.format = "csv";
    recs_init(&r);
    CHECK_EQ_INT(load("f.csv", "donor,value\nA,1\n", &opt, &r, NULL, &err), AIDSTAT_OK);
    CHECK_EQ_INT(r.recs->len, 1);
    recs_free(&r);
}

/* ------------------------------------------------------------ rejects */

static void test_rejects(void)
{
    const char *csv = "donor,iso3,year,month,type,measure,value\n"
                      "Germany,DEU,2023,1,military,allocation,abc\n" /* 2 */
                      "France,FRA,2023,13,military,allocation,5\n"   /* 3 */
                      "Italy,ITA,2023,1,military,allocation\n"       /* 4 */
                      ",XXX,2023,1,military,allocation,5\n"          /* 5 */
                      "Spain,ESP,2023,2,military,allocation,1.2.3\n" /* 6 */
                      "Poland,POL,2023,2,military,allocation,10\n"   /* 7 */
                      "Germany,DEU,2023,3,military,allocation,x1\n"  /* 8 */
                      "Czechia,CZE,2023,1,military,allocation,n/a\n" /* 9 */
                      "Austria,AUT,2023,4,military,allocation,3,,\n" /* 10: empty extras */
                      "Greece,GRC,2023,4,military,allocation,3,,x\n" /* 11 */
                      "Latvia,LVA,1850,4,military,allocation,3\n"    /* 12 */
                      "Latvia,LVA,2023,4,weapons aid,allocation,3\n" /* 13 */
                      "Latvia,LVA,2023,4,military,rumoured,3\n"       /* 14 */
                      "Latvia,LVA,20x3,4,military,allocation,3\n";   /* 15 */
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("bad.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_RECS(&r, "7:Poland/POL/2023-2-0/military/allocation/10 EUR\n"
                   "10:Austria/AUT/2023-4-0/military/allocation/3 EUR\n");
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 14);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 2);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 12);
    CHECK_EQ_INT(aidstat_load_report_rows_skipped(rep), 0);
    /* most frequent first, then by first line */
    CHECK_REASONS(rep, "3 x value is not a number (column \"value\") [2,6,8]\n"
                       "2 x wrong number of fields (the header has 7) [4,11]\n"
                       "1 x month out of range (column \"month\") [3]\n"
                       "1 x donor missing [5]\n"
                       "1 x value missing (column \"value\") [9]\n"
                       "1 x year out of range (column \"year\") [12]\n"
                       "1 x unknown aid type (column \"type\") [13]\n"
                       "1 x unknown measure (column \"measure\") [14]\n"
                       "1 x year is not a whole number (column \"year\") [15]\n");
    /* the first offending text of each reason */
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 0), "abc");
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 1), "");
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 2), "13");
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 3), "");
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 4), "n/a");
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 8), "20x3");
    /* max_lines limits what is copied */
    long lines[2] = {0, 0};
    size_t nl = 99;
    uint64_t count = 0;
    aidstat_load_report_reason(rep, 0, &count, lines, 1, &nl);
    CHECK_EQ_INT(nl, 1);
    CHECK_EQ_INT(lines[0], 2);
    CHECK_EQ_INT(lines[1], 0);
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* most frequent first, even when asked before the count */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("o.csv", "donor,value\nA,x\n,1\n,2\n", NULL, &r, rep, &err), AIDSTAT_OK);
    count = 0;
    CHECK_EQ_STR(aidstat_load_report_reason(rep, 0, &count, NULL, 0, NULL), "donor missing");
    CHECK_EQ_INT(count, 2);
    CHECK_EQ_STR(aidstat_load_report_reason_example(rep, 0), "");
    CHECK_EQ_INT(aidstat_load_report_reason_count(rep), 2);
    CHECK_EQ_STR(aidstat_load_report_reason(rep, 0, &count, NULL, 0, NULL), "donor missing");
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* only the first five lines of a reason are kept, the count goes on */
    GString *many = g_string_new("donor,value\n");
    for (int i = 0; i < 8; i++)
        g_string_append(many, "A,?\n");
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("many.csv", many->str, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_REASONS(rep, "8 x value is not a number (column \"value\") [2,3,4,5,6]\n");
    g_string_free(many, TRUE);
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* a date column: impossible dates are rejected with the reason */
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("d.csv", "donor,date,value\nA,2023-02-29,1\nB,,1\nC,15.03.2023,2\nD,soon,1\n", NULL, &r,
                      rep, &err),
                 AIDSTAT_OK);
    CHECK_RECS(&r, "4:C//2023-3-15/total/allocation/2 EUR\n");
    CHECK_REASONS(rep, "1 x day out of range (column \"date\") [2]\n"
                       "1 x date missing (column \"date\") [3]\n"
                       "1 x not a date (column \"date\") [5]\n");
    recs_free(&r);
    aidstat_load_report_free(rep);
}

static void test_structure(void)
{
    recs_t r;
    aidstat_error_t err;
    char buf[600];

    recs_init(&r);
    CHECK_EQ_INT(load("noval.csv", "donor,year\nGermany,2023\n", NULL, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.file, "noval.csv");
    CHECK_EQ_INT(err.line, 1);
    CHECK_EQ_INT(err.column, 0);
    CHECK_EQ_STR(err.message, "no value column in the header (looked for value, amount, eur, "
                              "usd, or aid-type columns such as military; use map value=COLUMN)");
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf),
                 "noval.csv:1: no value column in the header (looked for value, amount, eur, "
                 "usd, or aid-type columns such as military; use map value=COLUMN)");
    CHECK_EQ_INT(r.recs->len, 0);
    recs_free(&r);

    recs_init(&r);
    CHECK_EQ_INT(load("empty.csv", "", NULL, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "empty file: no header row");
    CHECK_EQ_STR(err.file, "empty.csv");
    CHECK_EQ_INT(err.line, 1);
    recs_free(&r);

    recs_init(&r);
    CHECK_EQ_INT(load("blank.csv", "\n \n\r\n", NULL, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "empty file: no header row");
    recs_free(&r);

    recs_init(&r);
    CHECK_EQ_INT(load("m.csv", "donor,month,value\nA,1,2\n", NULL, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.message, "a month column without a year column");
    CHECK_EQ_INT(err.line, 1);
    CHECK_EQ_INT(err.column, 2);
    recs_free(&r);

    /* a header alone is a file with no rows, not an error */
    aidstat_load_report_t *rep = aidstat_load_report_new();
    recs_init(&r);
    CHECK_EQ_INT(load("h.csv", "donor,value\n", NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 0);
    CHECK_EQ_INT(r.recs->len, 0);
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* the callback stops the load */
    recs_init(&r);
    r.stop_at = 2;
    CHECK_EQ_INT(load("s.csv", "donor,value\nA,1\nB,2\nC,3\n", NULL, &r, NULL, &err), AIDSTAT_ERR_ABORTED);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_ABORTED);
    CHECK_EQ_STR(err.message, "stopped by the caller");
    CHECK_EQ_INT(err.line, 3);
    CHECK_EQ_INT(r.recs->len, 2);
    recs_free(&r);

    /* an unclosed quote is a structural error at the row it starts on */
    recs_init(&r);
    CHECK_EQ_INT(load("q.csv", "donor,value\nA,1\n\"B,2\nC,3\n", NULL, &r, NULL, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_INT(err.line, 3);
    CHECK_EQ_STR(err.message, "unclosed quote: the quoted field starting in this row runs to "
                              "the end of the file");
    recs_free(&r);

    /* a missing file */
    recs_init(&r);
    CHECK_EQ_INT(aidstat_load_file("/nonexistent/dir/x.csv", NULL, collect, &r, NULL, &err),
                 AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.file, "/nonexistent/dir/x.csv");
    CHECK_EQ_STR(err.message, "cannot open: No such file or directory");
    recs_free(&r);
}

/* ---------------------------------------------------------------- Kiel */

#define KIEL_HEADER                                                                                          \
    "\"country\",\"iso\",\"year\",\"month\",\"total\",\"financial\",\"humanitarian\","                       \
    "\"military\",\"commitments\",\"to_be_allocated\",\"gdp\",\"pct_gdp\"\n"
#define KIEL_SOURCE "Kiel Institute, Ukraine Support Tracker"

static void test_kiel_memory(void)
{
    const char *csv =
        KIEL_HEADER "\"Australia\",\"AUS\",2022,3,0.142911,0,0.0653,0.077611,0.142912,0.000001,"
                    "1312.77115526256,0.0108862081122903\n"
                    "\"United States\",\"USA\",2022,4,1.5,0.25,0.25,1,2,0.5,19712.76,0.0076\n"
                    "\"EU (Commission and Council)\",\"EU\",2022,5,0.75,0.5,0.25,0,1,0.25,0,0\n";
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("data_explorer.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_STR(aidstat_load_report_format(rep), "kiel-data-explorer");
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 3);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 3);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_rows_skipped(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_records(rep), 13);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_ALLOCATION), 7);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_COMMITMENT), 3);
    CHECK_EQ_INT(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_TO_BE_ALLOCATED), 3);
    CHECK_EQ_STR(aidstat_load_report_source(rep), KIEL_SOURCE);
    CHECK_EQ_INT(aidstat_load_report_donor_count(rep), 3);
    /* zeros in the type and measure columns are "none of this": no records */
    CHECK_EQ_INT(aidstat_load_report_zero_cells(rep), 2);
    if (!CHECK_EQ_INT(r.recs->len, 13))
        goto out;

    /* row by row: financial, humanitarian, military, commitments, to be
     * allocated; Australia has no financial and the EU no military aid */
    static const struct {
        const char *donor, *iso3;
        int row; /* 0, 1, 2: lines 2, 3, 4 */
        aidstat_type_t type;
        aidstat_measure_t measure;
        double bn;
    } want[13] = {
        {"Australia", "AUS", 0, AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION, 0.0653},
        {"Australia", "AUS", 0, AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION, 0.077611},
        {"Australia", "AUS", 0, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_COMMITMENT, 0.142912},
        {"Australia", "AUS", 0, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_TO_BE_ALLOCATED, 0.000001},
        {"United States", "USA", 1, AIDSTAT_TYPE_FINANCIAL, AIDSTAT_MEASURE_ALLOCATION, 0.25},
        {"United States", "USA", 1, AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION, 0.25},
        {"United States", "USA", 1, AIDSTAT_TYPE_MILITARY, AIDSTAT_MEASURE_ALLOCATION, 1},
        {"United States", "USA", 1, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_COMMITMENT, 2},
        {"United States", "USA", 1, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_TO_BE_ALLOCATED, 0.5},
        {"EU (Commission and Council)", "EU", 2, AIDSTAT_TYPE_FINANCIAL, AIDSTAT_MEASURE_ALLOCATION, 0.5},
        {"EU (Commission and Council)", "EU", 2, AIDSTAT_TYPE_HUMANITARIAN, AIDSTAT_MEASURE_ALLOCATION, 0.25},
        {"EU (Commission and Council)", "EU", 2, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_COMMITMENT, 1},
        {"EU (Commission and Council)", "EU", 2, AIDSTAT_TYPE_TOTAL, AIDSTAT_MEASURE_TO_BE_ALLOCATED, 0.25},
    };
    static const double gdp_bn[3] = {1312.77115526256, 19712.76, 0};
    for (size_t i = 0; i < 13; i++) {
        rec_t *c = rec_at(&r, i);
        int row = want[i].row;
        CHECK_EQ_STR(c->donor, want[i].donor);
        CHECK_EQ_STR(c->iso3, want[i].iso3);
        CHECK_EQ_INT(c->year, 2022);
        CHECK_EQ_INT(c->month, row + 3);
        CHECK_EQ_INT(c->type, want[i].type);
        CHECK_EQ_INT(c->measure, want[i].measure);
        CHECK_NEAR(c->value, want[i].bn * 1e9, 1e-15);
        CHECK_EQ_STR(c->currency, "EUR");
        CHECK_EQ_STR(c->source, KIEL_SOURCE);
        CHECK_EQ_STR(c->release, "");
        CHECK_EQ_INT(c->line, row + 2);
        CHECK_NEAR(c->gdp, gdp_bn[row] * 1e9, 1e-15);
        /* the EU row has no GDP: no GDP year either */
        CHECK_EQ_INT(c->gdp_year, row == 2 ? 0 : 2021);
    }
    CHECK_EQ_DBL(rec_at(&r, 1)->value, 77611000.0);
    CHECK_EQ_DBL(rec_at(&r, 4)->gdp, 19712760000000.0);
out:
    recs_free(&r);
    aidstat_load_report_free(rep);

    /* total must equal the sum of the types */
    csv = KIEL_HEADER "\"Australia\",\"AUS\",2022,3,0.142911,0,0.0653,0.077611,0.142912,0.000001,"
                      "1312.77115526256,0.0108862081122903\n"
                      "\"Poland\",\"POL\",2022,4,2,0.5,0.5,0.5,2,0,600,0.3\n";
    recs_init(&r);
    rep = aidstat_load_report_new();
    CHECK_EQ_INT(load("data_explorer.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 2);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 1);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 1);
    CHECK_EQ_INT(r.recs->len, 4);
    CHECK_REASONS(rep, "1 x total does not equal the sum of the aid types (column \"total\") [3]\n");
    recs_free(&r);
    aidstat_load_report_free(rep);
}

/* Kiel's heavy-weapons file: undated values in plain euros, a caveat. */
static void test_kiel_weapons(void)
{
    const char *csv = "\"donor\",\"category\",\"number_of_weapons\",\"monetary_value_eur\","
                      "\"weapons_list\"\n"
                      "\"United States\",\"Howitzers\",6,120000000,\"M777 howitzer (6)\"\n"
                      "\"Poland\",\"Tanks\",14,,\"T-72 (14)\"\n";
    recs_t r;
    recs_init(&r);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(load("weapons.csv", csv, NULL, &r, rep, &err), AIDSTAT_OK);
    CHECK_EQ_STR(aidstat_load_report_format(rep), "kiel-weapons");
    CHECK_RECS(&r, "2:United States/USA/0-0-0/military/allocation/120000000 EUR\n");
    CHECK_REASONS(rep, "1 x value missing (column \"monetary_value_eur\") [3]\n");
    if (CHECK_EQ_INT(aidstat_load_report_caveat_count(rep), 1))
        CHECK_EQ_STR(aidstat_load_report_caveat(rep, 0),
                     "heavy-weapons values carry no date and are taken as military allocations; "
                     "the file does not state the measure");
    recs_free(&r);
    aidstat_load_report_free(rep);
}

/* The real file: counts, release, and the military sum against an
 * independent read with stdio. */
static int sum_military(const aidstat_record_t *rec, void *user)
{
    double *sum = user;
    if (rec->type == AIDSTAT_TYPE_MILITARY && rec->measure == AIDSTAT_MEASURE_ALLOCATION)
        sum[0] += rec->value;
    sum[1] += 1;
    return 0;
}

static void test_kiel_file(void)
{
    const char *shared = getenv("SHARED");
    char *dir = g_strdup(shared && *shared ? shared : "/work/main/../shared/datasets");
    char *path = g_build_filename(dir, "kiel-ust-web-r29", "data_explorer.csv", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        printf("skipped: %s not found\n", path);
        goto out;
    }

    /* independently, with plain stdio: the military column (the 8th) in
     * € bn, and the zeros among financial..to_be_allocated (6th to 10th),
     * which make no records; a row of zeros makes none at all */
    FILE *fp = fopen(path, "r");
    if (!CHECK(fp != NULL))
        goto out;
    char line[4096];
    double want = 0;
    long rows = -1, zeros = 0, zero_rows = 0;
    while (fgets(line, sizeof line, fp)) {
        if (++rows == 0)
            continue; /* the header */
        char *tok = strtok(line, ",");
        int row_zeros = 0;
        for (int k = 1; k <= 9 && tok; k++) {
            tok = strtok(NULL, ",");
            if (tok && k == 7)
                want += strtod(tok, NULL);
            if (tok && k >= 5 && strtod(tok, NULL) == 0)
                row_zeros++;
        }
        if (!CHECK(tok != NULL))
            break;
        zeros += row_zeros;
        zero_rows += row_zeros == 5;
    }
    fclose(fp);
    want *= 1e9;
    CHECK_EQ_INT(rows, 1079);
    CHECK_EQ_INT(zero_rows, 7);

    double got[2] = {0, 0};
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_INT(aidstat_load_file(path, NULL, sum_military, got, rep, &err), AIDSTAT_OK);
    CHECK_EQ_STR(aidstat_load_report_format(rep), "kiel-data-explorer");
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 1079);
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 0);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep), 1079 - zero_rows);
    CHECK_EQ_INT(aidstat_load_report_rows_skipped(rep), zero_rows);
    CHECK_EQ_INT(aidstat_load_report_zero_cells(rep), zeros);
    CHECK_EQ_INT(aidstat_load_report_records(rep), 5 * 1079 - zeros);
    CHECK_EQ_INT(got[1], 5 * 1079 - zeros);
    /* the seven rows of zeros are all donors with other months */
    CHECK_EQ_INT(aidstat_load_report_donor_count(rep), 42);
    CHECK_EQ_STR(aidstat_load_report_release(rep), "Release 29 (04/2026)");
    CHECK_EQ_STR(aidstat_load_report_source(rep), KIEL_SOURCE);
    int y0, m0, y1, m1;
    aidstat_load_report_period(rep, &y0, &m0, &y1, &m1);
    CHECK_EQ_INT(y0 * 100 + m0, 202201);
    CHECK_EQ_INT(y1 * 100 + m1, 202604);
    CHECK(want > 0);
    CHECK_NEAR(got[0], want, 1e-9);
    aidstat_load_report_free(rep);
out:
    g_free(path);
    g_free(dir);
}

/* Files loaded together: roles, overlaps, views of aid (aidstat_inputs). */
static aidstat_status_t load_into(aidstat_inputs_t *in, const char *name, const char *text,
                                  aidstat_error_t *err)
{
    aidstat_load_report_t *r = aidstat_load_report_new();
    aidstat_status_t st =
        aidstat_load_memory(name, text, strlen(text), NULL, aidstat_inputs_record, in, r, err);
    if (st == AIDSTAT_OK)
        aidstat_inputs_add_report(in, r);
    aidstat_load_report_free(r);
    return st;
}

static void test_inputs(void)
{
    static const char *a =
        "donor,year,month,type,value\nGermany,2022,3,military,5\nFrance,2022,4,military,2\n";
    static const char *b = "donor,year,month,type,value\nItaly,2022,3,military,1\n";
    static const char *c = "donor,year,month,type,value\nFrance,2022,4,military,2\n";
    static const char *totals =
        "\"year\",\"month\",\"total_allocations\",\"military\",\"financial\",\"humanitarian\"\n"
        "2022,3,5,5,0,0\n";
    aidstat_error_t err;
    recs_t got;

    /* two record-level files without a common record: accepted, all passed on */
    recs_init(&got);
    aidstat_inputs_t *in = aidstat_inputs_new(collect, &got, false);
    CHECK_EQ_INT(load_into(in, "a.csv", a, &err), AIDSTAT_OK);
    CHECK_EQ_INT(load_into(in, "b.csv", b, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_inputs_finish(in, &err), AIDSTAT_OK);
    CHECK_EQ_INT(got.recs->len, 3);
    aidstat_inputs_free(in);
    recs_free(&got);

    /* the same record in two files: an error at the second, naming the first */
    recs_init(&got);
    in = aidstat_inputs_new(collect, &got, false);
    load_into(in, "a.csv", a, &err);
    load_into(in, "c.csv", c, &err);
    CHECK_EQ_INT(aidstat_inputs_finish(in, &err), AIDSTAT_ERR_INPUT);
    CHECK_EQ_STR(err.file, "c.csv");
    CHECK_EQ_INT(err.line, 2);
    CHECK(strstr(err.message, "the same record as a.csv:3 (France, Apr 2022, military allocation)") != NULL);
    CHECK(aidstat_inputs_overlap_refused(in));
    aidstat_inputs_free(in);
    recs_free(&got);

    /* ... unless the overlap is allowed */
    recs_init(&got);
    in = aidstat_inputs_new(collect, &got, true);
    load_into(in, "a.csv", a, &err);
    load_into(in, "c.csv", c, &err);
    CHECK_EQ_INT(aidstat_inputs_finish(in, &err), AIDSTAT_OK);
    CHECK_EQ_INT(got.recs->len, 3);
    aidstat_inputs_free(in);
    recs_free(&got);

    /* a record-level file with Kiel's sum over donors: different views */
    recs_init(&got);
    in = aidstat_inputs_new(collect, &got, false);
    load_into(in, "a.csv", a, &err);
    aidstat_load_report_t *r = aidstat_load_report_new();
    CHECK_EQ_INT(aidstat_load_memory("total_allocations.csv", totals, strlen(totals), NULL,
                                     aidstat_inputs_record, in, r, &err),
                 AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_load_report_role(r), AIDSTAT_DATASET_AGGREGATE);
    CHECK_EQ_STR(aidstat_dataset_role_name(aidstat_load_report_role(r)), "an aggregate over donors");
    aidstat_inputs_add_report(in, r);
    aidstat_load_report_free(r);
    CHECK_EQ_INT(aidstat_inputs_finish(in, &err), AIDSTAT_ERR_INPUT);
    CHECK(strstr(err.message, "a.csv (record-level aid), total_allocations.csv (an aggregate over donors)") !=
          NULL);
    CHECK_EQ_INT(aidstat_inputs_detail_count(in), 2);
    CHECK(
        g_str_has_prefix(aidstat_inputs_detail(in, 1), "total_allocations.csv: an aggregate over donors: "));
    CHECK(!aidstat_inputs_overlap_refused(in));
    aidstat_inputs_free(in);
    recs_free(&got);

    /* a file given twice (same path): refused before its load */
    char *dir = g_dir_make_tmp("aidstat-inputs-XXXXXX", NULL);
    char *p1 = g_build_filename(dir, "x.csv", NULL), *p2 = g_build_filename(dir, "y.csv", NULL);
    g_file_set_contents(p1, a, -1, NULL);
    g_file_set_contents(p2, a, -1, NULL);
    in = aidstat_inputs_new(collect, &got, false);
    CHECK_EQ_INT(aidstat_inputs_add_file(in, p1, &err), AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_inputs_add_file(in, p1, &err), AIDSTAT_ERR_INPUT);
    CHECK(strstr(err.message, "the same file as") != NULL);
    CHECK_EQ_INT(aidstat_inputs_add_file(in, p2, &err), AIDSTAT_ERR_INPUT);
    CHECK(strstr(err.message, "the same bytes as") != NULL);
    aidstat_inputs_free(in);
    g_unlink(p1);
    g_unlink(p2);
    g_rmdir(dir);
    g_free(p1);
    g_free(p2);
    g_free(dir);
}

int main(void)
{
    test_long();
    test_aidstat_long();
    test_guessing();
    test_wide();
    test_map();
    test_options();
    test_rejects();
    test_structure();
    test_kiel_memory();
    test_kiel_weapons();
    test_kiel_file();
    test_inputs();
    return testlib_done("test-load");
}
