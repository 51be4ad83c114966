/* Unit tests for the chart and render layers' pure parts: nice-tick scales
 * (chart/scale.c), number formatting (render/numfmt.c), colours
 * (render/theme.c), output types (render/surface.c), and the value labels
 * and text description of a chart built from a tiny in-memory dataset
 * (chart/chart.c). Every expected value is worked out by hand in the
 * comment next to it, from the rule the header states, never copied from
 * a run. */
#include "config.h"
#include "aidstat.h"
#include "chart/chart.h"
#include "chart/scale.h"
#include "render/render.h"
#include "testlib.h"

#include <stdlib.h>

#define MINUS "\xe2\x88\x92" /* U+2212 MINUS SIGN */

/* ------------------------------------------------------------ nice scales */

/* The scale is what the hand calculation says: domain, step, tick count. */
/* The public parsers as "value or -1", checking that a failure leaves *out alone. */
static int chart_kind_of(const char *s)
{
    aidstat_chart_kind_t v = (aidstat_chart_kind_t)77;
    if (aidstat_chart_kind_parse(s, &v) != AIDSTAT_OK)
        return (int)v == 77 ? -1 : -2;
    return (int)v;
}

static void expect_scale(double lo, double hi, size_t max, double elo, double ehi, double estep,
                         size_t enticks, int line)
{
    aid_scale_t s;
    aid_scale_nice(&s, lo, hi, max);
    testlib_near(s.step, estep, 1e-12, __FILE__, line, "step", "expected step");
    testlib_near(s.lo, elo, 1e-12, __FILE__, line, "lo", "expected lo");
    testlib_near(s.hi, ehi, 1e-12, __FILE__, line, "hi", "expected hi");
    testlib_near(s.first, elo, 1e-12, __FILE__, line, "first", "expected lo");
    testlib_eq_int((long long)s.nticks, (long long)enticks, __FILE__, line, "nticks", "expected nticks");
    testlib_check(!s.log, __FILE__, line, "!s.log");
}
#define EXPECT_SCALE(lo, hi, max, elo, ehi, estep, en)                                                       \
    expect_scale((lo), (hi), (max), (elo), (ehi), (estep), (en), __LINE__)

/* Whether step is 1, 2, 2.5 or 5 times a power of ten. */
static bool nice_step(double step)
{
    if (!(step > 0) || !isfinite(step))
        return false;
    double mag = pow(10, floor(log10(step)));
    double m = step / mag;
    static const double ladder[] = {1, 2, 2.5, 5, 10};
    for (size_t i = 0; i < sizeof ladder / sizeof ladder[0]; i++)
        if (fabs(m - ladder[i]) < 1e-9)
            return true;
    return false;
}

/* The header's contract, for any range: nice step, the domain covers
 * lo..hi and starts and ends on a tick, at most max_ticks ticks. */
static void expect_contract(double lo, double hi, size_t max, int line)
{
    aid_scale_t s;
    aid_scale_nice(&s, lo, hi, max);
    char what[160];
    snprintf(what, sizeof what, "scale(%.17g, %.17g, %zu): step %.17g, %.17g..%.17g, %zu ticks", lo, hi, max,
             s.step, s.lo, s.hi, s.nticks);
    testlib_check(nice_step(s.step), __FILE__, line, what);
    testlib_check(s.lo <= lo + 1e-9 * s.step && s.hi >= hi - 1e-9 * s.step, __FILE__, line, what);
    testlib_check(s.nticks >= 2 && s.nticks <= (max < 2 ? 2 : max), __FILE__, line, what);
    testlib_near(aid_scale_tick(&s, s.nticks - 1), s.hi, 1e-9, __FILE__, line, "last tick", "hi");
}
#define EXPECT_CONTRACT(lo, hi, max) expect_contract((lo), (hi), (max), __LINE__)

