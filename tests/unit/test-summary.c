/* Unit tests for stats/summary.c: distributions, quantiles, concentration
 * and Lorenz curves on small sets worked out by hand, and the O(n log n)
 * Gini against the O(n^2) definition on random sets. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <stdlib.h>

static void expect_err(aidstat_status_t got, const aidstat_error_t *err, aidstat_status_t code,
                       const char *msg, int line)
{
    testlib_eq_int(got, code, __FILE__, line, "status", "expected status");
    testlib_eq_int(err->code, code, __FILE__, line, "err.code", "expected status");
    testlib_eq_str(err->message, msg, __FILE__, line, "err.message", "expected message");
}
#define EXPECT_ERR(got, code, msg) expect_err((got), &err, (code), (msg), __LINE__)

/* ---------------------------------------------------------------- summary */

static void test_summary(void)
{
    /* {1, 2, 3, 4, 100}, given out of order */
    double v[] = {100, 3, 1, 4, 2};
    aidstat_summary_t s;
    aidstat_error_t err;
    if (!CHECK_EQ_INT(aidstat_summary_compute(v, 5, &s, &err), AIDSTAT_OK))
        return;
    CHECK_EQ_INT(s.n, 5);
    CHECK_EQ_DBL(s.sum, 110);
    CHECK_EQ_DBL(s.mean, 22);
    CHECK_EQ_DBL(s.median, 3);
    CHECK_EQ_DBL(s.min, 1);
    CHECK_EQ_DBL(s.max, 100);
    /* deviations from 22: -21 -20 -19 -18 78; squares 441 400 361 324 6084
     * = 7610; over n - 1 = 4: 1902.5 */
    CHECK_NEAR(s.sd, sqrt(1902.5), 1e-15);
    /* GSL: position (n - 1) q = 4q in the sorted values, interpolated
     * linearly: p10 at 0.4 -> 1 + 0.4 * (2 - 1) = 1.4; q1 at 1 -> 2;
     * q3 at 3 -> 4; p90 at 3.6 -> 4 + 0.6 * (100 - 4) = 61.6 */
    CHECK_NEAR(s.p10, 1.4, 1e-15);
    CHECK_EQ_DBL(s.q1, 2);
    CHECK_EQ_DBL(s.q3, 4);
    CHECK_NEAR(s.p90, 61.6, 1e-15);
    /* the caller's array is not sorted in place */
    CHECK_EQ_DBL(v[0], 100);
    CHECK_EQ_DBL(v[4], 2);

    /* an even count: the median between the middle two */
    double e[] = {4, 1, 3, 2};
    if (CHECK_EQ_INT(aidstat_summary_compute(e, 4, &s, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(s.median, 2.5);
        CHECK_EQ_DBL(s.q1, 1.75); /* position 0.75 */
        CHECK_EQ_DBL(s.q3, 3.25); /* position 2.25 */
        CHECK_NEAR(s.sd, sqrt(5.0 / 3.0), 1e-15);
    }

    /* one value: no spread */
    double one[] = {7.5};
    if (CHECK_EQ_INT(aidstat_summary_compute(one, 1, &s, &err), AIDSTAT_OK)) {
        CHECK_EQ_INT(s.n, 1);
        CHECK_EQ_DBL(s.mean, 7.5);
        CHECK_EQ_DBL(s.median, 7.5);
        CHECK_EQ_DBL(s.p10, 7.5);
        CHECK_EQ_DBL(s.p90, 7.5);
        CHECK(isnan(s.sd));
    }

    /* the sum is compensated: a naive one gives 0 */
    double big[] = {1e16, 1, -1e16};
    if (CHECK_EQ_INT(aidstat_summary_compute(big, 3, &s, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(s.sum, 1);
        CHECK_NEAR(s.mean, 1.0 / 3.0, 1e-15);
    }

    aidstat_summary_t keep;
    memset(&s, 0x5a, sizeof s);
    keep = s;
    aidstat_error_clear(&err);
    EXPECT_ERR(aidstat_summary_compute(v, 0, &s, &err), AIDSTAT_ERR_DATA, "no values");
    double bad[] = {1, NAN, 3};
    EXPECT_ERR(aidstat_summary_compute(bad, 3, &s, &err), AIDSTAT_ERR_DATA, "value 2 is not a finite number");
    double inf[] = {1, 2, 3, -INFINITY};
    EXPECT_ERR(aidstat_summary_compute(inf, 4, &s, &err), AIDSTAT_ERR_DATA, "value 4 is not a finite number");
    CHECK(memcmp(&s, &keep, sizeof s) == 0); /* untouched on error */
    CHECK_EQ_INT(aidstat_summary_compute(v, 5, NULL, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_summary_compute(v, 0, &s, NULL), AIDSTAT_ERR_DATA);
}

static void test_quantile(void)
{
    double v[] = {3, 1, 2};
    CHECK_EQ_DBL(aidstat_quantile(v, 3, 0.5), 2);
    CHECK_EQ_DBL(aidstat_quantile(v, 3, 0), 1);
    CHECK_EQ_DBL(aidstat_quantile(v, 3, 1), 3);
    CHECK_EQ_DBL(aidstat_quantile(v, 3, 0.25), 1.5);
    CHECK_EQ_DBL(aidstat_quantile(v, 3, 0.75), 2.5);
    CHECK_EQ_DBL(v[0], 3); /* not sorted in place */
    double w[] = {1, 2, 3, 4, 100};
    CHECK_NEAR(aidstat_quantile(w, 5, 0.9), 61.6, 1e-15);
    CHECK(isnan(aidstat_quantile(v, 0, 0.5)));
    CHECK(isnan(aidstat_quantile(NULL, 0, 0.5)));
    CHECK(isnan(aidstat_quantile(v, 3, -0.1)));
    CHECK(isnan(aidstat_quantile(v, 3, 1.1)));
    CHECK(isnan(aidstat_quantile(v, 3, NAN)));
    double n[] = {1, NAN, 3};
    CHECK(isnan(aidstat_quantile(n, 3, 0.5)));
}

/* ---------------------------------------------------------- concentration */

/* The definition: sum_i sum_j |v_i - v_j| / (2 n^2 mean). */
static double gini_brute(const double *v, size_t n)
{
    double num = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        sum += v[i];
        for (size_t j = 0; j < n; j++)
            num += fabs(v[i] - v[j]);
    }
    return num / (2.0 * n * n * (sum / n));
}

static void test_concentration(void)
{
    double v[] = {30, 50, 20};
    aidstat_concentration_t c;
    aidstat_error_t err;
    if (CHECK_EQ_INT(aidstat_concentration_compute(v, 3, &c, &err), AIDSTAT_OK)) {
        CHECK_EQ_INT(c.n, 3);
        CHECK_EQ_DBL(c.total, 100);
        CHECK_NEAR(c.hhi, 3800, 1e-15); /* 50^2 + 30^2 + 20^2 */
        double mean = 100.0 / 3.0;
        double gini = (fabs(50.0 - 30) + fabs(50.0 - 20) + fabs(30.0 - 20)) * 2 / (2 * 9 * mean);
        CHECK_NEAR(gini, 0.2, 1e-15);
        CHECK_NEAR(c.gini, gini, 1e-15);
        CHECK_EQ_DBL(c.top1, 0.5);
        CHECK_EQ_DBL(c.top3, 1);
        CHECK_EQ_DBL(c.top5, 1);
        CHECK_EQ_DBL(c.top10, 1);
    }

    /* equal values: no inequality, HHI 10000 / n */
    double eq[] = {5, 5, 5, 5};
    if (CHECK_EQ_INT(aidstat_concentration_compute(eq, 4, &c, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(c.gini, 0);
        CHECK_EQ_DBL(c.hhi, 2500);
        CHECK_EQ_DBL(c.top1, 0.25);
        CHECK_EQ_DBL(c.top3, 0.75);
    }
    double eq7[7];
    for (int i = 0; i < 7; i++)
        eq7[i] = 0.1;
    if (CHECK_EQ_INT(aidstat_concentration_compute(eq7, 7, &c, &err), AIDSTAT_OK)) {
        CHECK(c.gini >= 0 && c.gini < 1e-15);
        CHECK_NEAR(c.hhi, 10000.0 / 7, 1e-14);
        CHECK_NEAR(c.top5, 5.0 / 7, 1e-15);
        CHECK_EQ_DBL(c.top10, 1);
    }

    /* one group holds everything: the largest Gini n values allow */
    double one[] = {0, 0, 10};
    if (CHECK_EQ_INT(aidstat_concentration_compute(one, 3, &c, &err), AIDSTAT_OK)) {
        CHECK_NEAR(c.gini, 2.0 / 3.0, 1e-15); /* (n - 1) / n */
        CHECK_EQ_DBL(c.hhi, 10000);
        CHECK_EQ_DBL(c.top1, 1);
    }
    double single[] = {42};
    if (CHECK_EQ_INT(aidstat_concentration_compute(single, 1, &c, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(c.gini, 0);
        CHECK_EQ_DBL(c.hhi, 10000);
        CHECK_EQ_DBL(c.top1, 1);
    }

    /* twelve groups, so every top-k is a proper part */
    double d[12];
    for (int i = 0; i < 12; i++)
        d[i] = i + 1; /* total 78 */
    if (CHECK_EQ_INT(aidstat_concentration_compute(d, 12, &c, &err), AIDSTAT_OK)) {
        CHECK_NEAR(c.top1, 12.0 / 78, 1e-15);
        CHECK_NEAR(c.top3, 33.0 / 78, 1e-15);
        CHECK_NEAR(c.top5, 50.0 / 78, 1e-15);
        CHECK_NEAR(c.top10, 75.0 / 78, 1e-15);
        double hhi = 0;
        for (int i = 1; i <= 12; i++)
            hhi += (100.0 * i / 78) * (100.0 * i / 78);
        CHECK_NEAR(c.hhi, hhi, 1e-14);
        CHECK_NEAR(c.gini, gini_brute(d, 12), 1e-14);
    }

    /* random sets of aid-like sizes: the sorted formula is the definition */
    unsigned long long seed = 20260404;
    for (int rep = 0; rep < 20; rep++) {
        double r[150];
        size_t n = 1 + testlib_below(&seed, 150);
        for (size_t i = 0; i < n; i++) {
            unsigned mag = testlib_below(&seed, 10);
            r[i] = testlib_below(&seed, 1000) * pow(10, mag);
        }
        r[0] += 1; /* never all zero */
        if (!CHECK_EQ_INT(aidstat_concentration_compute(r, n, &c, &err), AIDSTAT_OK))
            continue;
        CHECK_NEAR(c.gini, gini_brute(r, n), 1e-12);
        CHECK(c.gini >= 0 && c.gini <= (n - 1.0) / n + 1e-15);
        CHECK(c.hhi >= 10000.0 / n * (1 - 1e-12) && c.hhi <= 10000 * (1 + 1e-15));
    }

    aidstat_concentration_t keep;
    memset(&c, 0x5a, sizeof c);
    keep = c;
    aidstat_error_clear(&err);
    EXPECT_ERR(aidstat_concentration_compute(v, 0, &c, &err), AIDSTAT_ERR_DATA, "no values");
    double neg[] = {10, -1, 5};
    EXPECT_ERR(aidstat_concentration_compute(neg, 3, &c, &err), AIDSTAT_ERR_DATA,
               "concentration needs values of zero or more (value 2 is -1)");
    double zero[] = {0, 0, 0};
    EXPECT_ERR(aidstat_concentration_compute(zero, 3, &c, &err), AIDSTAT_ERR_DATA,
               "concentration needs a total above zero");
    double nan[] = {NAN, 1};
    EXPECT_ERR(aidstat_concentration_compute(nan, 2, &c, &err), AIDSTAT_ERR_DATA,
               "value 1 is not a finite number");
    double inf[] = {1, INFINITY};
    EXPECT_ERR(aidstat_concentration_compute(inf, 2, &c, &err), AIDSTAT_ERR_DATA,
               "value 2 is not a finite number");
    CHECK(memcmp(&c, &keep, sizeof c) == 0);
    CHECK_EQ_INT(aidstat_concentration_compute(v, 3, NULL, &err), AIDSTAT_ERR_USAGE);
}

static void test_top_share(void)
{
    double v[] = {30, 50, 20};
    CHECK_EQ_DBL(aidstat_top_share(v, 3, 0), 0);
    CHECK_EQ_DBL(aidstat_top_share(v, 3, 1), 0.5);
    CHECK_EQ_DBL(aidstat_top_share(v, 3, 2), 0.8);
    CHECK_EQ_DBL(aidstat_top_share(v, 3, 3), 1);
    CHECK_EQ_DBL(aidstat_top_share(v, 3, 10), 1);
    CHECK(isnan(aidstat_top_share(v, 0, 1)));
    double neg[] = {30, -50, 20};
    CHECK(isnan(aidstat_top_share(neg, 3, 1)));
    double zero[] = {0, 0};
    CHECK(isnan(aidstat_top_share(zero, 2, 1)));
    double nan[] = {1, NAN};
    CHECK(isnan(aidstat_top_share(nan, 2, 1)));
    /* many small values under a large one: the share keeps its digits */
    double tail[1001];
    tail[0] = 1e12;
    for (int i = 1; i <= 1000; i++)
        tail[i] = 0.1;
    CHECK_NEAR(aidstat_top_share(tail, 1001, 1), 1e12 / (1e12 + 100), 1e-15);
}

static void test_lorenz(void)
{
    double v[] = {2, 1, 1}, x[4], y[4];
    aidstat_error_t err;
    if (CHECK_EQ_INT(aidstat_lorenz(v, 3, x, y, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(x[0], 0);
        CHECK_EQ_DBL(y[0], 0);
        CHECK_NEAR(x[1], 1.0 / 3, 1e-15);
        CHECK_EQ_DBL(y[1], 0.25);
        CHECK_NEAR(x[2], 2.0 / 3, 1e-15);
        CHECK_EQ_DBL(y[2], 0.5);
        CHECK_EQ_DBL(x[3], 1);
        CHECK_EQ_DBL(y[3], 1);
    }

    /* ends exactly at (1, 1) whatever the rounding, never above */
    double t[10], tx[11], ty[11];
    for (int i = 0; i < 10; i++)
        t[i] = 0.1 * (i + 1);
    if (CHECK_EQ_INT(aidstat_lorenz(t, 10, tx, ty, &err), AIDSTAT_OK)) {
        CHECK_EQ_DBL(tx[10], 1);
        CHECK_EQ_DBL(ty[10], 1);
        bool rising = true;
        for (int i = 1; i <= 10; i++)
            rising = rising && ty[i] >= ty[i - 1] && ty[i] <= tx[i];
        CHECK(rising); /* and under the diagonal */
        CHECK_NEAR(ty[1], 0.1 / 5.5, 1e-15);
    }

    EXPECT_ERR(aidstat_lorenz(v, 0, x, y, &err), AIDSTAT_ERR_DATA, "no values");
    double neg[] = {1, -2};
    EXPECT_ERR(aidstat_lorenz(neg, 2, x, y, &err), AIDSTAT_ERR_DATA,
               "concentration needs values of zero or more (value 2 is -2)");
    double zero[] = {0, 0};
    EXPECT_ERR(aidstat_lorenz(zero, 2, x, y, &err), AIDSTAT_ERR_DATA,
               "concentration needs a total above zero");
    CHECK_EQ_INT(aidstat_lorenz(v, 3, NULL, y, &err), AIDSTAT_ERR_USAGE);
}

int main(void)
{
    test_summary();
    test_quantile();
    test_concentration();
    test_top_share();
    test_lorenz();
    return testlib_done("test-summary");
}
