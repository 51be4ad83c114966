/* Exchange-rate tables: the ECB reference-rate history, the Federal
 * Reserve's monthly and yearly tables, or a long CSV date,currency,per_XXX.
 *
 * A table's base currency is EUR for the ECB, USD for the Fed, XXX for a
 * long file. The Fed's base stays USD rather than going through its Euro
 * series: that keeps its data from before 1999, and its yearly averages
 * are those of the quotes it published, not of re-expressed ones.
 *
 * The table they fill, and its lookups, are data/rates.c. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"
#include "data/period.h"
#include "data/rates.h"
#include "load/csv.h"
#include "load/loader.h"
#include "load/number.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <string.h>

typedef enum { FMT_NONE = 0, FMT_ECB, FMT_FED, FMT_LONG } format_t;

/* ------------------------------------------------------------- reading */

/* The Fed's country names and their currencies. Countries that adopted the
 * euro map to NULL: their series end with their currencies and are
 * skipped. Venezuela is skipped too: its series runs through three
 * redenominations (VEB, VEF, VES) without saying which unit a value is in. */
static const struct {
    const char *country, *code;
} fed_countries[] = {
    {"Australia", "AUD"},  {"Brazil", "BRL"},    {"Canada", "CAD"},         {"China", "CNY"},
    {"Denmark", "DKK"},    {"Euro", "EUR"},      {"Hong Kong", "HKD"},      {"India", "INR"},
    {"Japan", "JPY"},      {"Malaysia", "MYR"},  {"Mexico", "MXN"},         {"New Zealand", "NZD"},
    {"Norway", "NOK"},     {"Singapore", "SGD"}, {"South Africa", "ZAR"},   {"South Korea", "KRW"},
    {"Korea", "KRW"},      {"Sri Lanka", "LKR"}, {"Sweden", "SEK"},         {"Switzerland", "CHF"},
    {"Taiwan", "TWD"},     {"Thailand", "THB"},  {"United Kingdom", "GBP"}, {"Venezuela", NULL},
    {"Austria", NULL},     {"Belgium", NULL},    {"Finland", NULL},         {"France", NULL},
    {"Germany", NULL},     {"Greece", NULL},     {"Ireland", NULL},         {"Italy", NULL},
    {"Netherlands", NULL}, {"Portugal", NULL},   {"Spain", NULL},
};

static const char *fed_code(const char *country)
{
    for (size_t i = 0; i < G_N_ELEMENTS(fed_countries); i++)
        if (g_ascii_strcasecmp(country, fed_countries[i].country) == 0)
            return fed_countries[i].code;
    return NULL; /* unknown: no currency we could name, so not usable */
}

static bool is_code(const char *s)
{
    return strlen(s) == 3 && g_ascii_isalpha(s[0]) && g_ascii_isalpha(s[1]) && g_ascii_isalpha(s[2]);
}

typedef struct {
    aidstat_rates_t *r;
    const char *name;
    aidstat_error_t *err;
    format_t format;
    /* FMT_ECB: one series per column, NULL for columns to ignore */
    aid_rate_series_t **cols;
    char **colnames;
    size_t ncols;
    /* FMT_FED, FMT_LONG: the columns */
    int cdate, ckey, cval;
    bool fed_value_col; /* the Fed's value column is called "Value" (yearly.csv) */
    char *valname;      /* the value column's name, for messages */
    /* what was seen */
    long obs;
    int first, last; /* dates as year * 10000 + month * 100 + day */
    bool all_jan1;   /* every date is 1 January (or a bare year) */
    bool any_day, any_month, all_day1;
} reader_t;

static void seen(reader_t *R, int y, int m, int d)
{
    int key = y * 10000 + m * 100 + d;
    if (R->obs == 0 || key < R->first)
        R->first = key;
    if (R->obs == 0 || key > R->last)
        R->last = key;
    R->obs++;
    if (!((m == 1 || m == 0) && (d == 1 || d == 0)))
        R->all_jan1 = false;
    if (d)
        R->any_day = true;
    if (d > 1)
        R->all_day1 = false;
    if (m)
        R->any_month = true;
}

