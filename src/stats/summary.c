/* Distribution and concentration. (being written) */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <math.h>

aidstat_status_t aidstat_summary_compute(const double *v, size_t n, aidstat_summary_t *out,
                                         aidstat_error_t *err)
{
    (void)v, (void)n, (void)out;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}

double aidstat_quantile(const double *v, size_t n, double q)
{
    (void)v, (void)n, (void)q;
    return NAN;
}

aidstat_status_t aidstat_concentration_compute(const double *v, size_t n,
                                               aidstat_concentration_t *out, aidstat_error_t *err)
{
    (void)v, (void)n, (void)out;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}

double aidstat_top_share(const double *v, size_t n, size_t k)
{
    (void)v, (void)n, (void)k;
    return NAN;
}

aidstat_status_t aidstat_lorenz(const double *v, size_t n, double *x, double *y,
                                aidstat_error_t *err)
{
    (void)v, (void)n, (void)x, (void)y;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}
