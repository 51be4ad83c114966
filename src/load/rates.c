/* Exchange-rate tables: the ECB reference-rate history, the Federal
 * Reserve's monthly and yearly tables, or a long CSV date,currency,per_XXX.
 *
 * Every observation is held as units of a currency per one unit of the
 * table's base currency (EUR for the ECB, USD for the Fed, XXX for a long
 * file), so a cross rate is a ratio of two lookups. The Fed's base stays
 * USD rather than going through its Euro series: that keeps its data from
 * before 1999, and its yearly averages are those of the quotes it
 * published, not of re-expressed ones.
 *
 * Observations are not kept one by one: each currency holds a sum and a
 * count per month and per year, which is all aidstat_rates_get() needs
 * (the ECB file is 6,747 days x 41 currencies; this is 27 years x 13). */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/period.h"
#include "load/csv.h"
#include "load/loader.h"
#include "load/number.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <string.h>

typedef struct {
    double sum;
    unsigned n;
} cell_t;

/* One currency: cells[(year - y0) * 13 + 0] sums the whole year,
 * [... + month] that month. */
typedef struct {
    int date; /* year*10000 + month*100 + day */
    double v;
} obs_t;

typedef struct {
    int y0, ny;
    cell_t *cells;
    GArray *obs; /* every observation, for charts of the rates themselves */
} series_t;

typedef enum { FMT_NONE = 0, FMT_ECB, FMT_FED, FMT_LONG } format_t;

struct aidstat_rates {
    char *base;          /* "EUR", "USD" */
    GHashTable *series;  /* upper-case code -> series_t */
    bool yearly;         /* observations are yearly: no month has a rate */
    char *describe;
};

static void series_free(gpointer p)
{
    series_t *s = p;
    g_free(s->cells);
    if (s->obs)
        g_array_free(s->obs, TRUE);
    g_free(s);
}

/* The cells of year y in s, grown to hold it. */
static cell_t *series_year(series_t *s, int y)
{
    if (s->ny == 0) {
        s->y0 = y;
        s->ny = 1;
        s->cells = g_new0(cell_t, 13);
    } else if (y < s->y0 || y >= s->y0 + s->ny) {
        int y0 = MIN(y, s->y0), y1 = MAX(y, s->y0 + s->ny - 1);
        int ny = y1 - y0 + 1;
        cell_t *c = g_new0(cell_t, (size_t)ny * 13);
        memcpy(c + (size_t)(s->y0 - y0) * 13, s->cells, (size_t)s->ny * 13 * sizeof *c);
        g_free(s->cells);
        s->cells = c;
        s->y0 = y0;
        s->ny = ny;
    }
    return s->cells + (size_t)(y - s->y0) * 13;
}

static series_t *series_get(aidstat_rates_t *r, const char *code)
{
    char *key = g_ascii_strup(code, -1);
    series_t *s = g_hash_table_lookup(r->series, key);
    if (s) {
        g_free(key);
    } else {
        s = g_new0(series_t, 1);
        g_hash_table_insert(r->series, key, s);
    }
    return s;
}

static void series_add(series_t *s, int year, int month, int day, double per_base)
{
    if (!s->obs)
        s->obs = g_array_new(FALSE, FALSE, sizeof(obs_t));
    obs_t o = {year * 10000 + month * 100 + day, per_base};
    g_array_append_val(s->obs, o);
    cell_t *c = series_year(s, year);
    c[0].sum += per_base;
    c[0].n++;
    if (month >= 1 && month <= 12) {
        c[month].sum += per_base;
        c[month].n++;
    }
}

/* ------------------------------------------------------------- reading */

/* The Fed's country names and their currencies. Countries that adopted the
 * euro map to NULL: their series end with their currencies and are
 * skipped. Venezuela is skipped too: its series runs through three
 * redenominations (VEB, VEF, VES) without saying which unit a value is in. */
static const struct {
    const char *country, *code;
} fed_countries[] = {
    {"Australia", "AUD"},   {"Brazil", "BRL"},       {"Canada", "CAD"},
    {"China", "CNY"},       {"Denmark", "DKK"},      {"Euro", "EUR"},
    {"Hong Kong", "HKD"},   {"India", "INR"},        {"Japan", "JPY"},
    {"Malaysia", "MYR"},    {"Mexico", "MXN"},       {"New Zealand", "NZD"},
    {"Norway", "NOK"},      {"Singapore", "SGD"},    {"South Africa", "ZAR"},
    {"South Korea", "KRW"}, {"Korea", "KRW"},        {"Sri Lanka", "LKR"},
    {"Sweden", "SEK"},      {"Switzerland", "CHF"},  {"Taiwan", "TWD"},
    {"Thailand", "THB"},    {"United Kingdom", "GBP"}, {"Venezuela", NULL},
    {"Austria", NULL},      {"Belgium", NULL},       {"Finland", NULL},
    {"France", NULL},       {"Germany", NULL},       {"Greece", NULL},
    {"Ireland", NULL},      {"Italy", NULL},         {"Netherlands", NULL},
    {"Portugal", NULL},     {"Spain", NULL},
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
    return strlen(s) == 3 && g_ascii_isalpha(s[0]) && g_ascii_isalpha(s[1]) &&
           g_ascii_isalpha(s[2]);
}