static int header(reader_t *R, char **f, size_t n)
{
    char **norm = g_new0(char *, n + 1);
    for (size_t i = 0; i < n; i++)
        norm[i] = aid_header_normalize(f[i]);
    int date = -1, country = -1, rate = -1, value = -1, currency = -1, per = -1;
    size_t codes = 0, others = 0;
    for (size_t i = 0; i < n; i++) {
        const char *h = norm[i];
        if (!strcmp(h, "date") && date < 0)
            date = (int)i;
        else if (!strcmp(h, "country") && country < 0)
            country = (int)i;
        else if (!strcmp(h, "exchange_rate") && rate < 0)
            rate = (int)i;
        else if (!strcmp(h, "value") && value < 0)
            value = (int)i;
        else if (!strcmp(h, "currency") && currency < 0)
            currency = (int)i;
        else if (g_str_has_prefix(h, "per_") && is_code(h + 4) && per < 0)
            per = (int)i;
        if (i > 0 && h[0]) {
            if (is_code(g_strstrip(f[i])))
                codes++;
            else
                others++;
        }
    }

    if (date >= 0 && country >= 0 && (rate >= 0 || value >= 0)) {
        R->format = FMT_FED;
        aid_rates_set_base(R->r, "USD");
        R->cdate = date;
        R->ckey = country;
        R->cval = rate >= 0 ? rate : value;
        R->fed_value_col = rate < 0;
        R->valname = g_strdup(f[R->cval]);
    } else if (date >= 0 && currency >= 0 && per >= 0) {
        R->format = FMT_LONG;
        aid_rates_set_base(R->r, norm[per] + 4);
        R->cdate = date;
        R->ckey = currency;
        R->cval = per;
        R->valname = g_strdup(f[per]);
    } else if (date == 0 && codes > 0 && others == 0) {
        /* Date, then one column per currency; the ECB's trailing comma
         * gives a last column with no name, which holds nothing */
        R->format = FMT_ECB;
        aid_rates_set_base(R->r, "EUR");
        R->ncols = n;
        R->cols = g_new0(aid_rate_series_t *, n);
        R->colnames = g_new0(char *, n);
        for (size_t i = 1; i < n; i++) {
            if (!norm[i][0])
                continue;
            R->colnames[i] = g_ascii_strup(f[i], -1);
            if (g_ascii_strcasecmp(R->colnames[i], "EUR") != 0)
                R->cols[i] = aid_rates_series(R->r, R->colnames[i]);
        }
    }
    g_strfreev(norm);
    if (R->format == FMT_NONE) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, 1, 0,
                      "not an exchange-rate table: expected the ECB's Date,USD,JPY,..., the "
                      "Federal Reserve's Date,Country,Exchange rate (or Value), or "
                      "date,currency,per_eur");
        return 1;
    }
    return 0;
}

static bool parse_date(reader_t *R, const char *s, long line, long col, int *y, int *m, int *d)
{
    const char *why = NULL;
    if (aid_date_parse(s, y, m, d, &why))
        return true;
    aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, col, "date \"%s\": %s", s, why);
    return false;
}

/* Parse a rate cell: 1 with *v set, 0 when missing, -1 on error. */
static int parse_rate(reader_t *R, const char *s, const char *column, long line, long col, double *v)
{
    aid_num_t st = aid_number_parse(s, false, v);
    if (st == AID_NUM_MISSING)
        return 0;
    if (st == AID_NUM_BAD) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, col,
                      "rate \"%s\" is not a number (column \"%s\")", s, column);
        return -1;
    }
    if (!(*v > 0) || !isfinite(*v)) {
        aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, col,
                      "rate \"%s\" is not a positive number (column \"%s\")", s, column);
        return -1;
    }
    return 1;
}

static int row_ecb(reader_t *R, char **f, size_t n, long line)
{
    int y, m, d;
    if (!parse_date(R, f[0], line, 1, &y, &m, &d))
        return 1;
    bool any = false;
    for (size_t i = 1; i < n; i++) {
        if (i >= R->ncols || !R->colnames[i]) {
            if (!f[i][0])
                continue;
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, (long)i + 1,
                          "a value (\"%s\") in a column with no currency in the header", f[i]);
            return 1;
        }
        double v;
        int st = parse_rate(R, f[i], R->colnames[i], line, (long)i + 1, &v);
        if (st < 0)
            return 1;
        if (st == 0)
            continue;
        any = true;
        if (R->cols[i])
            aid_rate_series_add(R->cols[i], y, m, d, v);
    }
    if (any)
        seen(R, y, m, d);
    return 0;
}

static int row_long(reader_t *R, char **f, size_t n, long line)
{
    const char *date = (size_t)R->cdate < n ? f[R->cdate] : "";
    const char *key = (size_t)R->ckey < n ? g_strstrip(f[R->ckey]) : "";
    const char *val = (size_t)R->cval < n ? f[R->cval] : "";
    int y, m, d;
    if (!parse_date(R, date, line, R->cdate + 1, &y, &m, &d))
        return 1;
    const char *code;
    if (R->format == FMT_FED) {
        if (!key[0]) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->ckey + 1, "country missing");
            return 1;
        }
        code = fed_code(key);
        if (!code)
            return 0;
        /* monthly.csv dates a month's average on its first day */
        d = 0;
    } else {
        if (!is_code(key)) {
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->ckey + 1,
                          "currency \"%s\" is not a three-letter code", key);
            return 1;
        }
        code = key;
    }
    double v;
    int st = parse_rate(R, val, R->valname, line, R->cval + 1, &v);
    if (st < 0)
        return 1;
    if (st == 0)
        return 0;
    if (g_ascii_strcasecmp(code, aid_rates_base(R->r)) != 0)
        aid_rate_series_add(aid_rates_series(R->r, code), y, m, d, v);
    seen(R, y, m, d);
    return 0;
}

