/* The public API as an embedding program sees it: only aidstat.h, linked
 * against the shared libaidstat (testlib.h is the harness, standard C only). */
#include "aidstat.h"
#include "testlib.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define KIEL_SOURCE "Kiel Institute, Ukraine Support Tracker"

static void test_version(void)
{
    const char *v = aidstat_version();
    CHECK(v != NULL && v[0] >= '0' && v[0] <= '9');
    CHECK(strchr(v, '.') != NULL);
}

static aidstat_table_t *load_default(void)
{
    aidstat_table_t *t = aidstat_table_new();
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    CHECK_EQ_STR(aidstat_default_dataset_name(), "kiel-ust-r29.csv");
    if (!CHECK_EQ_INT(aidstat_load_default(aidstat_table_append, t, rep, &err), AIDSTAT_OK))
        fprintf(stderr, "  %s\n", err.message);
    CHECK(aidstat_table_size(t) > 0);
    CHECK_EQ_INT(aidstat_table_size(t), aidstat_load_report_records(rep));
    /* the long format: one record per row, none rejected */
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), aidstat_table_size(t));
    CHECK_EQ_INT(aidstat_load_report_rows_rejected(rep), 0);
    CHECK_EQ_STR(aidstat_load_report_file(rep), "kiel-ust-r29.csv (embedded)");
    CHECK_EQ_STR(aidstat_load_report_source(rep), KIEL_SOURCE);
    CHECK_EQ_STR(aidstat_load_report_release(rep), "Release 29 (04/2026)");
    CHECK(aidstat_load_report_measure_records(rep, AIDSTAT_MEASURE_ALLOCATION) > 0);
    aidstat_load_report_free(rep);

    size_t bad_source = 0, bad_currency = 0, no_period = 0;
    for (size_t i = 0; i < aidstat_table_size(t); i++) {
        aidstat_record_t r;
        aidstat_table_get(t, i, &r);
        bad_source += strcmp(r.source, KIEL_SOURCE) != 0;
        bad_currency += strcmp(r.currency, "EUR") != 0;
        no_period += r.year < 2022 || r.month < 1 || r.month > 12;
    }
    CHECK_EQ_INT(bad_source, 0);
    CHECK_EQ_INT(bad_currency, 0);
    CHECK_EQ_INT(no_period, 0);

    /* the same load works without a report or an error record */
    aidstat_table_t *t2 = aidstat_table_new();
    CHECK_EQ_INT(aidstat_load_default(aidstat_table_append, t2, NULL, NULL), AIDSTAT_OK);
    CHECK_EQ_INT(aidstat_table_size(t2), aidstat_table_size(t));
    aidstat_table_free(t2);
    return t;
}

static int sum_allocations(const aidstat_record_t *rec, void *user)
{
    double *sum = user;
    if (rec->measure == AIDSTAT_MEASURE_ALLOCATION)
        *sum += rec->value;
    return 0;
}

static void test_compare(const aidstat_table_t *t)
{
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_error_t err;
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    if (!CHECK(c != NULL))
        return;
    CHECK_EQ_INT(aidstat_table_foreach(t, aidstat_compare_add, c), AIDSTAT_OK);
    aidstat_result_t *r = aidstat_compare_finish(c, &err);
    aidstat_compare_free(c);
    if (!CHECK(r != NULL)) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    /* allocations, the one measure that adds up, when the data has several */
    CHECK_EQ_INT(aidstat_result_measure(r), AIDSTAT_MEASURE_ALLOCATION);
    CHECK_EQ_STR(aidstat_result_currency(r), "EUR");
    CHECK_EQ_STR(aidstat_result_source(r), KIEL_SOURCE ", Release 29 (04/2026)");
    CHECK(aidstat_result_additive(r));
    double sum = 0;
    int us = 0;
    for (size_t i = 0; i < aidstat_result_rows(r); i++) {
        sum += aidstat_result_value(r, i);
        us += strcmp(aidstat_result_row_label(r, i), "United States") == 0;
    }
    CHECK(aidstat_result_rows(r) > 1);
    CHECK_EQ_INT(us, 1);
    CHECK_NEAR(sum, aidstat_result_total(r), 1e-9);
    /* and the total is every allocation in the table */
    double all = 0;
    aidstat_table_foreach(t, sum_allocations, &all);
    CHECK(all > 0);
    CHECK_NEAR(aidstat_result_total(r), all, 1e-9);
    CHECK_NEAR(aidstat_result_cumulative_share(r, aidstat_result_rows(r) - 1), 1.0, 1e-9);
    aidstat_result_free(r);
}

