/* fit: the analyses of a series that the trend command, charts and reports
 * share — the complete-period span, per-group trend and growth, yearly
 * totals and the current-against-baseline change, forecasts. Each door
 * words the results its own way; the figures come from here. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <glib.h>
#include <math.h>

size_t aidstat_series_complete_span(const aidstat_series_t *s, size_t *first, size_t *end)
{
    size_t a = 0, b = s ? aidstat_series_length(s) : 0;
    while (a < b && !aidstat_series_period_complete(s, a))
        a++;
    while (b > a && !aidstat_series_period_complete(s, b - 1))
        b--;
    if (first)
        *first = a;
    if (end)
        *end = b;
    return b - a;
}

size_t aidstat_series_complete_period(const aidstat_series_t *s, int *y0, int *m0, int *y1, int *m1)
{
    size_t a, b;
    size_t n = aidstat_series_complete_span(s, &a, &b);
    *y0 = *m0 = *y1 = *m1 = 0;
    if (n) {
        aidstat_series_period(s, a, y0, m0);
        aidstat_series_period(s, b - 1, y1, m1);
        *m1 += (int)aidstat_series_interval(s) - 1; /* an interval counts its months */
        if (aidstat_series_interval(s) == AIDSTAT_INTERVAL_YEAR)
            *m0 = *m1 = 0; /* whole years: "2021 – 2024", as compare and trend state them */
    }
    return n;
}

aidstat_status_t aidstat_trend_line(const double *v, size_t n, aidstat_interval_t interval,
                                    aidstat_trend_t *out, aidstat_error_t *err)
{
    double *x = g_try_new(double, n + 1);
    if (!x)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        x[i] = (double)i;
    aidstat_status_t rc = aidstat_trend_fit(x, v, n, 12.0 / (double)interval, out, err);
    g_free(x);
    return rc;
}

bool aidstat_series_year_total(const aidstat_series_t *s, size_t g, int year, double *out)
{
    if (!s || g >= aidstat_series_groups(s))
        return false;
    const double *v = aidstat_series_values(s, g);
    double sum = 0;
    size_t seen = 0, need = 12 / (size_t)aidstat_series_interval(s);
    for (size_t t = 0; t < aidstat_series_length(s); t++) {
        int y, m;
        aidstat_series_period(s, t, &y, &m);
        if (y != year)
            continue;
        if (!aidstat_series_period_complete(s, t))
            return false;
        sum += v[t];
        seen++;
    }
    if (seen != need)
        return false;
    if (out)
        *out = sum;
    return true;
}

void aidstat_series_change_years(const aidstat_series_t *s, int current, int base_from, int base_to, int *cur,
                                 int *b0, int *b1)
{
    int c = 0, f = 0, t = 0, y0 = 0, y1 = 0, mm;
    size_t len = s ? aidstat_series_length(s) : 0;
    if (len) {
        aidstat_series_period(s, 0, &y0, &mm);
        aidstat_series_period(s, len - 1, &y1, &mm);
    }
    if (current)
        c = current;
    else
        for (int y = y1; len && y >= y0 && !c; y--)
            if (aidstat_series_year_total(s, 0, y, NULL))
                c = y;
    if (base_from) {
        f = base_from;
        t = base_to;
    } else if (c) {
        for (int y = y0; len && y < c; y++)
            if (aidstat_series_year_total(s, 0, y, NULL)) {
                if (!f)
                    f = y;
                t = y;
            }
    }
    *cur = c;
    *b0 = f;
    *b1 = t;
}

void aidstat_series_change(const aidstat_series_t *s, size_t g, int cur, int b0, int b1,
                           aidstat_change_t *out)
{
    out->current_year = cur;
    out->base_from = b0;
    out->base_to = b1;
    out->current = out->baseline = out->change = NAN;
    if (!cur || !aidstat_series_year_total(s, g, cur, &out->current)) {
        out->current = NAN;
        return;
    }
    double sum = 0;
    int k = 0;
    for (int y = b0; y && y <= b1; y++) {
        double v;
        if (aidstat_series_year_total(s, g, y, &v)) {
            sum += v;
            k++;
        }
    }
    if (k > 0 && k == b1 - b0 + 1) {
        out->baseline = sum / k;
        out->change = out->baseline != 0 ? (out->current / out->baseline - 1.0) * 100.0 : NAN;
    }
}

void aidstat_series_fit_group(const aidstat_series_t *s, size_t g, aidstat_group_fit_t *out)
{
    aidstat_group_fit_t f = {0};
    size_t a, b;
    f.group = g;
    f.count = aidstat_series_complete_span(s, &a, &b);
    f.first = a;
    f.growth_bad = (size_t)-1;
    f.last = NAN;
    f.nonnegative = true;
    f.trend_status = f.growth_status = AIDSTAT_ERR_DATA;
    if (!s || g >= aidstat_series_groups(s)) {
        aid_error_set(&f.trend_error, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no such group");
        f.growth_error = f.trend_error;
        *out = f;
        return;
    }
    const double *v = aidstat_series_values(s, g) + a;
    size_t n = f.count;
    double *x = g_new(double, n + 1);
    for (size_t i = 0; i < n; i++)
        x[i] = (double)(a + i);
    double ppy = 12.0 / (double)aidstat_series_interval(s);
    f.trend_status = aidstat_trend_fit(x, v, n, ppy, &f.trend, &f.trend_error);
    for (size_t i = 0; i < n; i++) {
        f.nonnegative &= !(v[i] < 0);
        if (v[i] <= 0 && f.growth_bad == (size_t)-1)
            f.growth_bad = a + i;
    }
    if (n >= 3 && f.growth_bad != (size_t)-1)
        f.growth_status = aid_error_set(&f.growth_error, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                        "growth needs values above zero (period %zu is %g)", f.growth_bad + 1,
                                        aidstat_series_values(s, g)[f.growth_bad]);
    else
        f.growth_status = aidstat_growth_fit(x, v, n, ppy, &f.growth, &f.growth_error);
    f.last = n ? v[n - 1] : NAN;
    g_free(x);
    *out = f;
}

bool aidstat_group_fit_forecast(const aidstat_group_fit_t *f, size_t k, double *y, double *lo, double *hi,
                                bool *bounded)
{
    if (!f || f->trend_status != AIDSTAT_OK || k < 1)
        return false;
    double xk = (double)(f->first + f->count - 1 + k);
    bool b = aidstat_trend_forecast(&f->trend, xk, f->nonnegative, y, lo, hi);
    if (bounded)
        *bounded = b;
    return true;
}
