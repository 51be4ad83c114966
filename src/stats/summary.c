/* summary: the distribution of a set of values, and how concentrated a
 * total is among groups.
 *
 * Everything that needs order works on a sorted copy (gsl_sort), so the
 * caller's array is never touched and the costs are O(n log n). Sums are
 * compensated (Neumaier), so shares of totals made of a few large donors
 * and many small ones keep their digits. The top-k shares and the Lorenz
 * curve sum in the same order as the total, so "all groups" is exactly 1.
 * None of the GSL calls used here reports errors through its handler.
 */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "stats/sum.h"

#include <glib.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

/* A sorted (ascending) copy of v, or NULL when out of memory. */
static double *sorted_copy(const double *v, size_t n)
{
    double *s = g_try_new(double, n);
    if (!s)
        return NULL;
    memcpy(s, v, n * sizeof *s);
    gsl_sort(s, 1, n);
    return s;
}

static aidstat_status_t check_finite(const double *v, size_t n, aidstat_error_t *err)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "value %zu is not a finite number",
                                 i + 1);
    return AIDSTAT_OK;
}

aidstat_status_t aidstat_summary_compute(const double *v, size_t n, aidstat_summary_t *out,
                                         aidstat_error_t *err)
{
    if (!out || (n > 0 && !v))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "a summary needs values and a result");
    if (n == 0)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "no values");
    aidstat_status_t rc = check_finite(v, n, err);
    if (rc != AIDSTAT_OK)
        return rc;
    double *s = sorted_copy(v, n);
    if (!s)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, NULL, 0, 0, "out of memory");

    aidstat_summary_t r = {0};
    aid_sum_t k = {0, 0};
    for (size_t i = 0; i < n; i++)
        aid_sum_add(&k, v[i]);
    r.n = n;
    r.sum = aid_sum_value(&k);
    r.mean = r.sum / (double)n;
    r.min = s[0];
    r.max = s[n - 1];
    r.median = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.5);
    r.p10 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.10);
    r.q1 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.25);
    r.q3 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.75);
    r.p90 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.90);
    r.sd = n < 2 ? NAN : gsl_stats_sd_m(s, 1, n, r.mean);
    g_free(s);
    *out = r;
    return AIDSTAT_OK;
}

double aidstat_quantile(const double *v, size_t n, double q)
{
    if (n == 0 || !v || !(q >= 0 && q <= 1))
        return NAN;
    for (size_t i = 0; i < n; i++)
        if (isnan(v[i]))
            return NAN; /* NaN has no place in an order */
    double *s = sorted_copy(v, n);
    if (!s)
        return NAN;
    double r = gsl_stats_quantile_from_sorted_data(s, 1, n, q);
    g_free(s);
    return r;
}

/* Values a share of a total can be taken of: at least one, all finite and
 * >= 0. Returns them sorted ascending in *sorted (free with g_free) and the
 * total, summed from the largest down, in *total. */
static aidstat_status_t shares_prepare(const double *v, size_t n, double **sorted, double *total,
                                       aidstat_error_t *err)
{
    if (n > 0 && !v)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no values given");
    if (n == 0)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "no values");
    aidstat_status_t rc = check_finite(v, n, err);
    if (rc != AIDSTAT_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (v[i] < 0)
            return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                 "concentration needs values of zero or more (value %zu is %g)", i + 1, v[i]);
    double *s = sorted_copy(v, n);
    if (!s)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, NULL, 0, 0, "out of memory");
    aid_sum_t k = {0, 0};
    for (size_t i = n; i-- > 0;)
        aid_sum_add(&k, s[i]);
    *total = aid_sum_value(&k);
    if (!(*total > 0) || !isfinite(*total)) {
        g_free(s);
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                             *total > 0 ? "the total is too large to take shares of"
                                        : "concentration needs a total above zero");
    }
    *sorted = s;
    return AIDSTAT_OK;
}

/* Share of the k largest of n ascending values, summed as the total was. */
static double top_k(const double *s, size_t n, size_t k, double total)
{
    if (k >= n)
        return 1.0;
    aid_sum_t t = {0, 0};
    for (size_t i = 0; i < k; i++)
        aid_sum_add(&t, s[n - 1 - i]);
    return aid_sum_value(&t) / total;
}

aidstat_status_t aidstat_concentration_compute(const double *v, size_t n, aidstat_concentration_t *out,
                                               aidstat_error_t *err)
{
    if (!out)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no result given");
    double *s = NULL, total = 0;
    aidstat_status_t rc = shares_prepare(v, n, &s, &total, err);
    if (rc != AIDSTAT_OK)
        return rc;

    /* Gini from the order statistics: sum_i sum_j |v_i - v_j| equals
     * 2 sum_k (2k - n - 1) v_(k) with k = 1..n ascending, so
     * G = sum_k (2k - n - 1) v_(k) / (n * total). */
    aid_sum_t hhi = {0, 0}, gini = {0, 0};
    for (size_t i = 0; i < n; i++) {
        double share = 100.0 * (s[i] / total);
        aid_sum_add(&hhi, share * share);
        aid_sum_add(&gini, (2.0 * (double)(i + 1) - (double)n - 1.0) * s[i]);
    }

    aidstat_concentration_t r = {0};
    r.n = n;
    r.total = total;
    r.hhi = aid_sum_value(&hhi);
    r.gini = aid_sum_value(&gini) / ((double)n * total);
    if (r.gini < 0)
        r.gini = 0.0; /* the last ulp of a sum of equal values */
    r.top1 = top_k(s, n, 1, total);
    r.top3 = top_k(s, n, 3, total);
    r.top5 = top_k(s, n, 5, total);
    r.top10 = top_k(s, n, 10, total);
    g_free(s);
    *out = r;
    return AIDSTAT_OK;
}

double aidstat_top_share(const double *v, size_t n, size_t k)
{
    double *s = NULL, total = 0;
    if (shares_prepare(v, n, &s, &total, NULL) != AIDSTAT_OK)
        return NAN;
    double r = top_k(s, n, k, total);
    g_free(s);
    return r;
}

aidstat_status_t aidstat_lorenz(const double *v, size_t n, double *x, double *y, aidstat_error_t *err)
{
    if (!x || !y)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "no result given");
    double *s = NULL, total = 0;
    aidstat_status_t rc = shares_prepare(v, n, &s, &total, err);
    if (rc != AIDSTAT_OK)
        return rc;
    /* Cumulated from the smallest up: the curve's total is then a sum in
     * another order than shares_prepare's, so the last point is set to
     * (1, 1) rather than left an ulp off. */
    aid_sum_t k = {0, 0};
    x[0] = 0.0;
    y[0] = 0.0;
    for (size_t i = 0; i < n; i++) {
        aid_sum_add(&k, s[i]);
        x[i + 1] = (double)(i + 1) / (double)n;
        y[i + 1] = fmin(aid_sum_value(&k) / total, 1.0);
    }
    x[n] = 1.0;
    y[n] = 1.0;
    g_free(s);
    return AIDSTAT_OK;
}