static void test_scale_nice(void)
{
    /* The rule: raw = (hi - lo) / (max - 1); the step is the first of
     * 1, 2, 2.5, 5, 10 x 10^floor(log10 raw) that is >= raw; the domain is
     * lo and hi rounded outwards to multiples of the step. */

    /* 0..115e9, 6 ticks: raw 23e9, magnitude 1e10; 10e9 and 20e9 are too
     * small, 25e9 fits. hi: ceil(115 / 25) = 5 steps -> 125e9; 6 ticks */
    EXPECT_SCALE(0, 115e9, 6, 0, 125e9, 25e9, 6);
    /* 0..0.37, 6 ticks: raw 0.074, magnitude 0.01; 0.01, 0.02, 0.025 and
     * 0.05 are too small, so the step is the next decade, 0.1.
     * hi: ceil(3.7) = 4 steps -> 0.4; 5 ticks */
    EXPECT_SCALE(0, 0.37, 6, 0, 0.4, 0.1, 5);
    /* the same range with 10 ticks: raw 0.0411; 0.05 fits; ceil(7.4) = 8
     * steps -> 0.4; 9 ticks */
    EXPECT_SCALE(0, 0.37, 10, 0, 0.4, 0.05, 9);
    /* raw exactly on a rung takes that rung: 0..100 / 5 = 20; 0..1 / 5 =
     * 0.2; 0..12.5 / 5 = 2.5; 0..50 / 5 = 10 (magnitude 10, times 1) */
    EXPECT_SCALE(0, 100, 6, 0, 100, 20, 6);
    EXPECT_SCALE(0, 1, 6, 0, 1, 0.2, 6);
    EXPECT_SCALE(0, 12.5, 6, 0, 12.5, 2.5, 6);
    EXPECT_SCALE(0, 50, 6, 0, 50, 10, 6);
    /* just above a rung takes the next: 12.6 / 5 = 2.52 -> 5, hi 15, 4
     * ticks; 51 / 5 = 10.2 -> 20, hi 60, 4 ticks */
    EXPECT_SCALE(0, 12.6, 6, 0, 15, 5, 4);
    EXPECT_SCALE(0, 51, 6, 0, 60, 20, 4);
    /* lo rounds down: 3..97: raw 18.8 -> 20; floor(0.15) = 0, ceil(4.85)
     * = 5 -> 0..100, 6 ticks */
    EXPECT_SCALE(3, 97, 6, 0, 100, 20, 6);
    /* 0.3 / 3 is 0.09999999999999999 in binary: still a step of 0.1 (the
     * rung 1 x 0.1 or the decade above 0.01), domain 0..0.3, 4 ticks */
    EXPECT_SCALE(0, 0.3, 4, 0, 0.3, 0.1, 4);

    /* negative ranges: -37..0: raw 7.4 -> 10; floor(-3.7) = -4 -> -40; 5
     * ticks */
    EXPECT_SCALE(-37, 0, 6, -40, 0, 10, 5);
    /* -120e6..45e6: raw 33e6, magnitude 1e7; 10, 20, 25e6 too small -> 50e6;
     * floor(-2.4) = -3 -> -150e6, ceil(0.9) = 1 -> 50e6; 5 ticks */
    EXPECT_SCALE(-120e6, 45e6, 6, -150e6, 50e6, 50e6, 5);
    /* all negative: -95..-5: raw 18 -> 20; floor(-4.75) = -5 -> -100,
     * ceil(-0.25) = 0 -> 0; 6 ticks */
    EXPECT_SCALE(-95, -5, 6, -100, 0, 20, 6);

    /* lo == hi: the range is widened by half the value away from zero
     * (by 1 at zero), then made nice.
     * 0: 0..1, raw 0.2 -> 0.2, 6 ticks */
    EXPECT_SCALE(0, 0, 6, 0, 1, 0.2, 6);
    /* 5: 5..7.5, raw 0.5 -> 0.5, 6 ticks */
    EXPECT_SCALE(5, 5, 6, 5, 7.5, 0.5, 6);
    /* -5: -7.5..-5, the mirror image */
    EXPECT_SCALE(-5, -5, 6, -7.5, -5, 0.5, 6);
    /* 1e9: 1e9..1.5e9, raw 1e8 -> 1e8, 6 ticks */
    EXPECT_SCALE(1e9, 1e9, 6, 1e9, 1.5e9, 1e8, 6);

    /* fewer than 2 ticks asked: 2. 0..7 with 2: raw 7 -> 10, 0..10 */
    EXPECT_SCALE(0, 7, 1, 0, 10, 10, 2);
    EXPECT_SCALE(0, 7, 0, 0, 10, 10, 2);

    /* ticks are multiplied out, not accumulated: the fourth tick of
     * 0..0.4 by 0.1 is 0.3 (to the last bit but one) */
    aid_scale_t s;
    aid_scale_nice(&s, 0, 0.37, 6);
    CHECK_NEAR(aid_scale_tick(&s, 3), 0.3, 1e-15);
    aid_scale_nice(&s, 0, 115e9, 6);
    CHECK_EQ_DBL(aid_scale_tick(&s, 0), 0);
    CHECK_EQ_DBL(aid_scale_tick(&s, 2), 50e9);
    CHECK_EQ_DBL(aid_scale_tick(&s, 5), 125e9);
    /* mapping: 25e9 of 0..125e9 onto 0..500 is 100; onto a reversed
     * (vertical) range 300..20 it is 300 - 0.2 * 280 = 244 */
    CHECK_NEAR(aid_scale_map(&s, 25e9, 0, 500), 100, 1e-12);
    CHECK_NEAR(aid_scale_map(&s, 125e9, 0, 500), 500, 1e-12);
    CHECK_NEAR(aid_scale_map(&s, 25e9, 300, 20), 244, 1e-12);

    /* "at most max_ticks": a range that straddles zero must not get one
     * tick more. -5..95 with 6: a step of 20 needs -20..100, 7 ticks; 25
     * (-25..100, 6 ticks) is the smallest nice step that keeps the promise.
     * The same happens to a ranked bar chart of to-be-allocated amounts
     * (Ireland -0.12e9 .. EU 106.3e9: step 25e9 gives -25e9..125e9, 7). */
    EXPECT_CONTRACT(-5, 95, 6);
    EXPECT_CONTRACT(-0.12e9, 106.3e9, 6);
    EXPECT_CONTRACT(-0.1, 10.1, 6);

    /* the contract over random ranges (fixed seed, so it repeats) */
    unsigned long long seed = 20260425;
    long bad = 0;
    for (int i = 0; i < 2000; i++) {
        double e = pow(10, (double)testlib_below(&seed, 13) - 3);
        double a = (double)testlib_below(&seed, 100000) / 1000.0 * e;
        double b = (double)testlib_below(&seed, 100000) / 1000.0 * e;
        double lo = testlib_below(&seed, 3) == 0 ? -a : 0;
        double hi = testlib_below(&seed, 4) == 0 ? -b * 0.01 : b;
        if (hi < lo) {
            double t = hi;
            hi = lo;
            lo = t;
        }
        size_t max = 3 + testlib_below(&seed, 6);
        aid_scale_t r;
        aid_scale_nice(&r, lo, hi, max);
        bool ok = nice_step(r.step) && r.lo <= lo + 1e-9 * r.step && r.hi >= hi - 1e-9 * r.step &&
                  r.nticks >= 2 && r.nticks <= max;
        if (!ok && bad++ < 5)
            fprintf(stderr, "  scale(%.17g, %.17g, %zu): step %.17g, %.17g..%.17g, %zu ticks\n", lo, hi, max,
                    r.step, r.lo, r.hi, r.nticks);
    }
    if (bad)
        fprintf(stderr, "  %ld of 2000 random ranges break the scale's contract\n", bad);
    CHECK_EQ_INT(bad, 0);

    /* a log scale left behind is reset */
    aid_scale_log(&s, 1, 100);
    aid_scale_nice(&s, 0, 1, 6);
    CHECK(!s.log);
}

