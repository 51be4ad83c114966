/* trend: straight-line trends with their inference, log-linear growth, CAGR.
 *
 * The fit itself is GSL's gsl_fit_linear, which works on deviations from
 * the means and so keeps its digits on data far from the origin (NIST's
 * Norris set to 12 or more significant digits). Everything else is the
 * textbook inference on top of it.
 *
 * Degenerate fits are answered with numbers, not NaN, so that callers can
 * print and serialise them:
 * - a perfect fit (SSE = 0, y not constant): se = 0, CI = the slope itself,
 *   r2 = 1, p = 0 and f_stat = INFINITY (the one non-finite field: JSON
 *   writers must map it, as they map NaN elsewhere in the API);
 * - a constant y (SST = 0): slope 0 exactly, nothing to explain and no
 *   evidence of a trend, so r2 = 0, f_stat = 0, p = 1.
 * On error *out is left untouched.
 */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <glib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

/* GSL's default error handler aborts the process; a library must not, so
 * it is switched off once and every status checked instead. This is
 * process-wide: an embedding program that installs its own handler gets
 * it called too, but nothing here relies on the handler. */
static void aid_gsl_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        gsl_set_error_handler_off();
        g_once_init_leave(&done, 1);
    }
}

/* The checks both fits share, in the order a user would fix them. */
static aidstat_status_t check_input(const double *x, const double *y, size_t n, double periods_per_year,
                                    const void *out, aidstat_error_t *err)
{
    if (!out || (n > 0 && (!x || !y)))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "a trend needs x, y and a result");
    if (!(periods_per_year > 0) || !isfinite(periods_per_year))
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "periods per year must be above zero (got %g)", periods_per_year);
    if (n < 3)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "a trend needs at least 3 periods (got %zu)",
                             n);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "value %zu is not a finite number",
                                 i + 1);
    size_t i = 1;
    while (i < n && x[i] == x[0])
        i++;
    if (i == n)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "a trend needs periods that differ");
    return AIDSTAT_OK;
}

/* The fit on input already checked. */
static aidstat_status_t fit(const double *x, const double *y, size_t n, double periods_per_year,
                            aidstat_trend_t *out, aidstat_error_t *err)
{
    aid_gsl_init();

    aidstat_trend_t t = {0};
    double cov00, cov01, cov11, sse;
    int rc = gsl_fit_linear(x, 1, y, 1, n, &t.intercept, &t.slope, &cov00, &cov01, &cov11, &sse);
    if (rc != GSL_SUCCESS)
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "the trend fit failed: %s", gsl_strerror(rc));

    double df = (double)(n - 2);
    double sst = gsl_stats_tss(y, 1, n);

    t.n = n;
    t.periods_per_year = periods_per_year;
    t.se_intercept = sqrt(cov00);
    t.se_slope = sqrt(cov11);
    t.cov_intercept_slope = cov01;
    t.ss_residual = sse;
    t.resid_sd = sqrt(sse / df);
    t.t_crit = gsl_cdf_tdist_Qinv(0.025, df);
    /* Rounding can leave SSE an ulp above SST when the slope is ~0. */
    t.ss_regression = sst > sse ? sst - sse : 0.0;

    if (sst == 0) {
        t.r2 = 0.0;
        t.f_stat = 0.0;
        t.p_value = 1.0;
    } else if (sse == 0) {
        t.r2 = 1.0;
        t.f_stat = INFINITY;
        t.p_value = 0.0;
    } else {
        t.r2 = 1.0 - sse / sst;
        if (t.r2 < 0)
            t.r2 = 0.0;
        t.f_stat = t.ss_regression / (sse / df);
        t.p_value = 2.0 * gsl_cdf_tdist_Q(fabs(t.slope / t.se_slope), df);
    }
    if (!isfinite(t.t_crit) || isnan(t.p_value))
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                             "the trend's t distribution could not be evaluated");

    double half = t.t_crit * t.se_slope;
    t.slope_lo = t.slope - half;
    t.slope_hi = t.slope + half;
    t.slope_per_year = t.slope * periods_per_year;
    t.slope_per_year_lo = t.slope_lo * periods_per_year;
    t.slope_per_year_hi = t.slope_hi * periods_per_year;
    *out = t;
    return AIDSTAT_OK;
}

