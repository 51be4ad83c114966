/* testlib.h: a tiny unit-test harness, no framework.
 *
 * Each CHECK_* macro counts one check; a failing one prints file:line and
 * the values it compared, and counts a failure. Every macro also yields
 * whether it passed, so a test can skip what depends on it:
 *
 *     if (CHECK(r != NULL)) ...
 *
 * main() ends with `return testlib_done("test-number");`, which prints
 * "test-number: 57 checks, 0 failed" and returns 1 if any check failed.
 */
#ifndef AID_TESTLIB_H
#define AID_TESTLIB_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static long testlib_checks, testlib_failed;

static inline bool testlib_result(bool ok)
{
    testlib_checks++;
    if (!ok)
        testlib_failed++;
    return ok;
}

static inline bool testlib_check(bool ok, const char *file, int line, const char *expr)
{
    if (!ok)
        fprintf(stderr, "%s:%d: CHECK(%s) failed\n", file, line, expr);
    return testlib_result(ok);
}

static inline bool testlib_eq_int(long long a, long long b, const char *file, int line, const char *ea,
                                  const char *eb)
{
    bool ok = a == b;
    if (!ok)
        fprintf(stderr, "%s:%d: CHECK_EQ_INT(%s, %s) failed: %lld != %lld\n", file, line, ea, eb, a, b);
    return testlib_result(ok);
}

static inline bool testlib_eq_str(const char *a, const char *b, const char *file, int line, const char *ea,
                                  const char *eb)
{
    bool ok = (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
    if (!ok)
        fprintf(stderr, "%s:%d: CHECK_EQ_STR(%s, %s) failed:\n  got      \"%s\"\n  expected \"%s\"\n", file,
                line, ea, eb, a ? a : "(null)", b ? b : "(null)");
    return testlib_result(ok);
}

/* No libm calls here: the public-API test links only libaidstat. */
static inline double testlib_abs(double x)
{
    return x < 0 ? -x : x;
}

/* a and b agree to within rel of the larger magnitude; both NaN counts as
 * equal, and rel 0 asks for exact equality. */
static inline bool testlib_near(double a, double b, double rel, const char *file, int line, const char *ea,
                                const char *eb)
{
    bool ok;
    if (isnan(a) || isnan(b)) {
        ok = isnan(a) && isnan(b);
    } else {
        double big = testlib_abs(a) > testlib_abs(b) ? testlib_abs(a) : testlib_abs(b);
        ok = a == b || testlib_abs(a - b) <= rel * big;
    }
    if (!ok)
        fprintf(stderr, "%s:%d: CHECK_NEAR(%s, %s, %g) failed: %.17g != %.17g\n", file, line, ea, eb, rel, a,
                b);
    return testlib_result(ok);
}

static inline int testlib_done(const char *name)
{
    printf("%s: %ld checks, %ld failed\n", name, testlib_checks, testlib_failed);
    return testlib_failed ? 1 : 0;
}

#define CHECK(cond) testlib_check((cond) ? true : false, __FILE__, __LINE__, #cond)
#define CHECK_EQ_INT(a, b) testlib_eq_int((long long)(a), (long long)(b), __FILE__, __LINE__, #a, #b)
#define CHECK_EQ_STR(a, b) testlib_eq_str((a), (b), __FILE__, __LINE__, #a, #b)
#define CHECK_NEAR(a, b, rel) testlib_near((a), (b), (rel), __FILE__, __LINE__, #a, #b)
/* Exact equality of doubles (==), printed with all digits on failure. */
#define CHECK_EQ_DBL(a, b) testlib_near((a), (b), 0.0, __FILE__, __LINE__, #a, #b)

/* A small fixed-seed PRNG (xorshift64*), so randomized tests repeat. */
static inline unsigned long long testlib_rand(unsigned long long *state)
{
    unsigned long long x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n). */
static inline unsigned testlib_below(unsigned long long *state, unsigned n)
{
    return (unsigned)((testlib_rand(state) >> 33) % n);
}

#endif