typedef struct {
    aidstat_rates_t *r;
    const char *name;
    aidstat_error_t *err;
    format_t format;
    /* FMT_ECB: one series per column, NULL for columns to ignore */
    series_t **cols;
    char **colnames;
    size_t ncols;
    /* FMT_FED, FMT_LONG: the columns */
    int cdate, ckey, cval;
    bool fed_value_col; /* the Fed's value column is called "Value" (yearly.csv) */
    char *valname;      /* the value column's name, for messages */
    /* what was seen */
    long obs;
    int first, last;       /* dates as year * 10000 + month * 100 + day */
    bool all_jan1;         /* every date is 1 January (or a bare year) */
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
        R->r->base = g_strdup("USD");
        R->cdate = date;
        R->ckey = country;
        R->cval = rate >= 0 ? rate : value;
        R->fed_value_col = rate < 0;
        R->valname = g_strdup(f[R->cval]);
    } else if (date >= 0 && currency >= 0 && per >= 0) {
        R->format = FMT_LONG;
        R->r->base = g_ascii_strup(norm[per] + 4, -1);
        R->cdate = date;
        R->ckey = currency;
        R->cval = per;
        R->valname = g_strdup(f[per]);
    } else if (date == 0 && codes > 0 && others == 0) {
        /* Date, then one column per currency; the ECB's trailing comma
         * gives a last column with no name, which holds nothing */
        R->format = FMT_ECB;
        R->r->base = g_strdup("EUR");
        R->ncols = n;
        R->cols = g_new0(series_t *, n);
        R->colnames = g_new0(char *, n);
        for (size_t i = 1; i < n; i++) {
            if (!norm[i][0])
                continue;
            R->colnames[i] = g_ascii_strup(f[i], -1);
            if (g_ascii_strcasecmp(R->colnames[i], "EUR") != 0)
                R->cols[i] = series_get(R->r, R->colnames[i]);
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
static int parse_rate(reader_t *R, const char *s, const char *column, long line, long col,
                      double *v)
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
            series_add(R->cols[i], y, m, d, v);
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
            aid_error_set(R->err, AIDSTAT_ERR_INPUT, R->name, line, R->ckey + 1,
                          "country missing");
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
    if (g_ascii_strcasecmp(code, R->r->base) != 0)
        series_add(series_get(R->r, code), y, m, d, v);
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
        source = "ECB euro reference rates";
        res = R->any_day ? 3 : R->any_month ? 2 : 1;
    } else if (R->format == FMT_FED) {
        source = "Federal Reserve rates";
        res = R->r->yearly ? 1 : 2;
    } else {
        source = NULL;
        /* a long file dated on the first of each month holds monthly figures */
        res = R->any_day && !R->all_day1 ? 3 : R->any_month ? 2 : 1;
    }
    freq = res == 3 ? "daily" : res == 2 ? "monthly" : "yearly";
    char a[16], b[16];
    format_key(R->first, res, a, sizeof a);
    format_key(R->last, res, b, sizeof b);
    char *base = g_path_get_basename(path);
    char *s = source ? g_strdup_printf("%s, %s, %s – %s (%s)", source, freq, a, b, base)
                     : g_strdup_printf("exchange rates per %s, %s, %s – %s (%s)", R->r->base,
                                       freq, a, b, base);
    g_free(base);
    return s;
}

static aidstat_rates_t *parse(const char *name, FILE *fp, aidstat_error_t *err)
{
    aidstat_rates_t *r = g_new0(aidstat_rates_t, 1);
    r->series = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, series_free);
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
            r->yearly = R.all_jan1 && (R.first / 10000 != R.last / 10000 || R.fed_value_col);
        else
            r->yearly = !R.any_month;
        r->describe = describe(&R, name);
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

void aidstat_rates_free(aidstat_rates_t *r)
{
    if (!r)
        return;
    g_hash_table_destroy(r->series);
    g_free(r->base);
    g_free(r->describe);
    g_free(r);
}

/* Units of code per unit of the base, averaged over the period; NaN when
 * the table has no observation of it then. */
static double per_base(const aidstat_rates_t *r, const char *code, int year, int month)
{
    if (g_ascii_strcasecmp(code, r->base) == 0)
        return 1.0;
    char key[16];
    if (strlen(code) >= sizeof key)
        return NAN;
    for (size_t i = 0; (key[i] = g_ascii_toupper(code[i])) != '\0'; i++)
        ;
    const series_t *s = g_hash_table_lookup(r->series, key);
    if (!s || year < s->y0 || year >= s->y0 + s->ny)
        return NAN;
    const cell_t *c = s->cells + (size_t)(year - s->y0) * 13 + month;
    return c->n ? c->sum / c->n : NAN;
}