static void test_scale_log(void)
{
    aid_scale_t s;
    /* 3..4000: decades floor(log10 3) = 0 to ceil(log10 4000) = 4: 1..1e4,
     * ticks 1, 10, 100, 1000, 10000 */
    aid_scale_log(&s, 3, 4000);
    CHECK(s.log);
    CHECK_EQ_DBL(s.lo, 1);
    CHECK_EQ_DBL(s.hi, 1e4);
    CHECK_EQ_DBL(s.first, 1);
    CHECK_EQ_DBL(s.step, 10);
    CHECK_EQ_INT(s.nticks, 5);
    CHECK_NEAR(aid_scale_tick(&s, 2), 100, 1e-15);
    CHECK_NEAR(aid_scale_tick(&s, 4), 1e4, 1e-15);
    /* 100 is half-way (in logs) between 1 and 1e4 */
    CHECK_NEAR(aid_scale_map(&s, 100, 0, 400), 200, 1e-12);
    CHECK_NEAR(aid_scale_map(&s, 1e4, 0, 400), 400, 1e-12);
    CHECK_NEAR(aid_scale_map(&s, 1, 0, 400), 0, 1e-12);
    /* exact decades stay: 10..100 is one decade, 2 ticks */
    aid_scale_log(&s, 10, 100);
    CHECK_EQ_DBL(s.lo, 10);
    CHECK_EQ_DBL(s.hi, 100);
    CHECK_EQ_INT(s.nticks, 2);
    aid_scale_log(&s, 1000, 1e6);
    CHECK_EQ_DBL(s.lo, 1000);
    CHECK_EQ_DBL(s.hi, 1e6);
    CHECK_EQ_INT(s.nticks, 4);
    /* below 1: 0.05..0.5 -> decades -2..0: 0.01..1, 3 ticks */
    aid_scale_log(&s, 0.05, 0.5);
    CHECK_NEAR(s.lo, 0.01, 1e-15);
    CHECK_EQ_DBL(s.hi, 1);
    CHECK_EQ_INT(s.nticks, 3);
    /* one value: at least one decade. 50 -> 10..100; 100 (a decade
     * itself) -> 100..1000 */
    aid_scale_log(&s, 50, 50);
    CHECK_EQ_DBL(s.lo, 10);
    CHECK_EQ_DBL(s.hi, 100);
    CHECK_EQ_INT(s.nticks, 2);
    aid_scale_log(&s, 100, 100);
    CHECK_EQ_DBL(s.lo, 100);
    CHECK_EQ_DBL(s.hi, 1000);
    CHECK_EQ_INT(s.nticks, 2);
}

static void test_decimals_for_step(void)
{
    /* as many decimals as the step needs to tell ticks apart */
    CHECK_EQ_INT(aid_decimals_for_step(25), 0);
    CHECK_EQ_INT(aid_decimals_for_step(1), 0);
    CHECK_EQ_INT(aid_decimals_for_step(100), 0);
    CHECK_EQ_INT(aid_decimals_for_step(25e9), 0);
    CHECK_EQ_INT(aid_decimals_for_step(2.5), 1);
    CHECK_EQ_INT(aid_decimals_for_step(0.5), 1);
    CHECK_EQ_INT(aid_decimals_for_step(0.1), 1);
    CHECK_EQ_INT(aid_decimals_for_step(0.2), 1);
    CHECK_EQ_INT(aid_decimals_for_step(0.25), 2);
    CHECK_EQ_INT(aid_decimals_for_step(0.05), 2);
    CHECK_EQ_INT(aid_decimals_for_step(0.025), 3);
    CHECK_EQ_INT(aid_decimals_for_step(0.001), 3);
    /* a step computed in binary: 1e8 shown in billions is not exactly 0.1 */
    CHECK_EQ_INT(aid_decimals_for_step(1e8 / 1e9), 1);
    CHECK_EQ_INT(aid_decimals_for_step(25e6 / 1e9), 3);
    CHECK_EQ_INT(aid_decimals_for_step(0.1 * 3), 1);
    /* capped at 6 (1e-7 would need 7) */
    CHECK_EQ_INT(aid_decimals_for_step(1e-7), 6);
    CHECK_EQ_INT(aid_decimals_for_step(1.0 / 3.0), 6);
    /* nonsense steps: no decimals */
    CHECK_EQ_INT(aid_decimals_for_step(0), 0);
    CHECK_EQ_INT(aid_decimals_for_step(-1), 0);
    CHECK_EQ_INT(aid_decimals_for_step(NAN), 0);
    CHECK_EQ_INT(aid_decimals_for_step(INFINITY), 0);
}

/* -------------------------------------------------------------- numbers */

