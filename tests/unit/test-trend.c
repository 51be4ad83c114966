/* Unit tests for stats/trend.c and stats/transform.c: NIST's certified
 * Norris regression, series whose fits are worked out here by closed-form
 * sums, growth, CAGR, and the series transforms. */
#include "config.h"
#include "aidstat.h"
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <glib.h>

/* The call returned code and filled err with exactly msg. */
static void expect_err(aidstat_status_t got, const aidstat_error_t *err, aidstat_status_t code,
                       const char *msg, int line)
{
    testlib_eq_int(got, code, __FILE__, line, "status", "expected status");
    testlib_eq_int(err->code, code, __FILE__, line, "err.code", "expected status");
    testlib_eq_str(err->message, msg, __FILE__, line, "err.message", "expected message");
}
#define EXPECT_ERR(got, code, msg) expect_err((got), &err, (code), (msg), __LINE__)

/* ------------------------------------------------------------ NIST Norris */

/* Certified values of the NIST StRD linear regression dataset "Norris"
 * (https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml), as quoted
 * in ../shared/datasets/nist-strd-norris/PROVENANCE.md. */
#define NORRIS_B0 -0.262323073774029
#define NORRIS_SD_B0 0.232818234301152
#define NORRIS_B1 1.00211681802045
#define NORRIS_SD_B1 0.429796848199937E-03
#define NORRIS_RESID_SD 0.884796396144373
#define NORRIS_R2 0.999993745883712
#define NORRIS_SS_REG 4255954.13232369
#define NORRIS_SS_RES 26.6173985294224
#define NORRIS_F 5436385.54079785

/* Read the x,y columns of norris.csv; returns the row count, 0 if absent. */
static size_t norris_read(double *x, double *y, size_t max)
{
    const char *shared = getenv("SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/nist-strd-norris/norris.csv",
             shared && *shared ? shared : "../shared/datasets");
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("note: %s not found: NIST Norris checks skipped\n", path);
        return 0;
    }
    char line[256];
    size_t n = 0;
    if (!fgets(line, sizeof line, f)) /* header x,y */
        line[0] = '\0';
    CHECK_EQ_STR(line, "x,y\n");
    while (n < max && fgets(line, sizeof line, f)) {
        char *end;
        x[n] = strtod(line, &end);
        if (*end != ',')
            break;
        y[n] = strtod(end + 1, NULL);
        n++;
    }
    fclose(f);
    return n;
}

/* The two-sided tail P(|T| > t) of Student's t with nu degrees of
 * freedom, without GSL: I_x(nu/2, 1/2) at x = nu / (nu + t^2), from the
 * series x^a / (a B(a, b)) sum_k (1 - b)_k / k! x^k a / (a + k), which
 * converges fast for the small x of a large t. */
static double t_two_sided_p(double t, double nu)
{
    double x = nu / (nu + t * t), a = nu / 2, b = 0.5;
    double coef = 1, sum = 1;
    for (int k = 1; k < 200; k++) {
        coef *= (k - b) / k * x;
        sum += coef * a / (a + k);
    }
    double log_beta = lgamma(a) + lgamma(b) - lgamma(a + b);
    return exp(a * log(x) - log(a) - log_beta) * sum;
}

/* Check got against a certified value to rel, and report the digits. */
static void certified(const char *name, double got, double want, double rel, int line)
{
    double err = testlib_abs(got - want) / testlib_abs(want);
    if (err == 0)
        printf("norris: %-14s relative error 0 (all 15 certified digits)\n", name);
    else
        printf("norris: %-14s relative error %.1e (%.1f significant digits)\n", name, err, -log10(err));
    testlib_near(got, want, rel, __FILE__, line, name, "certified");
}