/* A cross rate is the ratio of the two currencies' period averages
 * against the base, not the average of daily cross rates: the two differ
 * in the fourth or fifth digit, and the ratio needs no per-day storage. A
 * yearly table has no monthly figures: ask it for month 0. */
double aidstat_rates_get(const aidstat_rates_t *r, const char *from, const char *to, int year,
                         int month)
{
    if (!r || !from || !to || month < 0 || month > 12)
        return NAN;
    if (g_ascii_strcasecmp(from, to) == 0)
        return 1.0;
    if (month != 0 && r->yearly)
        return NAN;
    return per_base(r, to, year, month) / per_base(r, from, year, month);
}

/* The months of year in which code has a rate, as a bit mask (bit m for
 * month m); all twelve for the base and for a yearly table, whose figure
 * is the year's by definition. */
static unsigned months_of(const aidstat_rates_t *r, const char *code, int year)
{
    if (g_ascii_strcasecmp(code, r->base) == 0 || r->yearly)
        return 0x1FFE;
    char key[16];
    if (strlen(code) >= sizeof key)
        return 0;
    for (size_t i = 0; (key[i] = g_ascii_toupper(code[i])) != '\0'; i++)
        ;
    const series_t *s = g_hash_table_lookup(r->series, key);
    if (!s || year < s->y0 || year >= s->y0 + s->ny)
        return 0;
    unsigned mask = 0;
    const cell_t *c = s->cells + (size_t)(year - s->y0) * 13;
    for (int m = 1; m <= 12; m++)
        if (c[m].n)
            mask |= 1u << m;
    return mask;
}

int aidstat_rates_year_months(const aidstat_rates_t *r, const char *from, const char *to,
                              int year, int *first, int *last)
{
    unsigned mask = 0;
    if (r && from && to)
        mask = g_ascii_strcasecmp(from, to) == 0 ? 0x1FFE
                                                 : months_of(r, from, year) & months_of(r, to, year);
    int n = 0, lo = 0, hi = 0;
    for (int m = 1; m <= 12; m++)
        if (mask & (1u << m)) {
            n++;
            lo = lo ? lo : m;
            hi = m;
        }
    if (first)
        *first = lo;
    if (last)
        *last = hi;
    return n;
}

const char *aidstat_rates_describe(const aidstat_rates_t *r)
{
    return r ? r->describe : "";
}

static gint obs_cmp(gconstpointer a, gconstpointer b)
{
    int x = ((const obs_t *)a)->date, y = ((const obs_t *)b)->date;
    return (x > y) - (x < y);
}

size_t aidstat_rates_observations(const aidstat_rates_t *r, const char *from, const char *to, int **dates,
                                  double **values)
{
    /* units of `to` per `from` on each date both are quoted (the base is 1) */
    series_t *sf = g_ascii_strcasecmp(from, r->base) ? g_hash_table_lookup(r->series, from) : NULL;
    series_t *st = g_ascii_strcasecmp(to, r->base) ? g_hash_table_lookup(r->series, to) : NULL;
    *dates = NULL;
    *values = NULL;
    if ((g_ascii_strcasecmp(from, r->base) && !sf) || (g_ascii_strcasecmp(to, r->base) && !st) || (!sf && !st))
        return 0;
    GArray *a = g_array_new(FALSE, FALSE, sizeof(obs_t)), *b = g_array_new(FALSE, FALSE, sizeof(obs_t));
    /* a currency column with no rate in it has a series but no observations */
    if (sf && sf->obs)
        g_array_append_vals(a, sf->obs->data, sf->obs->len);
    if (st && st->obs)
        g_array_append_vals(b, st->obs->data, st->obs->len);
    g_array_sort(a, obs_cmp);
    g_array_sort(b, obs_cmp);
    GArray *drive = st ? b : a;
    size_t n = 0, j = 0;
    *dates = g_new(int, drive->len + 1);
    *values = g_new(double, drive->len + 1);
    for (guint i = 0; i < drive->len; i++) {
        obs_t *o = &g_array_index(drive, obs_t, i);
        double vf = 1, vt = 1;
        if (st && sf) {
            while (j < a->len && g_array_index(a, obs_t, j).date < o->date)
                j++;
            if (j >= a->len || g_array_index(a, obs_t, j).date != o->date)
                continue;
            vf = g_array_index(a, obs_t, j).v;
            vt = o->v;
        } else if (st) {
            vt = o->v;
        } else {
            vf = o->v;
        }
        (*dates)[n] = o->date;
        (*values)[n] = vt / vf;
        n++;
    }
    g_array_free(a, TRUE);
    g_array_free(b, TRUE);
    return n;
}