static void test_num(void)
{
    char b[64];
    CHECK_EQ_STR(aid_num(0, 0, AID_LOCALE_EN, b, sizeof b), "0");
    CHECK_EQ_STR(aid_num(12, 0, AID_LOCALE_EN, b, sizeof b), "12");
    CHECK_EQ_STR(aid_num(999, 0, AID_LOCALE_EN, b, sizeof b), "999");
    CHECK_EQ_STR(aid_num(1000, 0, AID_LOCALE_EN, b, sizeof b), "1,000");
    CHECK_EQ_STR(aid_num(1234.5, 1, AID_LOCALE_EN, b, sizeof b), "1,234.5");
    CHECK_EQ_STR(aid_num(1234.5, 1, AID_LOCALE_DE, b, sizeof b), "1.234,5");
    CHECK_EQ_STR(aid_num(1234567.891, 2, AID_LOCALE_EN, b, sizeof b), "1,234,567.89");
    CHECK_EQ_STR(aid_num(1234567.891, 2, AID_LOCALE_DE, b, sizeof b), "1.234.567,89");
    CHECK_EQ_STR(aid_num(123456, 0, AID_LOCALE_EN, b, sizeof b), "123,456");
    CHECK_EQ_STR(aid_num(0.37, 2, AID_LOCALE_DE, b, sizeof b), "0,37");
    CHECK_EQ_STR(aid_num(3.3, 1, AID_LOCALE_EN, b, sizeof b), "3.3");
    /* grouping after rounding: 999.96 -> 1000.0 */
    CHECK_EQ_STR(aid_num(999.96, 1, AID_LOCALE_EN, b, sizeof b), "1,000.0");
    /* negative numbers carry U+2212, not a hyphen */
    CHECK_EQ_STR(aid_num(-1234.5, 1, AID_LOCALE_EN, b, sizeof b), MINUS "1,234.5");
    CHECK_EQ_STR(aid_num(-1234.5, 1, AID_LOCALE_DE, b, sizeof b), MINUS "1.234,5");
    CHECK_EQ_STR(aid_num(-1000000, 0, AID_LOCALE_DE, b, sizeof b), MINUS "1.000.000");
    CHECK_EQ_STR(aid_num(-0.12, 2, AID_LOCALE_EN, b, sizeof b), MINUS "0.12");
    CHECK_EQ_STR(aid_num(-7, 0, AID_LOCALE_EN, b, sizeof b), MINUS "7");
    /* what rounds to zero has no sign: -0.04 at one decimal is 0.0 */
    CHECK_EQ_STR(aid_num(-0.04, 1, AID_LOCALE_EN, b, sizeof b), "0.0");
    CHECK_EQ_STR(aid_num(-0.4, 0, AID_LOCALE_EN, b, sizeof b), "0");
    CHECK(strchr(b, '-') == NULL);
    /* a short buffer is never overrun and always terminated */
    char small[8];
    memset(small, 'x', sizeof small);
    aid_num(-123456789.5, 1, AID_LOCALE_EN, small, 6);
    CHECK(memchr(small, '\0', 6) != NULL);
    CHECK_EQ_INT(small[6], 'x');
}

static void test_money(void)
{
    char b[64];
    /* English: symbol first, then the number and the scale word */
    CHECK_EQ_STR(aid_money(1.2e9, "EUR", 1e9, 1, AID_LOCALE_EN, b, sizeof b), "€1.2 bn");
    CHECK_EQ_STR(aid_money(115.38e9, "EUR", 1e9, 0, AID_LOCALE_EN, b, sizeof b), "€115 bn");
    CHECK_EQ_STR(aid_money(450e6, "EUR", 1e6, 0, AID_LOCALE_EN, b, sizeof b), "€450 m");
    CHECK_EQ_STR(aid_money(3.3e9, "USD", 1e9, 1, AID_LOCALE_EN, b, sizeof b), "$3.3 bn");
    CHECK_EQ_STR(aid_money(2.25e9, "GBP", 1e9, 2, AID_LOCALE_EN, b, sizeof b), "£2.25 bn");
    CHECK_EQ_STR(aid_money(12.5e3, "EUR", 1e3, 1, AID_LOCALE_EN, b, sizeof b), "€12.5 k");
    CHECK_EQ_STR(aid_money(1234, "EUR", 1, 0, AID_LOCALE_EN, b, sizeof b), "€1,234");
    CHECK_EQ_STR(aid_money(1234, "EUR", 0, 0, AID_LOCALE_EN, b, sizeof b), "€1,234");
    /* no currency: the number and the word, "450 m" */
    CHECK_EQ_STR(aid_money(450e6, NULL, 1e6, 0, AID_LOCALE_EN, b, sizeof b), "450 m");
    /* a currency without a symbol is written as its code, apart */
    CHECK_EQ_STR(aid_money(1.2e9, "CHF", 1e9, 1, AID_LOCALE_EN, b, sizeof b), "CHF 1.2 bn");
    /* German: number, scale word, symbol last */
    CHECK_EQ_STR(aid_money(1.2e9, "EUR", 1e9, 1, AID_LOCALE_DE, b, sizeof b), "1,2 Mrd. €");
    CHECK_EQ_STR(aid_money(450e6, "EUR", 1e6, 0, AID_LOCALE_DE, b, sizeof b), "450 Mio. €");
    CHECK_EQ_STR(aid_money(12.5e3, "EUR", 1e3, 1, AID_LOCALE_DE, b, sizeof b), "12,5 Tsd. €");
    CHECK_EQ_STR(aid_money(1234, "EUR", 1, 0, AID_LOCALE_DE, b, sizeof b), "1.234 €");
    CHECK_EQ_STR(aid_money(1.2e9, "CHF", 1e9, 1, AID_LOCALE_DE, b, sizeof b), "1,2 Mrd. CHF");
    CHECK_EQ_STR(aid_money(1234.5e9, "EUR", 1e9, 1, AID_LOCALE_DE, b, sizeof b), "1.234,5 Mrd. €");
    /* negative amounts: the minus sign (U+2212) before the symbol */
    CHECK_EQ_STR(aid_money(-1.2e9, "EUR", 1e9, 1, AID_LOCALE_EN, b, sizeof b), MINUS "€1.2 bn");
    CHECK_EQ_STR(aid_money(-0.12e9, "EUR", 1e9, 2, AID_LOCALE_EN, b, sizeof b), MINUS "€0.12 bn");
    CHECK_EQ_STR(aid_money(-450e6, NULL, 1e6, 0, AID_LOCALE_EN, b, sizeof b), MINUS "450 m");
    CHECK_EQ_STR(aid_money(-1.2e9, "EUR", 1e9, 1, AID_LOCALE_DE, b, sizeof b), MINUS "1,2 Mrd. €");
    CHECK_EQ_STR(aid_money(-450e6, "EUR", 1e6, 0, AID_LOCALE_DE, b, sizeof b), MINUS "450 Mio. €");
    /* rounded to zero: no sign */
    CHECK_EQ_STR(aid_money(-0.004e9, "EUR", 1e9, 1, AID_LOCALE_EN, b, sizeof b), "€0.0 bn");
    /* scale words */
    CHECK_EQ_STR(aid_scale_word(1e9, AID_LOCALE_EN), "bn");
    CHECK_EQ_STR(aid_scale_word(1e9, AID_LOCALE_DE), "Mrd.");
    CHECK_EQ_STR(aid_scale_word(1e6, AID_LOCALE_EN), "m");
    CHECK_EQ_STR(aid_scale_word(1e6, AID_LOCALE_DE), "Mio.");
    CHECK_EQ_STR(aid_scale_word(1e3, AID_LOCALE_EN), "k");
    CHECK_EQ_STR(aid_scale_word(1e3, AID_LOCALE_DE), "Tsd.");
    CHECK_EQ_STR(aid_scale_word(1, AID_LOCALE_EN), "");
    CHECK_EQ_STR(aid_scale_word(1, AID_LOCALE_DE), "");
}