aidstat_status_t aidstat_trend_fit(const double *x, const double *y, size_t n, double periods_per_year,
                                   aidstat_trend_t *out, aidstat_error_t *err)
{
    aidstat_status_t rc = check_input(x, y, n, periods_per_year, out, err);
    if (rc != AIDSTAT_OK)
        return rc;
    return fit(x, y, n, periods_per_year, out, err);
}

void aidstat_trend_predict(const aidstat_trend_t *t, double x, double *y, double *lo, double *hi)
{
    double fitted = NAN, l = NAN, h = NAN;
    if (t && t->n > 0 && isfinite(x)) {
        fitted = t->intercept + t->slope * x;
        /* The variance of the fitted line at x, se_a^2 + 2 x cov + x^2 se_b^2,
         * written about the mean of the periods instead: s^2 / n +
         * (x - xbar)^2 se_b^2, with xbar = -cov / se_b^2. The same number,
         * but the three-term form cancels most of its digits when x is
         * far from 0 (months since year 0 lose seven). */
        double var_fit = t->resid_sd * t->resid_sd / (double)t->n;
        double vb = t->se_slope * t->se_slope;
        if (vb > 0) {
            double dx = x + t->cov_intercept_slope / vb;
            var_fit += dx * dx * vb;
        }
        double half = t->t_crit * sqrt(t->resid_sd * t->resid_sd + var_fit);
        l = fitted - half;
        h = fitted + half;
    }
    if (y)
        *y = fitted;
    if (lo)
        *lo = l;
    if (hi)
        *hi = h;
}

bool aidstat_trend_forecast(const aidstat_trend_t *t, double x, bool nonnegative, double *y, double *lo,
                            double *hi)
{
    double f, l, h;
    aidstat_trend_predict(t, x, &f, &l, &h);
    bool bounded = false;
    if (nonnegative) {
        /* a straight line crosses zero where the quantity cannot: the
         * forecast and its interval stop at zero */
        bounded = f < 0 || l < 0;
        f = f < 0 ? 0 : f;
        l = l < 0 ? 0 : l;
        h = h < 0 ? 0 : h;
    }
    if (y)
        *y = f;
    if (lo)
        *lo = l;
    if (hi)
        *hi = h;
    return bounded;
}

aidstat_status_t aidstat_growth_fit(const double *x, const double *y, size_t n, double periods_per_year,
                                    aidstat_growth_t *out, aidstat_error_t *err)
{
    aidstat_status_t rc = check_input(x, y, n, periods_per_year, out, err);
    if (rc != AIDSTAT_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (!(y[i] > 0))
            return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                 "growth needs values above zero (value %zu is %g)", i + 1, y[i]);

    double *ly = g_try_new(double, n);
    if (!ly)
        return aid_error_set(err, AIDSTAT_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        ly[i] = log(y[i]);

    aidstat_growth_t g = {0};
    rc = fit(x, ly, n, periods_per_year, &g.log_fit, err);
    g_free(ly);
    if (rc != AIDSTAT_OK)
        return rc;

    /* expm1 keeps the digits of small rates that exp() - 1 would cancel. */
    g.n = n;
    g.rate = expm1(g.log_fit.slope_per_year) * 100.0;
    g.rate_lo = expm1(g.log_fit.slope_per_year_lo) * 100.0;
    g.rate_hi = expm1(g.log_fit.slope_per_year_hi) * 100.0;
    g.r2 = g.log_fit.r2;
    *out = g;
    return AIDSTAT_OK;
}

double aidstat_cagr(double v0, double v1, double years)
{
    if (!(v0 > 0) || !(v1 >= 0) || !(years > 0) || !isfinite(v0) || !isfinite(v1) || !isfinite(years))
        return NAN;
    /* expm1(log(r) / years) rather than pow(r, 1 / years) - 1: the same
     * number, without cancelling the digits of a small rate. The ratio is
     * taken first (one rounding) unless it over- or underflows. */
    double r = v1 / v0, lr;
    if (isfinite(r) && (r > 0 || v1 == 0))
        lr = log(r);
    else
        lr = log(v1) - log(v0);
    return expm1(lr / years);
}