static void test_norris(void)
{
    double x[64], y[64];
    size_t n = norris_read(x, y, 64);
    if (n == 0)
        return;
    CHECK_EQ_INT(n, 36);

    aidstat_trend_t t;
    aidstat_error_t err;
    aidstat_error_clear(&err);
    if (!CHECK_EQ_INT(aidstat_trend_fit(x, y, n, 1, &t, &err), AIDSTAT_OK)) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    /* NIST asks for 9 digits on this "lower difficulty" set; GSL's
     * centred sums give 12.4 (intercept) to 15.5 (R^2), so each bar is
     * set about ten times above the error achieved on x86-64. */
    certified("intercept", t.intercept, NORRIS_B0, 5e-12, __LINE__);
    certified("sd(intercept)", t.se_intercept, NORRIS_SD_B0, 2e-13, __LINE__);
    certified("slope", t.slope, NORRIS_B1, 5e-14, __LINE__);
    certified("sd(slope)", t.se_slope, NORRIS_SD_B1, 2e-13, __LINE__);
    certified("residual sd", t.resid_sd, NORRIS_RESID_SD, 2e-13, __LINE__);
    certified("R^2", t.r2, NORRIS_R2, 5e-15, __LINE__);
    certified("regression SS", t.ss_regression, NORRIS_SS_REG, 1e-14, __LINE__);
    certified("residual SS", t.ss_residual, NORRIS_SS_RES, 5e-13, __LINE__);
    certified("F", t.f_stat, NORRIS_F, 5e-13, __LINE__);
    CHECK_EQ_INT(t.n, 36);
    /* slope / se = 2331.6, far beyond any tabulated t: p underflows to 0 */
    /* p is not certified: check it against the incomplete beta series
     * at the certified t = B1 / sd(B1) = 2331.6 with 34 df: 4.654e-90. */
    CHECK_NEAR(t.p_value, t_two_sided_p(NORRIS_B1 / NORRIS_SD_B1, 34), 1e-10);
    CHECK(t.p_value > 4.6e-90 && t.p_value < 4.7e-90);
}

/* ----------------------------------------------------- hand-checked fits */

static void test_exact_line(void)
{
    double x[] = {0, 1, 2, 3, 4}, y[5];
    for (int i = 0; i < 5; i++)
        y[i] = 2 + 3 * x[i];
    aidstat_trend_t t;
    aidstat_error_t err;
    if (!CHECK_EQ_INT(aidstat_trend_fit(x, y, 5, 12, &t, &err), AIDSTAT_OK))
        return;
    CHECK_EQ_DBL(t.slope, 3.0);
    CHECK_EQ_DBL(t.intercept, 2.0);
    CHECK_EQ_DBL(t.se_slope, 0.0);
    CHECK_EQ_DBL(t.se_intercept, 0.0);
    CHECK_EQ_DBL(t.resid_sd, 0.0);
    CHECK_EQ_DBL(t.ss_residual, 0.0);
    CHECK_EQ_DBL(t.ss_regression, 90.0); /* 9 * sum (x - 2)^2 = 9 * 10 */
    CHECK_EQ_DBL(t.r2, 1.0);
    CHECK_EQ_DBL(t.p_value, 0.0);
    CHECK(isinf(t.f_stat) && t.f_stat > 0);
    CHECK_EQ_DBL(t.slope_lo, 3.0);
    CHECK_EQ_DBL(t.slope_hi, 3.0);
    CHECK_EQ_DBL(t.slope_per_year, 36.0);
    CHECK_EQ_DBL(t.slope_per_year_lo, 36.0);
    CHECK_EQ_DBL(t.slope_per_year_hi, 36.0);
    CHECK_EQ_DBL(t.periods_per_year, 12.0);

    double yh, lo, hi;
    aidstat_trend_predict(&t, 10, &yh, &lo, &hi);
    CHECK_EQ_DBL(yh, 32.0);
    CHECK_EQ_DBL(lo, 32.0);
    CHECK_EQ_DBL(hi, 32.0);

    /* the same line on x that are not exact in binary: SSE is rounding
     * noise, not zero, and nothing must come out NaN */
    double xs[20], ys[20];
    for (int i = 0; i < 20; i++) {
        xs[i] = 0.1 * i;
        ys[i] = 2 + 3 * xs[i];
    }
    if (CHECK_EQ_INT(aidstat_trend_fit(xs, ys, 20, 1, &t, &err), AIDSTAT_OK)) {
        CHECK_NEAR(t.slope, 3.0, 1e-14);
        CHECK_NEAR(t.intercept, 2.0, 1e-14);
        CHECK_NEAR(t.r2, 1.0, 1e-15);
        CHECK(t.p_value >= 0 && t.p_value < 1e-100);
        CHECK(!isnan(t.f_stat) && t.f_stat > 1e20);
    }
}