/* -------------------------------------------------------------- colours */

static void test_rgb(void)
{
    aid_rgb_t c;
    if (CHECK(aid_rgb_parse("#0072B2", &c))) {
        CHECK_EQ_DBL(c.r, 0);
        CHECK_NEAR(c.g, 0x72 / 255.0, 1e-15);
        CHECK_NEAR(c.b, 0xB2 / 255.0, 1e-15);
    }
    if (CHECK(aid_rgb_parse("#e69f00", &c))) {
        CHECK_NEAR(c.r, 0xE6 / 255.0, 1e-15);
        CHECK_NEAR(c.g, 0x9F / 255.0, 1e-15);
        CHECK_EQ_DBL(c.b, 0);
    }
    if (CHECK(aid_rgb_parse("#FFFFFF", &c)))
        CHECK(c.r == 1 && c.g == 1 && c.b == 1);
    if (CHECK(aid_rgb_parse("#000000", &c)))
        CHECK(c.r == 0 && c.g == 0 && c.b == 0);
    /* #RGB doubles each digit: #F0A is #FF00AA */
    if (CHECK(aid_rgb_parse("#F0A", &c))) {
        CHECK_NEAR(c.r, 1, 1e-15);
        CHECK_EQ_DBL(c.g, 0);
        CHECK_NEAR(c.b, 0xAA / 255.0, 1e-15);
    }
    if (CHECK(aid_rgb_parse("#fff", &c)))
        CHECK(c.r == 1 && c.g == 1 && c.b == 1);
    /* not colours: no '#', wrong lengths, non-hex digits, trailing text */
    static const char *const bad[] = {
        "",
        "#",
        "0072B2",
        "#0072B",
        "#0072B20",
        "#0072B2 ",
        "#GGGGGG",
        "#12345G",
        "#12",
        "#1234",
        "#12G",
        "red",
        "##0072B",
        "#0072B2X",
        /* what sscanf's %x would also take: signs, spaces and a 0x prefix
         * are not hex digits */
        "#-12345",
        "#+12345",
        "# 12345",
        "#0x1234",
        "#-12",
        "# ab",
        "#0x1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        aid_rgb_t keep = {0.25, 0.5, 0.75};
        bool ok = aid_rgb_parse(bad[i], &keep);
        if (ok)
            fprintf(stderr, "  aid_rgb_parse(\"%s\") accepted\n", bad[i]);
        CHECK(!ok);
    }
    CHECK(!aid_rgb_parse(NULL, &c));
    /* themes */
    const aid_theme_t *t = aid_theme_find("default");
    if (CHECK(t != NULL)) {
        CHECK_EQ_INT(t->npalette, 8);
        /* Okabe-Ito blue first */
        CHECK_EQ_DBL(t->palette[0].r, 0);
        CHECK_NEAR(t->palette[0].b, 0xB2 / 255.0, 1e-15);
    }
    CHECK(aid_theme_find(NULL) == t);
    const aid_theme_t *p = aid_theme_find("print");
    if (CHECK(p != NULL))
        for (size_t i = 0; i < p->npalette; i++)
            CHECK(p->palette[i].r == p->palette[i].g && p->palette[i].g == p->palette[i].b);
    CHECK(aid_theme_find("neon") == NULL);
}

/* --------------------------------------------------------- output types */