static void test_regions(void)
{
    aidstat_error_t err;
    aidstat_regions_t *g = aidstat_regions_load_default(&err);
    if (!CHECK(g != NULL)) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    long i = aidstat_regions_find(g, "europe");
    if (CHECK(i >= 0)) {
        CHECK_EQ_STR(aidstat_regions_id(g, (size_t)i), "europe");
        CHECK_EQ_STR(aidstat_regions_name(g, (size_t)i), "Europe");
        /* 27 EU members, 3 EU bodies, UK, Norway, Switzerland, Iceland */
        CHECK_EQ_INT(aidstat_regions_member_count(g, (size_t)i), 34);
        CHECK(aidstat_regions_contains(g, (size_t)i, "DEU", "Germany"));
        /* the EU bodies by code, and by name where a file has no code */
        CHECK(aidstat_regions_contains(g, (size_t)i, "EPF", ""));
        CHECK(aidstat_regions_contains(g, (size_t)i, "", "European Investment Bank"));
        CHECK(!aidstat_regions_contains(g, (size_t)i, "USA", "United States"));
    }
    CHECK_EQ_INT(aidstat_regions_find(g, "Europe"), i);
    CHECK_EQ_INT(aidstat_regions_find(g, "atlantis"), -1);
    aidstat_regions_free(g);
    aidstat_regions_free(NULL);
}

/* An aidstat_option_word_fn for the test: "<key|value>". */
static char *word_option(const char *key, const char *value, void *user)
{
    (void)user;
    size_t n = strlen(key) + (value ? strlen(value) : 0) + 4;
    char *s = malloc(n);
    snprintf(s, n, "<%s|%s>", key, value ? value : "");
    return s;
}

static void test_errors(void)
{
    aidstat_error_t err;
    char buf[128];
    aidstat_error_clear(&err);
    err.code = AIDSTAT_ERR_INPUT;
    strcpy(err.file, "f.csv");
    err.line = 3;
    err.column = 2;
    strcpy(err.message, "msg");
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf), "f.csv:3:2: msg");
    err.column = 0;
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf), "f.csv:3: msg");
    err.line = 0;
    err.column = 5;
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf), "f.csv: msg");
    err.file[0] = '\0';
    CHECK_EQ_STR(aidstat_error_format(&err, buf, sizeof buf), "msg");
    CHECK_EQ_STR(aidstat_error_format(NULL, buf, sizeof buf), "");
    /* a short buffer truncates */
    strcpy(err.file, "f.csv");
    err.line = 3;
    err.column = 2;
    char small[6];
    CHECK_EQ_STR(aidstat_error_format(&err, small, sizeof small), "f.csv");
    aidstat_error_clear(&err);
    CHECK_EQ_INT(err.code, AIDSTAT_OK);
    CHECK_EQ_STR(err.message, "");

    /* a library error comes back filled */
    aidstat_table_t *t = aidstat_table_new();
    const char *csv = "donor,year\nA,2023\n";
    CHECK_EQ_INT(aidstat_load_memory("f.csv", csv, strlen(csv), NULL, aidstat_table_append, t, NULL, &err),
                 AIDSTAT_ERR_INPUT);
    char line[600];
    CHECK_EQ_STR(aidstat_error_format(&err, line, sizeof line),
                 "f.csv:1: no value column in the header (looked for value, amount, eur, usd, "
                 "or aid-type columns such as military; use map value=COLUMN)");
    /* a front-end words the options itself */
    char *w = aidstat_error_word(&err, word_option, NULL);
    CHECK_EQ_STR(w, "no value column in the header (looked for value, amount, eur, usd, "
                    "or aid-type columns such as military; use <map|value=COLUMN>)");
    aidstat_free(w);
    w = aidstat_error_word(&err, NULL, NULL);
    CHECK_EQ_STR(w, err.message);
    aidstat_free(w);
    aidstat_table_free(t);
}