static void test_constant(void)
{
    double x[] = {0, 1, 2, 3}, y[] = {0.1, 0.1, 0.1, 0.1};
    aidstat_trend_t t;
    aidstat_error_t err;
    if (!CHECK_EQ_INT(aidstat_trend_fit(x, y, 4, 1, &t, &err), AIDSTAT_OK))
        return;
    CHECK_EQ_DBL(t.slope, 0.0);
    CHECK_EQ_DBL(t.intercept, 0.1);
    CHECK_EQ_DBL(t.se_slope, 0.0);
    CHECK_EQ_DBL(t.r2, 0.0);
    CHECK_EQ_DBL(t.f_stat, 0.0);
    CHECK_EQ_DBL(t.p_value, 1.0);
    CHECK_EQ_DBL(t.ss_regression, 0.0);
    CHECK_EQ_DBL(t.slope_lo, 0.0);
    CHECK_EQ_DBL(t.slope_hi, 0.0);
}

/* A noisy series, its fit computed here from the textbook sums, and the
 * p-value from the closed-form t distribution with 3 degrees of freedom:
 * P(|T| > t) = 1 - (2/pi) (theta + sin(theta) cos(theta)), theta = atan(t / sqrt(3)). */
static void test_noisy(void)
{
    double x[] = {0, 1, 2, 3, 4};
    double y[] = {2.0, 1.5, 3.5, 2.8, 4.1};
    const int n = 5;
    /* Student t, 0.975 quantile, 3 df, to 22 digits (from the closed-form
     * distribution above, solved in 40-digit arithmetic with mpmath). The
     * often-quoted 3.182446305284263 (R's qt) is 1.7e-13 too high; GSL
     * agrees with the true value to 1e-15. */
    const double t975_df3 = 3.182446305283709592723;

    double sx = 0, sy = 0;
    for (int i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
    }
    double xbar = sx / n, ybar = sy / n, sxx = 0, sxy = 0, syy = 0;
    for (int i = 0; i < n; i++) {
        sxx += (x[i] - xbar) * (x[i] - xbar);
        sxy += (x[i] - xbar) * (y[i] - ybar);
        syy += (y[i] - ybar) * (y[i] - ybar);
    }
    double b = sxy / sxx, a = ybar - b * xbar, sse = 0;
    for (int i = 0; i < n; i++)
        sse += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
    double s2 = sse / (n - 2);
    double se_b = sqrt(s2 / sxx), se_a = sqrt(s2 * (1.0 / n + xbar * xbar / sxx));
    double cov = -xbar * s2 / sxx;
    double tstat = b / se_b, theta = atan(tstat / sqrt(3.0));
    double p = 1 - 2 / M_PI * (theta + sin(theta) * cos(theta));

    /* the series and the closed form agree (the helper checks itself) */
    CHECK_NEAR(t_two_sided_p(tstat, 3), p, 1e-12);
    /* the worked numbers, so a change in the sums above shows too */
    CHECK_NEAR(b, 0.55, 1e-14);
    CHECK_NEAR(a, 1.68, 1e-14);

    aidstat_trend_t t;
    aidstat_error_t err;
    if (!CHECK_EQ_INT(aidstat_trend_fit(x, y, n, 4, &t, &err), AIDSTAT_OK))
        return;
    CHECK_EQ_INT(t.n, 5);
    CHECK_NEAR(t.slope, b, 1e-14);
    CHECK_NEAR(t.intercept, a, 1e-14);
    CHECK_NEAR(t.se_slope, se_b, 1e-13);
    CHECK_NEAR(t.se_intercept, se_a, 1e-13);
    CHECK_NEAR(t.cov_intercept_slope, cov, 1e-13);
    CHECK_NEAR(t.ss_residual, sse, 1e-13);
    CHECK_NEAR(t.ss_regression, syy - sse, 1e-13);
    CHECK_NEAR(t.resid_sd, sqrt(s2), 1e-13);
    CHECK_NEAR(t.r2, 1 - sse / syy, 1e-13);
    CHECK_NEAR(t.f_stat, (syy - sse) / s2, 1e-13);
    CHECK_NEAR(t.f_stat, tstat * tstat, 1e-12); /* F = t^2 with one regressor */
    CHECK_NEAR(t.t_crit, t975_df3, 2e-15);
    CHECK_NEAR(t.t_crit, 3.182446305284263, 5e-13); /* the quoted value, to its own accuracy */
    CHECK_NEAR(t.p_value, p, 1e-10);
    CHECK(t.p_value > 0.01 && t.p_value < 0.2); /* a real, non-degenerate p */
    CHECK_NEAR(t.slope_lo, b - t975_df3 * se_b, 1e-12);
    CHECK_NEAR(t.slope_hi, b + t975_df3 * se_b, 1e-12);
    CHECK_NEAR(t.periods_per_year, 4, 0);
    CHECK_NEAR(t.slope_per_year, 4 * b, 1e-14);
    CHECK_NEAR(t.slope_per_year_lo, 4 * (b - t975_df3 * se_b), 1e-12);
    CHECK_NEAR(t.slope_per_year_hi, 4 * (b + t975_df3 * se_b), 1e-12);

    /* prediction interval, the textbook form:
     * yhat +- t * s * sqrt(1 + 1/n + (x0 - xbar)^2 / Sxx) */
    double x0s[] = {7, 2, -1.5};
    for (int k = 0; k < 3; k++) {
        double x0 = x0s[k], yh, lo, hi;
        double half = t975_df3 * sqrt(s2 * (1 + 1.0 / n + (x0 - xbar) * (x0 - xbar) / sxx));
        aidstat_trend_predict(&t, x0, &yh, &lo, &hi);
        CHECK_NEAR(yh, a + b * x0, 1e-14);
        CHECK_NEAR(lo, a + b * x0 - half, 1e-12);
        CHECK_NEAR(hi, a + b * x0 + half, 1e-12);
    }
    /* outputs may be NULL; a NULL fit gives NaN */
    double yh = 0, lo = 0, hi = 0;
    aidstat_trend_predict(&t, 7, NULL, &lo, NULL);
    CHECK_NEAR(lo, a + 7 * b - t975_df3 * sqrt(s2 * (1 + 0.2 + 25 / sxx)), 1e-12);
    aidstat_trend_predict(NULL, 7, &yh, &lo, &hi);
    CHECK(isnan(yh) && isnan(lo) && isnan(hi));

    /* three points: one degree of freedom */
    if (CHECK_EQ_INT(aidstat_trend_fit(x, y, 3, 1, &t, &err), AIDSTAT_OK))
        CHECK_NEAR(t.t_crit, 12.70620473617470464602, 2e-15); /* = tan(0.475 pi), mpmath */
}