static void test_out_from_path(void)
{
    aid_out_t o;
    o = AID_OUT_PNG;
    CHECK(aid_out_from_path("chart.pdf", &o) && o == AID_OUT_PDF);
    CHECK(aid_out_from_path("chart.svg", &o) && o == AID_OUT_SVG);
    CHECK(aid_out_from_path("chart.png", &o) && o == AID_OUT_PNG);
    CHECK(aid_out_from_path("chart.ps", &o) && o == AID_OUT_PS);
    CHECK(aid_out_from_path("chart.eps", &o) && o == AID_OUT_EPS);
    /* case does not matter */
    CHECK(aid_out_from_path("CHART.PDF", &o) && o == AID_OUT_PDF);
    CHECK(aid_out_from_path("Chart.PnG", &o) && o == AID_OUT_PNG);
    CHECK(aid_out_from_path("c.EPS", &o) && o == AID_OUT_EPS);
    /* the last dot counts, and only in the file name */
    CHECK(aid_out_from_path("/tmp/out.v2/chart.svg", &o) && o == AID_OUT_SVG);
    CHECK(aid_out_from_path("a.pdf.png", &o) && o == AID_OUT_PNG);
    CHECK(aid_out_from_path("./chart.pdf", &o) && o == AID_OUT_PDF);
    static const char *const bad[] = {
        "chart",      "chart.txt",     "chart.pdf.tmp", "chart.",     "chart.pd", "chart.pdfx",
        "chart.jpeg", "dir.pdf/chart", "out.v2/chart",  "chart.pdf ", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        aid_out_t keep = AID_OUT_EPS;
        bool ok = aid_out_from_path(bad[i], &keep);
        if (ok)
            fprintf(stderr, "  aid_out_from_path(\"%s\") accepted\n", bad[i]);
        CHECK(!ok);
    }
}

/* ------------------------------------------------- charts from tiny data */

#define HEADER "donor,iso3,recipient,year,month,type,measure,value,currency\n"

static aidstat_result_t *compare_csv(const char *csv, aidstat_key_t k0, aidstat_key_t k1,
                                     const aidstat_filter_t *filter)
{
    aidstat_error_t err;
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = k0;
    opt.by[1] = k1;
    opt.filter = filter;
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    if (!CHECK(c != NULL))
        return NULL;
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_result_t *r = NULL;
    if (CHECK_EQ_INT(
            aidstat_load_memory("tiny.csv", csv, strlen(csv), NULL, aidstat_compare_add, c, rep, &err),
            AIDSTAT_OK)) {
        aidstat_compare_add_load_report(c, rep);
        r = aidstat_compare_finish(c, &err);
        if (!r)
            fprintf(stderr, "  compare: %s\n", err.message);
    }
    aidstat_load_report_free(rep);
    aidstat_compare_free(c);
    return r;
}

