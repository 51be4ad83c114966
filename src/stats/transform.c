/* transform: running totals, moving averages and changes of a series.
 *
 * These never fail: where a value cannot be had (before the first full
 * window, before the first lag, a change from zero) it is NaN, and a NaN
 * in the input spoils only the outputs that depend on it.
 */
#include "config.h"
#include "aidstat.h"
#include "stats/sum.h"

#include <math.h>
#include <string.h>

void aidstat_cumulative(const double *in, size_t n, double *out)
{
    /* Neumaier's compensated sum, so a long series of large monthly flows
     * ends on the same total a one-shot sum gives. Each in[i] is read
     * before out[i] is written, so in and out may be the same array. Once
     * the sum is infinite the compensation is meaningless (inf - inf). */
    aid_sum_t k = {0, 0};
    for (size_t i = 0; i < n; i++) {
        aid_sum_add(&k, in[i]);
        out[i] = isfinite(k.sum) ? aid_sum_value(&k) : k.sum;
    }
}

void aidstat_moving_average(const double *in, size_t n, size_t window, double *out)
{
    if (window <= 1) {
        if (out != in)
            memmove(out, in, n * sizeof *out);
        return;
    }
    /* Each window summed afresh rather than a running sum updated by
     * adding one value and subtracting another: windows are short (3, 12),
     * and this way there is no drift and a NaN leaves the series once it
     * leaves the window. Filled from the end, so out may alias in. */
    for (size_t i = n; i-- > 0;) {
        if (i + 1 < window) {
            out[i] = NAN;
            continue;
        }
        double sum = 0;
        for (size_t j = i + 1 - window; j <= i; j++)
            sum += in[j];
        out[i] = sum / (double)window;
    }
}

void aidstat_change(const double *in, size_t n, size_t lag, double *abs, double *pct)
{
    /* From the end backwards, so either output may be the input array. */
    for (size_t i = n; i-- > 0;) {
        double d = NAN, p = NAN;
        if (i >= lag) {
            double base = in[i - lag];
            d = in[i] - base;
            if (base != 0)
                p = d / fabs(base) * 100.0;
        }
        if (abs)
            abs[i] = d;
        if (pct)
            pct[i] = p;
    }
}