/* Money far from 0 on periods far from 0: the fit and the prediction
 * interval must be those of the same data on x = 0, 1, 2, ... */
static void offset_case(double x0, double at)
{
    double x[12], xc[12], y[12];
    for (int i = 0; i < 12; i++) {
        xc[i] = i;
        x[i] = x0 + i;
        y[i] = 1e9 + 2.5e6 * i + ((i % 3) - 1) * 1e5;
    }
    aidstat_trend_t t, tc;
    aidstat_error_t err;
    if (!CHECK_EQ_INT(aidstat_trend_fit(x, y, 12, 1, &t, &err), AIDSTAT_OK) ||
        !CHECK_EQ_INT(aidstat_trend_fit(xc, y, 12, 1, &tc, &err), AIDSTAT_OK))
        return;
    CHECK_NEAR(t.slope, tc.slope, 1e-12);
    CHECK_NEAR(t.se_slope, tc.se_slope, 1e-10);
    CHECK_NEAR(t.r2, tc.r2, 1e-14);
    CHECK_NEAR(t.intercept + x0 * t.slope, tc.intercept, 1e-12);
    double a, alo, ahi, b, blo, bhi;
    aidstat_trend_predict(&t, x0 + at, &a, &alo, &ahi);
    aidstat_trend_predict(&tc, at, &b, &blo, &bhi);
    CHECK_NEAR(a, b, 1e-12);
    /* se_a^2 + 2 x cov + x^2 se_b^2 computed as written cancels most of
     * its digits here (about 1e-10 at x0 = 24168); the centred form not */
    CHECK_NEAR(ahi - a, bhi - b, 1e-12);
    CHECK_NEAR(a - alo, b - blo, 1e-12);
}

static void test_offset(void)
{
    offset_case(2014, 16);      /* years */
    offset_case(2014 * 12, 16); /* months since year 0 */
}