/* aidstat_output_t: complete or absent, the folder left clean. Only
 * standard C here: the folder is listed by trying the names. */
static void test_output(void)
{
    char dir[] = "/tmp/aidstat-output-XXXXXX";
    if (!CHECK(mkdtemp(dir) != NULL))
        return;
    char path[256], buf[64];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    aidstat_error_t err;

    aidstat_output_t *o = aidstat_output_open(path, &err);
    if (!CHECK(o != NULL))
        return;
    fputs("first\n", aidstat_output_stream(o));
    CHECK(fopen(path, "r") == NULL); /* not there before the commit */
    CHECK_EQ_INT(aidstat_output_commit(o, &err), AIDSTAT_OK);
    FILE *fp = fopen(path, "r");
    CHECK(fp && fgets(buf, sizeof buf, fp) && !strcmp(buf, "first\n"));
    if (fp)
        fclose(fp);

    /* abort: the old content stays */
    o = aidstat_output_open(path, &err);
    fputs("second\n", aidstat_output_stream(o));
    aidstat_output_abort(o);
    aidstat_output_abort(NULL);
    fp = fopen(path, "r");
    CHECK(fp && fgets(buf, sizeof buf, fp) && !strcmp(buf, "first\n"));
    if (fp)
        fclose(fp);

    /* a folder: refused with the system's reason */
    CHECK(aidstat_output_open(dir, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_OUTPUT);
    CHECK_EQ_STR(err.file, dir);
    CHECK_EQ_STR(err.message, "cannot create: Is a directory");
    CHECK(aidstat_output_open("", &err) == NULL);
    CHECK_EQ_STR(err.message, "cannot create \"\": No such file or directory");

    aidstat_output_remove_temporaries(); /* nothing open: nothing happens */
    CHECK(remove(path) == 0);
    CHECK(remove(dir) == 0); /* empty: no temporary file was left */
}

/* aidstat_filter_parse: the one parser of written selections. */
static void test_filter_text(void)
{
    aidstat_error_t err;
    aidstat_filter_t *f = aidstat_filter_new();
    CHECK_EQ_INT(
        aidstat_filter_parse(f, "type=military, financial,donor=DEU,from=2023,to=2024-06", NULL, &err),
        AIDSTAT_OK);
    CHECK(aidstat_filter_has_type(f, AIDSTAT_TYPE_MILITARY));
    CHECK(aidstat_filter_has_type(f, AIDSTAT_TYPE_FINANCIAL));
    CHECK(!aidstat_filter_has_type(f, AIDSTAT_TYPE_HUMANITARIAN));
    CHECK(!aidstat_filter_measures_set(f));
    CHECK(aidstat_filter_donors_set(f));
    int y0, m0, y1, m1;
    aidstat_filter_get_period(f, &y0, &m0, &y1, &m1);
    CHECK_EQ_INT(y0, 2023);
    CHECK_EQ_INT(m0, 0);
    CHECK_EQ_INT(y1, 2024);
    CHECK_EQ_INT(m1, 6);
    CHECK_EQ_INT(aidstat_filter_parse(f, "type=militar", NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "type: unknown aid type \"militar\"; did you mean military? (military, "
                              "financial, humanitarian, other, total)");
    char *w = aidstat_error_word(&err, word_option, NULL);
    CHECK_EQ_STR(w, "<type|>: unknown aid type \"militar\"; did you mean military? (military, financial, "
                    "humanitarian, other, total)");
    aidstat_free(w);
    CHECK_EQ_INT(aidstat_filter_parse(f, "military", NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "selection \"military\": \"military\" has no key (write key=value)");
    CHECK_EQ_INT(aidstat_filter_add_text(f, "colour", "red", NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_filter_add_text(f, "region", "europe", NULL, &err), AIDSTAT_ERR_USAGE);
    aidstat_filter_free(f);
}

/* The ABI rules of aidstat.h: options structs carry their size, parsers
 * return a status and leave *out alone on failure. */
static void test_abi(void)
{
    aidstat_error_t err;
    aidstat_compare_options_t opt;
    memset(&opt, 0, sizeof opt); /* not set up by aidstat_compare_options_init */
    opt.by[0] = AIDSTAT_KEY_DONOR;
    CHECK(aidstat_compare_new(&opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK(strstr(err.message, "not set up by aidstat_compare_options_init") != NULL);

    /* a larger struct than this library knows: refused */
    aidstat_compare_options_init(&opt);
    CHECK_EQ_INT(opt.size, sizeof opt);
    opt.size = sizeof opt + 8;
    CHECK(aidstat_compare_new(&opt, &err) == NULL);

    /* a program built when the struct ended before .top: its fields are
     * read, the rest keep their defaults (top 0 = every row) */
    aidstat_compare_options_init(&opt);
    opt.size = offsetof(aidstat_compare_options_t, top);
    opt.top = 2; /* beyond the caller's struct: must not be read */
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    if (CHECK(c != NULL)) {
        CHECK_EQ_INT(aidstat_load_default(aidstat_compare_add, c, NULL, &err), AIDSTAT_OK);
        aidstat_result_t *r = aidstat_compare_finish(c, &err);
        if (CHECK(r != NULL))
            CHECK(aidstat_result_rows(r) > 2);
        aidstat_result_free(r);
        aidstat_compare_free(c);
    }

    aidstat_load_options_t lo;
    aidstat_load_options_init(&lo);
    lo.size = 0;
    CHECK_EQ_INT(aidstat_load_memory("x.csv", "donor,value\nX,1\n", 14, &lo, NULL, NULL, NULL, &err),
                 AIDSTAT_ERR_USAGE);

    aidstat_key_t k = AIDSTAT_KEY_TYPE;
    CHECK_EQ_INT(aidstat_key_parse("colour", &k), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(k, AIDSTAT_KEY_TYPE);
    CHECK_EQ_INT(aidstat_key_parse("Region", &k), AIDSTAT_OK);
    CHECK_EQ_INT(k, AIDSTAT_KEY_REGION);
    aidstat_type_t t = AIDSTAT_TYPE_TOTAL;
    CHECK_EQ_INT(aidstat_type_parse(NULL, &t), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_type_parse("mil", &t), AIDSTAT_OK);
    CHECK_EQ_INT(t, AIDSTAT_TYPE_MILITARY);
    aidstat_chart_kind_t kind;
    CHECK_EQ_INT(aidstat_chart_kind_parse("scatter", &kind), AIDSTAT_OK);
    CHECK_EQ_INT(kind, AIDSTAT_CHART_SCATTER);
    aidstat_interval_t iv;
    CHECK_EQ_INT(aidstat_interval_parse("quarter", &iv), AIDSTAT_OK);
    CHECK_EQ_INT(iv, AIDSTAT_INTERVAL_QUARTER);
}

int main(void)
{
    test_version();
    aidstat_table_t *t = load_default();
    test_compare(t);
    aidstat_table_free(t);
    test_regions();
    test_errors();
    test_filter_text();
    test_output();
    test_abi();
    return testlib_done("test-public-api");
}
