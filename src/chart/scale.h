/* Internal: nice value scales for chart axes (scale.c). */
#ifndef AID_CHART_SCALE_H
#define AID_CHART_SCALE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double lo, hi; /* domain, including zero for bars */
    double step;   /* tick step */
    double first;  /* first tick */
    size_t nticks;
    bool log;
} aid_scale_t;

/* Nice ticks (1, 2, 2.5, 5 x 10^k) covering lo..hi with at most max_ticks. */
void aid_scale_nice(aid_scale_t *s, double lo, double hi, size_t max_ticks);
/* Decades for a log scale over lo..hi (both > 0). */
void aid_scale_log(aid_scale_t *s, double lo, double hi);
double aid_scale_tick(const aid_scale_t *s, size_t i);
/* Position of v in [a, b]. */
double aid_scale_map(const aid_scale_t *s, double v, double a, double b);

#endif