static int row(void *user, char **f, const size_t *lens, size_t n, long line)
{
    reader_t *R = user;
    (void)lens;
    if (R->format == FMT_NONE)
        return header(R, f, n);
    if (R->format == FMT_ECB)
        return row_ecb(R, f, n, line);
    return row_long(R, f, n, line);
}

/* A date key as text at the table's resolution. */
static void format_key(int key, int res, char *buf, size_t len)
{
    int y = key / 10000, m = key / 100 % 100, d = key % 100;
    if (res >= 3 && d)
        snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
    else if (res >= 2 && m)
        snprintf(buf, len, "%04d-%02d", y, m);
    else
        snprintf(buf, len, "%04d", y);
}

static char *describe(const reader_t *R, const char *path)
{
    const char *source, *freq;
    int res; /* 3 days, 2 months, 1 years */
    if (R->format == FMT_ECB) {
        source = L_("ECB euro reference rates");
        res = R->any_day ? 3 : R->any_month ? 2 : 1;
    } else if (R->format == FMT_FED) {
        source = L_("Federal Reserve rates");
        res = aid_rates_yearly(R->r) ? 1 : 2;
    } else {
        source = NULL;
        /* a long file dated on the first of each month holds monthly figures */
        res = R->any_day && !R->all_day1 ? 3 : R->any_month ? 2 : 1;
    }
    /* labels of a description for people: German only when names are */
    freq = aid_gettext_ctx("rates", res == 3   ? NC_("rates", "daily")
                                    : res == 2 ? NC_("rates", "monthly")
                                               : NC_("rates", "yearly"));
    char a[16], b[16];
    format_key(R->first, res, a, sizeof a);
    format_key(R->last, res, b, sizeof b);
    char *base = g_path_get_basename(path);
    char *s = source ? g_strdup_printf("%s, %s, %s – %s (%s)", source, freq, a, b, base)
                     : g_strdup_printf(L_("exchange rates per %s, %s, %s – %s (%s)"), aid_rates_base(R->r),
                                       freq, a, b, base);
    g_free(base);
    return s;
}

static aidstat_rates_t *parse(const char *name, FILE *fp, aidstat_error_t *err)
{
    aidstat_rates_t *r = aid_rates_new();
    reader_t R = {0};
    R.r = r;
    R.name = name;
    R.err = err;
    R.all_jan1 = true;
    R.all_day1 = true;

    aidstat_error_clear(err);
    aid_csv_t *csv = aid_csv_new(name, 0);
    aidstat_status_t st = aid_csv_read(csv, fp, NULL, 0, row, &R, err);
    aid_csv_free(csv);
    if (st == AIDSTAT_OK && R.format == FMT_NONE)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "empty file: no header");
    else if (st == AIDSTAT_OK && R.obs == 0)
        st = aid_error_set(err, AIDSTAT_ERR_INPUT, name, 0, 0, "no exchange rates in the file");
    if (st == AIDSTAT_OK) {
        /* yearly.csv dates each year's figure 1 January: a table whose dates
         * are all 1 January holds yearly figures, unless it is a single
         * month of a monthly table (header "Exchange rate") */
        if (R.format == FMT_FED)
            aid_rates_set_yearly(r, R.all_jan1 && (R.first / 10000 != R.last / 10000 || R.fed_value_col));
        else
            aid_rates_set_yearly(r, !R.any_month);
        char *d = describe(&R, name);
        aid_rates_set_describe(r, d);
        g_free(d);
    }
    if (R.colnames)
        for (size_t i = 0; i < R.ncols; i++)
            g_free(R.colnames[i]);
    g_free(R.colnames);
    g_free(R.cols);
    g_free(R.valname);
    if (st != AIDSTAT_OK) {
        aidstat_rates_free(r);
        return NULL;
    }
    return r;
}

aidstat_rates_t *aidstat_rates_load_file(const char *path, aidstat_error_t *err)
{
    if (!path) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no rates file given");
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "cannot open: %s", g_strerror(errno));
        return NULL;
    }
    aidstat_rates_t *r = parse(path, fp, err);
    fclose(fp);
    return r;
}
