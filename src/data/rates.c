/* Exchange rates as data: every observation held as units of a currency
 * per one unit of the table's base currency, so a cross rate is a ratio of
 * two lookups. The readers of the ECB, Federal Reserve and long formats
 * are in load/rates.c.
 *
 * Observations are summed per month and per year, which is all
 * aidstat_rates_get() needs, and kept one by one only for charts of the
 * rates themselves. */
#include "config.h"
#include "aidstat.h"
#include "data/rates.h"

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

struct aid_rate_series {
    int y0, ny;
    cell_t *cells;
    GArray *obs; /* every observation, for charts of the rates themselves */
};

struct aidstat_rates {
    char *base;         /* "EUR", "USD" */
    GHashTable *series; /* upper-case code -> series_t */
    bool yearly;        /* observations are yearly: no month has a rate */
    char *describe;
};

static void series_free(gpointer p)
{
    aid_rate_series_t *s = p;
    g_free(s->cells);
    if (s->obs)
        g_array_free(s->obs, TRUE);
    g_free(s);
}

/* The cells of year y in s, grown to hold it. */
static cell_t *series_year(aid_rate_series_t *s, int y)
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

aid_rate_series_t *aid_rates_series(aidstat_rates_t *r, const char *code)
{
    char *key = g_ascii_strup(code, -1);
    aid_rate_series_t *s = g_hash_table_lookup(r->series, key);
    if (s) {
        g_free(key);
    } else {
        s = g_new0(aid_rate_series_t, 1);
        g_hash_table_insert(r->series, key, s);
    }
    return s;
}

void aid_rate_series_add(aid_rate_series_t *s, int year, int month, int day, double per_base)
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

aidstat_rates_t *aid_rates_new(void)
{
    aidstat_rates_t *r = g_new0(aidstat_rates_t, 1);
    r->series = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, series_free);
    return r;
}

void aid_rates_set_base(aidstat_rates_t *r, const char *code)
{
    g_free(r->base);
    r->base = g_ascii_strup(code, -1);
}

const char *aid_rates_base(const aidstat_rates_t *r)
{
    return r->base;
}

void aid_rates_set_yearly(aidstat_rates_t *r, bool yearly)
{
    r->yearly = yearly;
}

bool aid_rates_yearly(const aidstat_rates_t *r)
{
    return r->yearly;
}

void aid_rates_set_describe(aidstat_rates_t *r, const char *describe)
{
    g_free(r->describe);
    r->describe = g_strdup(describe);
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
    const aid_rate_series_t *s = g_hash_table_lookup(r->series, key);
    if (!s || year < s->y0 || year >= s->y0 + s->ny)
        return NAN;
    const cell_t *c = s->cells + (size_t)(year - s->y0) * 13 + month;
    return c->n ? c->sum / c->n : NAN;
}

/* A cross rate is the ratio of the two currencies' period averages
 * against the base, not the average of daily cross rates: the two differ
 * in the fourth or fifth digit, and the ratio needs no per-day storage. A
 * yearly table has no monthly figures: ask it for month 0. */
double aidstat_rates_get(const aidstat_rates_t *r, const char *from, const char *to, int year, int month)
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
    const aid_rate_series_t *s = g_hash_table_lookup(r->series, key);
    if (!s || year < s->y0 || year >= s->y0 + s->ny)
        return 0;
    unsigned mask = 0;
    const cell_t *c = s->cells + (size_t)(year - s->y0) * 13;
    for (int m = 1; m <= 12; m++)
        if (c[m].n)
            mask |= 1u << m;
    return mask;
}

int aidstat_rates_year_months(const aidstat_rates_t *r, const char *from, const char *to, int year,
                              int *first, int *last)
{
    unsigned mask = 0;
    if (r && from && to)
        mask = g_ascii_strcasecmp(from, to) == 0 ? 0x1FFE : months_of(r, from, year) & months_of(r, to, year);
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
    aid_rate_series_t *sf = g_ascii_strcasecmp(from, r->base) ? g_hash_table_lookup(r->series, from) : NULL;
    aid_rate_series_t *st = g_ascii_strcasecmp(to, r->base) ? g_hash_table_lookup(r->series, to) : NULL;
    *dates = NULL;
    *values = NULL;
    if ((g_ascii_strcasecmp(from, r->base) && !sf) || (g_ascii_strcasecmp(to, r->base) && !st) ||
        (!sf && !st))
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
