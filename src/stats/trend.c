/* Trends: OLS with inference, log-linear growth, CAGR. (being written) */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <math.h>

aidstat_status_t aidstat_trend_fit(const double *x, const double *y, size_t n,
                                   double periods_per_year, aidstat_trend_t *out,
                                   aidstat_error_t *err)
{
    (void)x, (void)y, (void)n, (void)periods_per_year, (void)out;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}

void aidstat_trend_predict(const aidstat_trend_t *t, double x, double *y, double *lo, double *hi)
{
    (void)t, (void)x;
    *y = *lo = *hi = NAN;
}

aidstat_status_t aidstat_growth_fit(const double *x, const double *y, size_t n,
                                    double periods_per_year, aidstat_growth_t *out,
                                    aidstat_error_t *err)
{
    (void)x, (void)y, (void)n, (void)periods_per_year, (void)out;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}

double aidstat_cagr(double v0, double v1, double years)
{
    (void)v0, (void)v1, (void)years;
    return NAN;
}