static void test_chart_values(void)
{
    /* military allocations of five made-up donors, in euros */
    const char *csv = HEADER "A,AAA,Ukraine,2023,1,military,allocation,115380650000,EUR\n"
                             "B,BBB,Ukraine,2023,2,military,allocation,84400000000,EUR\n"
                             "C,CCC,Ukraine,2023,3,military,allocation,9960000000,EUR\n"
                             "D,DDD,Ukraine,2023,3,military,allocation,890000000,EUR\n"
                             "E,EEE,Ukraine,2023,3,military,allocation,99960000000,EUR\n";
    aidstat_result_t *r = compare_csv(csv, AIDSTAT_KEY_DONOR, AIDSTAT_KEY_NONE, NULL);
    if (!r)
        return;
    aidstat_chart_options_t opt;
    aidstat_chart_options_init(&opt);
    opt.kind = AIDSTAT_CHART_BAR;
    aidstat_error_t err;
    aidstat_chart_t *c = aidstat_chart_from_result(r, &opt, &err);
    if (CHECK(c != NULL)) {
        /* the largest value is 115e9: shown in billions of euros */
        CHECK_EQ_DBL(c->scale, 1e9);
        CHECK_EQ_STR(c->unit_label, "€ billion");
        CHECK_EQ_STR(aidstat_chart_title(c), "Military aid allocations by donor");
        CHECK_EQ_STR(c->subtitle, "Military aid allocations, € billion, nominal, Jan 2023 – Mar 2023");
        char b[64];
        /* label rules: >= 100 shown with 0 decimals, >= 1 with 1, below
         * 1 with 2 */
        CHECK_EQ_STR(aid_chart_value(c, 115.38065e9, -1, b, sizeof b), "€115 bn");
        CHECK_EQ_STR(aid_chart_value(c, 84.4e9, -1, b, sizeof b), "€84.4 bn");
        CHECK_EQ_STR(aid_chart_value(c, 3.6e9, -1, b, sizeof b), "€3.6 bn");
        CHECK_EQ_STR(aid_chart_value(c, 0.89e9, -1, b, sizeof b), "€0.89 bn");
        CHECK_EQ_STR(aid_chart_value(c, -0.12e9, -1, b, sizeof b), MINUS "€0.12 bn");
        CHECK_EQ_STR(aid_chart_value(c, 0.89e9, 0, b, sizeof b), "€1 bn");
        CHECK_EQ_STR(aid_chart_value(c, NAN, -1, b, sizeof b), "n/a");
        /* the rule applies to the number as shown: 9.96 bn rounds to 10.0
         * (1 decimal either way), and 99.96 bn rounds to 100, which is
         * shown with 0 decimals like any value of 100 or more, not as
         * "€100.0 bn" */
        CHECK_EQ_STR(aid_chart_value(c, 9.96e9, -1, b, sizeof b), "€10.0 bn");
        CHECK_EQ_STR(aid_chart_value(c, 99.96e9, -1, b, sizeof b), "€100 bn");
        /* ticks: no unit, decimals from the step */
        CHECK_EQ_STR(aid_chart_tick(c, 50e9, 25e9, b, sizeof b), "50");
        CHECK_EQ_STR(aid_chart_tick(c, 125e9, 25e9, b, sizeof b), "125");
        CHECK_EQ_STR(aid_chart_tick(c, 7.5e9, 2.5e9, b, sizeof b), "7.5");
        CHECK_EQ_STR(aid_chart_tick(c, 0.3e9, 0.1e9, b, sizeof b), "0.3");
        CHECK_EQ_STR(aid_chart_tick(c, 0, 25e9, b, sizeof b), "0");
        CHECK_EQ_STR(aid_chart_tick(c, -25e9, 25e9, b, sizeof b), MINUS "25");
        /* the description names every bar with its label, largest first */
        const char *alt = aidstat_chart_describe(c);
        CHECK(alt && strstr(alt, "A: €115 bn. E: ") != NULL);
        CHECK(alt && strstr(alt, "B: €84.4 bn.") != NULL);
        CHECK(alt && strstr(alt, "D: €0.89 bn.") != NULL);
    }
    aidstat_chart_free(c);

    /* German labels */
    opt.locale = "de";
    c = aidstat_chart_from_result(r, &opt, &err);
    if (CHECK(c != NULL)) {
        char b[64];
        CHECK_EQ_STR(c->unit_label, "Mrd. €");
        CHECK_EQ_STR(aid_chart_value(c, 115.38065e9, -1, b, sizeof b), "115 Mrd. €");
        CHECK_EQ_STR(aid_chart_value(c, 84.4e9, -1, b, sizeof b), "84,4 Mrd. €");
        CHECK_EQ_STR(aid_chart_value(c, 0.89e9, -1, b, sizeof b), "0,89 Mrd. €");
        CHECK_EQ_STR(aid_chart_value(c, -1.2e9, -1, b, sizeof b), MINUS "1,2 Mrd. €");
        CHECK_EQ_STR(aid_chart_tick(c, 7.5e9, 2.5e9, b, sizeof b), "7,5");
    }
    aidstat_chart_free(c);

    /* bad options: a theme, a locale, a colour */
    opt.locale = "fr";
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    opt.locale = NULL;
    opt.theme = "neon";
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    opt.theme = NULL;
    const char *colors[] = {"#0072B2", "blue", NULL};
    opt.colors = colors;
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    opt.colors = NULL;
    /* kinds that need something else */
    opt.kind = AIDSTAT_CHART_LINE;
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    opt.kind = AIDSTAT_CHART_STACKED;
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    opt.kind = AIDSTAT_CHART_SCATTER;
    CHECK(aidstat_chart_from_result(r, &opt, &err) == NULL);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    aidstat_result_free(r);

    /* values in millions: the largest is 450e6 */
    const char *mcsv = HEADER "A,AAA,Ukraine,2023,1,military,allocation,450000000,EUR\n"
                              "B,BBB,Ukraine,2023,1,military,allocation,12500000,EUR\n";
    r = compare_csv(mcsv, AIDSTAT_KEY_DONOR, AIDSTAT_KEY_NONE, NULL);
    if (r) {
        opt.kind = AIDSTAT_CHART_BAR;
        c = aidstat_chart_from_result(r, &opt, &err);
        if (CHECK(c != NULL)) {
            char b[64];
            CHECK_EQ_DBL(c->scale, 1e6);
            CHECK_EQ_STR(c->unit_label, "€ million");
            CHECK_EQ_STR(aid_chart_value(c, 450e6, -1, b, sizeof b), "€450 m");
            CHECK_EQ_STR(aid_chart_value(c, 12.5e6, -1, b, sizeof b), "€12.5 m");
        }
        aidstat_chart_free(c);
        aidstat_result_free(r);
    }
}

static void test_chart_stack_negative(void)
{
    /* allocations and (negative) amounts still to be allocated: parts of
     * a stack must not be negative (aidstat.h: AIDSTAT_ERR_DATA "for
     * negative values in a stack"), found when the chart is made */
    const char *csv = HEADER "A,AAA,Ukraine,2023,1,military,allocation,1000000000,EUR\n"
                             "A,AAA,Ukraine,2023,1,military,to_be_allocated,-500000000,EUR\n"
                             "B,BBB,Ukraine,2023,1,military,allocation,2000000000,EUR\n"
                             "B,BBB,Ukraine,2023,1,military,to_be_allocated,300000000,EUR\n";
    aidstat_filter_t *f = aidstat_filter_new();
    aidstat_filter_add_measure(f, AIDSTAT_MEASURE_ALLOCATION);
    aidstat_filter_add_measure(f, AIDSTAT_MEASURE_TO_BE_ALLOCATED);
    aidstat_result_t *r = compare_csv(csv, AIDSTAT_KEY_DONOR, AIDSTAT_KEY_MEASURE, f);
    if (r && CHECK_EQ_INT(aidstat_result_cols(r), 2)) {
        aidstat_chart_options_t opt;
        aidstat_chart_options_init(&opt);
        opt.kind = AIDSTAT_CHART_STACKED;
        aidstat_error_t err;
        aidstat_error_clear(&err);
        aidstat_chart_t *c = aidstat_chart_from_result(r, &opt, &err);
        CHECK(c == NULL);
        CHECK_EQ_INT(err.code, AIDSTAT_ERR_DATA);
        aidstat_chart_free(c);
        /* side by side, negative bars are fine */
        opt.kind = AIDSTAT_CHART_GROUPED;
        c = aidstat_chart_from_result(r, &opt, &err);
        CHECK(c != NULL);
        aidstat_chart_free(c);
    }
    aidstat_result_free(r);
    aidstat_filter_free(f);
}