static void test_trend_errors(void)
{
    double x[] = {0, 1, 2, 3}, y[] = {1, 2, 3, 4};
    aidstat_trend_t t, keep;
    aidstat_error_t err;
    memset(&t, 0x5a, sizeof t);
    keep = t;

    aidstat_error_clear(&err);
    EXPECT_ERR(aidstat_trend_fit(x, y, 2, 1, &t, &err), AIDSTAT_ERR_DATA,
               "a trend needs at least 3 periods (got 2)");
    EXPECT_ERR(aidstat_trend_fit(x, y, 0, 1, &t, &err), AIDSTAT_ERR_DATA,
               "a trend needs at least 3 periods (got 0)");
    double xe[] = {5, 5, 5, 5};
    EXPECT_ERR(aidstat_trend_fit(xe, y, 4, 1, &t, &err), AIDSTAT_ERR_DATA,
               "a trend needs periods that differ");
    double yn[] = {1, 2, NAN, 4};
    EXPECT_ERR(aidstat_trend_fit(x, yn, 4, 1, &t, &err), AIDSTAT_ERR_DATA, "value 3 is not a finite number");
    double xi[] = {0, INFINITY, 2, 3};
    EXPECT_ERR(aidstat_trend_fit(xi, y, 4, 1, &t, &err), AIDSTAT_ERR_DATA, "value 2 is not a finite number");
    double yi[] = {-INFINITY, 2, 3, 4};
    EXPECT_ERR(aidstat_trend_fit(x, yi, 4, 1, &t, &err), AIDSTAT_ERR_DATA, "value 1 is not a finite number");
    /* a NaN x must not pass for "periods that differ" */
    double xn[] = {5, 5, 5, NAN};
    EXPECT_ERR(aidstat_trend_fit(xn, y, 4, 1, &t, &err), AIDSTAT_ERR_DATA, "value 4 is not a finite number");

    CHECK_EQ_INT(aidstat_trend_fit(x, y, 4, 0, &t, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_trend_fit(x, y, 4, -12, &t, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_trend_fit(x, y, 4, NAN, &t, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(aidstat_trend_fit(x, y, 4, 1, NULL, &err), AIDSTAT_ERR_USAGE);
    /* a NULL error record is allowed */
    CHECK_EQ_INT(aidstat_trend_fit(x, y, 2, 1, &t, NULL), AIDSTAT_ERR_DATA);
    /* failed fits leave the result alone */
    CHECK(memcmp(&t, &keep, sizeof t) == 0);
}

/* ----------------------------------------------------------------- growth */

static void test_growth(void)
{
    double x[24], y[24];
    for (int i = 0; i < 24; i++) {
        x[i] = i;
        y[i] = 100 * pow(1.1, i);
    }
    aidstat_growth_t g;
    aidstat_error_t err;
    if (CHECK_EQ_INT(aidstat_growth_fit(x, y, 24, 12, &g, &err), AIDSTAT_OK)) {
        double want = (pow(1.1, 12) - 1) * 100; /* 213.84... % a year */
        CHECK_NEAR(g.rate, want, 1e-9);
        CHECK_NEAR(g.rate, 213.8428376721, 1e-12);
        CHECK_EQ_INT(g.n, 24);
        CHECK_NEAR(g.log_fit.slope, log(1.1), 1e-12);
        CHECK_NEAR(g.log_fit.intercept, log(100), 1e-13);
        CHECK_NEAR(g.r2, 1.0, 1e-14);
        CHECK_EQ_DBL(g.r2, g.log_fit.r2);
        CHECK(g.rate_lo <= g.rate && g.rate <= g.rate_hi);
        CHECK_NEAR(g.rate_lo, want, 1e-9);
        CHECK_NEAR(g.rate_hi, want, 1e-9);
    }

    /* noisy: the interval is the slope's, passed through exp */
    double xn[] = {0, 1, 2, 3, 4, 5};
    double yn[] = {100, 112, 118, 135, 141, 160};
    if (CHECK_EQ_INT(aidstat_growth_fit(xn, yn, 6, 1, &g, &err), AIDSTAT_OK)) {
        CHECK_NEAR(g.rate, (exp(g.log_fit.slope) - 1) * 100, 1e-13);
        CHECK_NEAR(g.rate_lo, (exp(g.log_fit.slope_lo) - 1) * 100, 1e-12);
        CHECK_NEAR(g.rate_hi, (exp(g.log_fit.slope_hi) - 1) * 100, 1e-12);
        CHECK(g.rate_lo < g.rate && g.rate < g.rate_hi);
        CHECK(g.rate > 8 && g.rate < 10);
    }
    /* a shrinking series grows at a negative rate */
    double yd[] = {160, 141, 135, 118, 112, 100};
    if (CHECK_EQ_INT(aidstat_growth_fit(xn, yd, 6, 1, &g, &err), AIDSTAT_OK))
        CHECK(g.rate < -8 && g.rate > -10);

    double y0[] = {100, 120, 0, 140};
    EXPECT_ERR(aidstat_growth_fit(x, y0, 4, 12, &g, &err), AIDSTAT_ERR_DATA,
               "growth needs values above zero (value 3 is 0)");
    double yneg[] = {100, -5, 130, 140};
    EXPECT_ERR(aidstat_growth_fit(x, yneg, 4, 12, &g, &err), AIDSTAT_ERR_DATA,
               "growth needs values above zero (value 2 is -5)");
    double ysmall[] = {100, 0.25, -1e-3};
    EXPECT_ERR(aidstat_growth_fit(x, ysmall, 3, 12, &g, &err), AIDSTAT_ERR_DATA,
               "growth needs values above zero (value 3 is -0.001)");
    EXPECT_ERR(aidstat_growth_fit(x, y, 2, 12, &g, &err), AIDSTAT_ERR_DATA,
               "a trend needs at least 3 periods (got 2)");
    double ynan[] = {100, 120, NAN, 140};
    EXPECT_ERR(aidstat_growth_fit(x, ynan, 4, 12, &g, &err), AIDSTAT_ERR_DATA,
               "value 3 is not a finite number");
    double xe[] = {1, 1, 1};
    EXPECT_ERR(aidstat_growth_fit(xe, y, 3, 12, &g, &err), AIDSTAT_ERR_DATA,
               "a trend needs periods that differ");
    CHECK_EQ_INT(aidstat_growth_fit(x, y, 24, 0, &g, &err), AIDSTAT_ERR_USAGE);
}

static void test_cagr(void)
{
    CHECK_NEAR(aidstat_cagr(100, 121, 2), 0.1, 1e-15);
    CHECK_EQ_DBL(aidstat_cagr(100, 100, 5), 0.0);
    CHECK_EQ_DBL(aidstat_cagr(100, 0, 3), -1.0);
    CHECK_NEAR(aidstat_cagr(100, 50, 1), -0.5, 1e-15);
    CHECK_NEAR(aidstat_cagr(2e9, 2e9 * pow(1.0001, 10), 10), 1e-4, 1e-11);
    /* 21 % in half a year is 1.21^2 - 1 = 46.41 % a year */
    CHECK_NEAR(aidstat_cagr(1, 1.21, 0.5), 0.4641, 1e-13);
    CHECK(isnan(aidstat_cagr(0, 121, 2)));
    CHECK(isnan(aidstat_cagr(-100, 121, 2)));
    CHECK(isnan(aidstat_cagr(100, -1, 2)));
    CHECK(isnan(aidstat_cagr(100, 121, 0)));
    CHECK(isnan(aidstat_cagr(100, 121, -2)));
    CHECK(isnan(aidstat_cagr(NAN, 121, 2)));
    CHECK(isnan(aidstat_cagr(100, NAN, 2)));
    CHECK(isnan(aidstat_cagr(100, 121, NAN)));
    CHECK(isnan(aidstat_cagr(100, INFINITY, 2)));
}

/* ------------------------------------------------------------- transforms */

static void test_cumulative(void)
{
    double in[] = {1, 2, 3, 4}, out[4];
    aidstat_cumulative(in, 4, out);
    CHECK_EQ_DBL(out[0], 1);
    CHECK_EQ_DBL(out[1], 3);
    CHECK_EQ_DBL(out[2], 6);
    CHECK_EQ_DBL(out[3], 10);
    CHECK_EQ_DBL(in[3], 4); /* input untouched */

    /* in place */
    aidstat_cumulative(in, 4, in);
    CHECK_EQ_DBL(in[0], 1);
    CHECK_EQ_DBL(in[1], 3);
    CHECK_EQ_DBL(in[2], 6);
    CHECK_EQ_DBL(in[3], 10);

    /* compensated: a naive running sum ends on 0 here */
    double big[] = {1e16, 1, -1e16, 0.5};
    aidstat_cumulative(big, 4, big);
    CHECK_EQ_DBL(big[2], 1);
    CHECK_EQ_DBL(big[3], 1.5);

    /* ten 0.1s make 1 */
    double tenth[10];
    for (int i = 0; i < 10; i++)
        tenth[i] = 0.1;
    aidstat_cumulative(tenth, 10, tenth);
    CHECK_EQ_DBL(tenth[9], 1.0);

    double nan_in[] = {1, NAN, 2}, nan_out[3];
    aidstat_cumulative(nan_in, 3, nan_out);
    CHECK_EQ_DBL(nan_out[0], 1);
    CHECK(isnan(nan_out[1]) && isnan(nan_out[2]));

    double inf_in[] = {1, INFINITY, 2}, inf_out[3];
    aidstat_cumulative(inf_in, 3, inf_out);
    CHECK(isinf(inf_out[1]) && isinf(inf_out[2]));

    aidstat_cumulative(NULL, 0, NULL); /* nothing to do, nothing touched */
    CHECK(1);
}

static void test_moving_average(void)
{
    double in[] = {1, 2, 3, 4, 5, 6}, out[6];
    aidstat_moving_average(in, 6, 3, out);
    CHECK(isnan(out[0]));
    CHECK(isnan(out[1]));
    CHECK_EQ_DBL(out[2], 2);
    CHECK_EQ_DBL(out[3], 3);
    CHECK_EQ_DBL(out[4], 4);
    CHECK_EQ_DBL(out[5], 5);

    double ma1[6], ma0[6];
    aidstat_moving_average(in, 6, 1, ma1);
    aidstat_moving_average(in, 6, 0, ma0);
    for (int i = 0; i < 6; i++) {
        CHECK_EQ_DBL(ma1[i], in[i]);
        CHECK_EQ_DBL(ma0[i], in[i]);
    }

    /* a window longer than the series: nothing to average */
    double lng[6];
    aidstat_moving_average(in, 6, 7, lng);
    for (int i = 0; i < 6; i++)
        CHECK(isnan(lng[i]));
    /* exactly the series' length: one value */
    aidstat_moving_average(in, 6, 6, lng);
    CHECK(isnan(lng[4]));
    CHECK_EQ_DBL(lng[5], 3.5);

    /* a NaN spoils only the windows that hold it */
    double gap[] = {3, NAN, 6, 9, 12, 15}, g[6];
    aidstat_moving_average(gap, 6, 2, g);
    CHECK(isnan(g[0]) && isnan(g[1]) && isnan(g[2]));
    CHECK_EQ_DBL(g[3], 7.5);
    CHECK_EQ_DBL(g[4], 10.5);
    CHECK_EQ_DBL(g[5], 13.5);

    /* in place */
    double ip[] = {1, 2, 3, 4, 5, 6};
    aidstat_moving_average(ip, 6, 3, ip);
    CHECK(isnan(ip[1]));
    CHECK_EQ_DBL(ip[2], 2);
    CHECK_EQ_DBL(ip[5], 5);
}

static void test_change(void)
{
    double in[] = {0, 10, 15, 0, 5}, abs[5], pct[5];
    aidstat_change(in, 5, 1, abs, pct);
    CHECK(isnan(abs[0]) && isnan(pct[0]));
    CHECK_EQ_DBL(abs[1], 10);
    CHECK(isnan(pct[1])); /* from zero */
    CHECK_EQ_DBL(abs[2], 5);
    CHECK_EQ_DBL(pct[2], 50);
    CHECK_EQ_DBL(abs[3], -15);
    CHECK_EQ_DBL(pct[3], -100);
    CHECK_EQ_DBL(abs[4], 5);
    CHECK(isnan(pct[4])); /* from zero */

    /* from a negative value: percent of its size, so up is positive */
    double neg[] = {-10, -5, -20}, na[3], np[3];
    aidstat_change(neg, 3, 1, na, np);
    CHECK_EQ_DBL(na[1], 5);
    CHECK_EQ_DBL(np[1], 50);
    CHECK_EQ_DBL(na[2], -15);
    CHECK_EQ_DBL(np[2], -300);

    /* year on year on months: lag 12, with zeros in the base year */
    double m[14], ma[14], mp[14];
    for (int i = 0; i < 14; i++)
        m[i] = 10.0 * i;
    m[1] = 100; /* m[0] = 0 */
    aidstat_change(m, 14, 12, ma, mp);
    for (int i = 0; i < 12; i++)
        CHECK(isnan(ma[i]) && isnan(mp[i]));
    CHECK_EQ_DBL(ma[12], 120);
    CHECK(isnan(mp[12]));
    CHECK_EQ_DBL(ma[13], 30);
    CHECK_EQ_DBL(mp[13], 30);

    /* either output may be NULL */
    double only[14];
    aidstat_change(m, 14, 12, NULL, only);
    CHECK_EQ_DBL(only[13], 30);
    aidstat_change(m, 14, 12, only, NULL);
    CHECK_EQ_DBL(only[13], 30);
    CHECK(isnan(only[0]));

    /* a lag as long as the series: no changes at all */
    double none[5];
    aidstat_change(in, 5, 5, none, NULL);
    for (int i = 0; i < 5; i++)
        CHECK(isnan(none[i]));

    /* in place, the input overwritten by the absolute change */
    double ip[] = {100, 110, 99};
    aidstat_change(ip, 3, 1, ip, NULL);
    CHECK(isnan(ip[0]));
    CHECK_EQ_DBL(ip[1], 10);
    CHECK_EQ_DBL(ip[2], -11);
}

/* --------------------------------------------- series of year-only data */

static aidstat_record_t year_record(int year, int month, double value, aidstat_measure_t m, unsigned flags)
{
    aidstat_record_t r = {0};
    r.donor = "A";
    r.iso3 = "";
    r.recipient = "Ukraine";
    r.year = year;
    r.month = month;
    r.type = AIDSTAT_TYPE_MILITARY;
    r.measure = m;
    r.value = value;
    r.currency = "TIV";
    r.source = "";
    r.release = "";
    r.file = "t.csv";
    r.line = year - 2000;
    r.flags = flags;
    return r;
}

/* Orders 2019 (unknown size, 0), 2020 (1), 2022 (4), 2021 quiet: with no
 * interval asked, yearly, 2019-2022, and notes coded as data. */
static aidstat_series_t *year_series(aidstat_interval_t iv, aidstat_error_t *err, aidstat_status_t *st)
{
    aidstat_series_options_t so;
    aidstat_series_options_init(&so);
    CHECK_EQ_INT(so.interval, AIDSTAT_INTERVAL_AUTO);
    so.interval = iv;
    aidstat_series_t *s = aidstat_series_new(&so, err);
    aidstat_record_t recs[] = {
        year_record(2019, 0, 0, AIDSTAT_MEASURE_COMMITMENT, AIDSTAT_RECORD_SIZE_UNKNOWN),
        year_record(2020, 0, 1e6, AIDSTAT_MEASURE_COMMITMENT, 0),
        year_record(2022, 0, 4e6, AIDSTAT_MEASURE_COMMITMENT, 0),
    };
    for (size_t i = 0; i < G_N_ELEMENTS(recs); i++)
        aidstat_series_add(&recs[i], s);
    *st = aidstat_series_finish(s, err);
    return s;
}

static void test_year_only_series(void)
{
    aidstat_error_t err;
    aidstat_status_t st;
    aidstat_series_t *s = year_series(AIDSTAT_INTERVAL_AUTO, &err, &st);
    if (CHECK_EQ_INT(st, AIDSTAT_OK)) {
        CHECK_EQ_INT(aidstat_series_interval(s), AIDSTAT_INTERVAL_YEAR);
        CHECK_EQ_INT(aidstat_series_length(s), 4);
        const double *v = aidstat_series_values(s, 0);
        CHECK_EQ_DBL(v[0], 0);
        CHECK_EQ_DBL(v[1], 1e6);
        CHECK_EQ_DBL(v[2], 0);
        CHECK_EQ_DBL(v[3], 4e6);
        size_t coded = 0, yearly = 0;
        for (size_t i = 0; i < aidstat_series_note_count(s); i++) {
            if (aidstat_series_note_code(s, i) == AIDSTAT_NOTE_SIZE_UNKNOWN) {
                coded++;
                CHECK_EQ_INT(aidstat_series_note_count_param(s, i, 0), 1);
                CHECK_EQ_STR(aidstat_series_note_subject(s, i), "TIV");
                CHECK_EQ_STR(aidstat_series_note(s, i),
                             "1 order of unknown size is counted as 0 TIV in the orders: the source "
                             "values an order at 0 when the number ordered is not known");
            } else {
                CHECK_EQ_INT(aidstat_series_note_code(s, i), AIDSTAT_NOTE_TEXT);
                yearly += strcmp(aidstat_series_note(s, i),
                                 "the data are dated by year only, so the series is yearly") == 0;
            }
        }
        CHECK_EQ_INT(coded, 1);
        CHECK_EQ_INT(yearly, 1);
    }
    aidstat_series_free(s);
    /* a monthly series of them is refused, naming the option */
    s = year_series(AIDSTAT_INTERVAL_MONTH, &err, &st);
    EXPECT_ERR(st, AIDSTAT_ERR_DATA,
               "the selection's records are dated by year only, so they make no monthly series; "
               "use interval=year");
    aidstat_series_free(s);
}

int main(void)
{
    test_norris();
    test_exact_line();
    test_constant();
    test_noisy();
    test_offset();
    test_trend_errors();
    test_growth();
    test_cagr();
    test_cumulative();
    test_moving_average();
    test_change();
    test_year_only_series();
    return testlib_done("test-trend");
}
