/* Internal: Neumaier's compensated summation, the one helper every sum in
 * stats uses. Adding a few large values and many small ones in any order
 * keeps the small ones' digits: each addition's rounding error is kept
 * in comp and added back at the end. Inline, as it runs once per record. */
#ifndef AID_STATS_SUM_H
#define AID_STATS_SUM_H

#include <math.h>

typedef struct {
    double sum, comp;
} aid_sum_t;

static inline void aid_sum_add(aid_sum_t *k, double x)
{
    double t = k->sum + x;
    if (fabs(k->sum) >= fabs(x))
        k->comp += (k->sum - t) + x;
    else
        k->comp += (x - t) + k->sum;
    k->sum = t;
}

/* The compensated total. Once the sum is infinite the compensation is
 * meaningless (inf - inf gives NaN); callers that must say "too large"
 * rather than "n/a" look at the plain sum, k->sum. */
static inline double aid_sum_value(const aid_sum_t *k)
{
    return k->sum + k->comp;
}

#endif