static void test_chart_series_describe(void)
{
    /* one donor over three months: 1, 3, 2 bn */
    const char *csv = HEADER "A,AAA,Ukraine,2023,1,military,allocation,1000000000,EUR\n"
                             "A,AAA,Ukraine,2023,2,military,allocation,3000000000,EUR\n"
                             "A,AAA,Ukraine,2023,3,military,allocation,2000000000,EUR\n";
    aidstat_error_t err;
    aidstat_series_options_t so;
    aidstat_series_options_init(&so);
    so.by = AIDSTAT_KEY_DONOR;
    so.interval = AIDSTAT_INTERVAL_MONTH;
    aidstat_series_t *s = aidstat_series_new(&so, &err);
    if (!CHECK(s != NULL))
        return;
    if (CHECK_EQ_INT(
            aidstat_load_memory("tiny.csv", csv, strlen(csv), NULL, aidstat_series_add, s, NULL, &err),
            AIDSTAT_OK) &&
        CHECK_EQ_INT(aidstat_series_finish(s, &err), AIDSTAT_OK)) {
        aidstat_chart_options_t opt;
        aidstat_chart_options_init(&opt);
        opt.kind = AIDSTAT_CHART_LINE;
        aidstat_chart_t *c = aidstat_chart_from_series(s, &opt, &err);
        if (CHECK(c != NULL)) {
            CHECK_EQ_INT(c->nt, 3);
            const char *alt = aidstat_chart_describe(c);
            /* first 1.0 in 2023-01, last 2.0 in 2023-03, highest 3.0 in
             * 2023-02, lowest 1.0 in 2023-01 */
            const char *want = "A: from €1.0 bn in 2023-01 to €2.0 bn in 2023-03; highest €3.0 bn in "
                               "2023-02, lowest €1.0 bn in 2023-01.";
            if (!CHECK(alt && strstr(alt, want) != NULL))
                fprintf(stderr, "  description: %s\n  expected to contain: %s\n", alt, want);
        }
        aidstat_chart_free(c);
        /* cumulative: 1, 4, 6 */
        opt.cumulative = true;
        c = aidstat_chart_from_series(s, &opt, &err);
        if (CHECK(c != NULL)) {
            CHECK_EQ_DBL(c->items[0].v[2], 6e9);
            const char *alt = aidstat_chart_describe(c);
            const char *want = "A: from €1.0 bn in 2023-01 to €6.0 bn in 2023-03; highest €6.0 bn in "
                               "2023-03, lowest €1.0 bn in 2023-01.";
            if (!CHECK(alt && strstr(alt, want) != NULL))
                fprintf(stderr, "  description: %s\n  expected to contain: %s\n", alt, want);
            CHECK_EQ_STR(aidstat_chart_title(c), "Cumulative military aid allocations");
        }
        aidstat_chart_free(c);
        /* a bar chart is not drawn from a series */
        opt.cumulative = false;
        opt.kind = AIDSTAT_CHART_BAR;
        CHECK(aidstat_chart_from_series(s, &opt, &err) == NULL);
        CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    }
    aidstat_series_free(s);
}

static void test_kind_names(void)
{
    static const char *const names[] = {"bar",  "stacked", "grouped",  "column",
                                        "line", "area",    "dumbbell", "scatter"};
    for (int i = 0; i < 8; i++) {
        CHECK_EQ_INT(chart_kind_of(names[i]), i);
        CHECK_EQ_STR(aidstat_chart_kind_name((aidstat_chart_kind_t)i), names[i]);
    }
    CHECK_EQ_INT(chart_kind_of("LINE"), AIDSTAT_CHART_LINE);
    CHECK_EQ_INT(chart_kind_of("pie"), -1);
    CHECK_EQ_INT(chart_kind_of(""), -1);
}

/* The one table of per-kind defaults the command line and reports read. */
static void test_kind_defaults(void)
{
    static const size_t top[] = {15, 15, 8, 6, 6, 6, 15, 0}, facet[] = {15, 15, 8, 12, 12, 12, 15, 0};
    for (int i = 0; i < 8; i++) {
        const aidstat_chart_defaults_t *d = aidstat_chart_defaults((aidstat_chart_kind_t)i);
        CHECK(d != NULL);
        CHECK_EQ_INT(aidstat_chart_default_top((aidstat_chart_kind_t)i, false), top[i]);
        CHECK_EQ_INT(aidstat_chart_default_top((aidstat_chart_kind_t)i, true), facet[i]);
        CHECK_EQ_INT(d->over_time, i >= AIDSTAT_CHART_COLUMN && i <= AIDSTAT_CHART_AREA);
        CHECK(d->over_time ? d->by == NULL : d->by != NULL);
        CHECK_EQ_INT(d->per, i == AIDSTAT_CHART_SCATTER ? AIDSTAT_PER_GDP : AIDSTAT_PER_NONE);
    }
    CHECK_EQ_STR(aidstat_chart_defaults(AIDSTAT_CHART_GROUPED)->by, "donor,type");
    CHECK_EQ_STR(aidstat_chart_defaults(AIDSTAT_CHART_DUMBBELL)->by, "donor,measure");
    CHECK(aidstat_chart_defaults((aidstat_chart_kind_t)8) == NULL);
}

int main(void)
{
    test_scale_nice();
    test_scale_log();
    test_decimals_for_step();
    test_num();
    test_money();
    test_rgb();
    test_out_from_path();
    test_chart_values();
    test_chart_stack_negative();
    test_chart_series_describe();
    test_kind_names();
    test_kind_defaults();
    return testlib_done("test-chart");
}
