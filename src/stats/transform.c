/* Series transforms: running totals, moving averages, changes. (being written) */
#include "config.h"
#include "aidstat.h"

void aidstat_cumulative(const double *in, size_t n, double *out)
{
    (void)in, (void)n, (void)out;
}

void aidstat_moving_average(const double *in, size_t n, size_t window, double *out)
{
    (void)in, (void)n, (void)window, (void)out;
}

void aidstat_change(const double *in, size_t n, size_t lag, double *abs, double *pct)
{
    (void)in, (void)n, (void)lag, (void)abs, (void)pct;
}
