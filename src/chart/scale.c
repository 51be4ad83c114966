/* Scales with nice ticks: steps of 1, 2, 2.5 or 5 times a power of ten,
 * the ones people read without effort. */
#include "config.h"
#include "chart/scale.h"

#include <math.h>

void aid_scale_nice(aid_scale_t *s, double lo, double hi, size_t max_ticks)
{
    s->log = false;
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (!(hi > lo)) {
        double pad = lo != 0 ? fabs(lo) * 0.5 : 1;
        if (hi == lo) {
            lo -= lo < 0 ? pad : 0;
            hi += lo < 0 ? 0 : pad;
            if (lo == hi)
                hi = lo + 1;
        }
    }
    if (max_ticks < 2)
        max_ticks = 2;
    double raw = (hi - lo) / (double)(max_ticks - 1);
    double mag = pow(10, floor(log10(raw)));
    static const double mult[] = {1, 2, 2.5, 5, 10};
    /* the smallest nice step whose rounded-out range keeps to max_ticks:
     * a range across zero can need one step more than the raw estimate */
    for (int up = 0; up < 30; up++) {
        double step = mag * mult[up % 4] * pow(10, up / 4);
        if (step < raw * (1 - 1e-12))
            continue;
        s->step = step;
        s->lo = floor(lo / step + 1e-9) * step;
        s->hi = ceil(hi / step - 1e-9) * step;
        s->first = s->lo;
        s->nticks = (size_t)llround((s->hi - s->lo) / step) + 1;
        if (s->nticks <= max_ticks)
            break;
    }
}

void aid_scale_log(aid_scale_t *s, double lo, double hi)
{
    s->log = true;
    double a = floor(log10(lo)), b = ceil(log10(hi));
    if (b <= a)
        b = a + 1;
    s->lo = pow(10, a);
    s->hi = pow(10, b);
    s->first = s->lo;
    s->step = 10;
    s->nticks = (size_t)(b - a) + 1;
}

double aid_scale_tick(const aid_scale_t *s, size_t i)
{
    if (s->log)
        return s->first * pow(10, (double)i);
    /* multiply, do not accumulate: 0.1 + 0.1 + 0.1 is not 0.3 */
    return s->first + s->step * (double)i;
}

double aid_scale_map(const aid_scale_t *s, double v, double a, double b)
{
    double t =
        s->log ? (log10(v) - log10(s->lo)) / (log10(s->hi) - log10(s->lo)) : (v - s->lo) / (s->hi - s->lo);
    return a + t * (b - a);
}
