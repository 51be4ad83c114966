/* Unit tests for load/number.c: numbers as spreadsheets write them. */
#include "config.h"
#include "load/number.h"
#include "aidstat.h"
#include "testlib.h"

#include <stdlib.h>

/* s parses (in the given mode) to exactly want. */
static void ok_num(const char *s, bool decimal_comma, double want, int line)
{
    double v = -12345.678;
    aid_num_t r = aid_number_parse(s, decimal_comma, &v);
    if (!testlib_eq_int(r, AID_NUM_OK, __FILE__, line, s, "AID_NUM_OK"))
        return;
    testlib_near(v, want, 0.0, __FILE__, line, s, "expected");
}

/* s parses to exactly what strtod makes of it. */
static void ok_strtod(const char *s, int line)
{
    ok_num(s, false, strtod(s, NULL), line);
}

static void status(const char *s, bool decimal_comma, aid_num_t want, int line)
{
    double v = -12345.678;
    aid_num_t r = aid_number_parse(s, decimal_comma, &v);
    testlib_eq_int(r, want, __FILE__, line, s, want == AID_NUM_BAD ? "AID_NUM_BAD" : "AID_NUM_MISSING");
    /* a failed parse leaves the output alone */
    testlib_near(v, -12345.678, 0.0, __FILE__, line, s, "untouched output");
}

#define OK(s, want) ok_num((s), false, (want), __LINE__)
#define OK_DC(s, want) ok_num((s), true, (want), __LINE__)
#define OK_STRTOD(s) ok_strtod((s), __LINE__)
#define BAD(s) status((s), false, AID_NUM_BAD, __LINE__)
#define BAD_DC(s) status((s), true, AID_NUM_BAD, __LINE__)
#define MISSING(s) status((s), false, AID_NUM_MISSING, __LINE__)
#define MISSING_DC(s) status((s), true, AID_NUM_MISSING, __LINE__)

static void test_plain(void)
{
    OK("0", 0.0);
    OK("7", 7.0);
    OK("2022", 2022.0);
    OK("1234.5", 1234.5);
    OK("0.25", 0.25);
    OK("-12.5", -12.5);
    OK("+3", 3.0);
    OK("-0.75", -0.75);
    OK("1.5e3", 1500.0);
    OK("2E-3", 0.002);
    OK("1e+2", 100.0);
    OK("-4.5e2", -450.0);
    OK("2e9", 2e9);
    OK(".5", 0.5);
    OK("-.5", -0.5);
    OK("007", 7.0);
    OK("00012.50", 12.5);
    OK("0.000123", 0.000123);
    OK("10.05", 10.05);
    OK("5.", 5.0);
    /* surrounding blanks, as hand-edited cells have them */
    OK(" 42 ", 42.0);
    OK("\t3.5", 3.5);
}

static void test_exact(void)
{
    /* 15 significant digits: the fast path must round as strtod does */
    OK_STRTOD("0.1");
    OK_STRTOD("0.3");
    OK_STRTOD("123456789012.345");
    OK_STRTOD("999999999999999");
    OK_STRTOD("0.000000000000001");
    OK_STRTOD("1312.77115526256");
    OK_STRTOD("0.0108862081122903");
    OK_STRTOD("19712.7600000001");
    /* more than 15 significant digits */
    OK_STRTOD("1234567890123456");
    OK_STRTOD("123456789012345678");
    OK_STRTOD("9007199254740993");
    OK_STRTOD("0.30000000000000004");
    OK_STRTOD("3.14159265358979323846");
    OK_STRTOD("0.1234567890123456789");
    OK_STRTOD("2.2250738585072014e-308");
    OK_STRTOD("1.7976931348623157e308");
    OK_STRTOD("0.00000000000000000000000000123");
    OK_STRTOD("-98765.4321098765432");
    OK_STRTOD("1e22");
    OK_STRTOD("1e23");
    OK_STRTOD("8.98846567431158e307");
}

static void test_grouping(void)
{
    OK("1,234,567.89", strtod("1234567.89", NULL));
    OK("1,234", 1234.0);
    OK("-1,234.5", -1234.5);
    OK("1 234", 1234.0);
    OK("1 234 567", 1234567.0);
    OK("1'234", 1234.0);
    OK("1'234'567.25", 1234567.25);
    OK("12,345,678", 12345678.0);
    /* groups must have three digits, so these are not numbers */
    BAD("1,2");
    BAD("12,34");
    BAD("1,2345");
    BAD("1234,567");
    BAD("1,234,56");
    BAD(",123");
    BAD("1,,234");
    BAD("1,234'567");
    /* decimal comma: '.' groups, ',' is the mark */
    OK_DC("1.234,5", 1234.5);
    OK_DC("0,5", 0.5);
    OK_DC("1.234.567,89", strtod("1234567.89", NULL));
    OK_DC("-2,75", -2.75);
    OK_DC("1234", 1234.0);
    OK_DC("1 234,5", 1234.5);
    OK_DC("3,5e2", 350.0);
    BAD_DC("1.5");
    BAD_DC("1,2,3");
    MISSING_DC("");
    MISSING_DC("NA");
}

static void test_missing(void)
{
    MISSING("");
    MISSING(".");
    MISSING("NA");
    MISSING("na");
    MISSING("n/a");
    MISSING("N/A");
    MISSING("n.a.");
    MISSING("-");
    MISSING("NaN");
    MISSING("nan");
    MISSING("  ");
    MISSING(" NA ");
}

static void test_garbage(void)
{
    BAD("1.2.3");
    BAD("abc");
    BAD("1e");
    BAD("1e+");
    BAD("--1");
    BAD("+-1");
    BAD("1-2");
    BAD("12abc");
    BAD("abc12");
    BAD("1 2");
    BAD("€5");
    BAD("5%");
    BAD("inf");
    BAD("0x10");
    BAD("1e400");
    BAD("e5");
    BAD("(5)");
}

static void ok_int(const char *s, long want, int line)
{
    long v = -99;
    if (testlib_check(aid_int_parse(s, &v), __FILE__, line, s))
        testlib_eq_int(v, want, __FILE__, line, s, "expected");
}

static void bad_int(const char *s, int line)
{
    long v = -99;
    testlib_check(!aid_int_parse(s, &v), __FILE__, line, s);
    testlib_eq_int(v, -99, __FILE__, line, s, "untouched output");
}

static void test_int(void)
{
    ok_int("2022", 2022, __LINE__);
    ok_int("2022.0", 2022, __LINE__);
    ok_int("2022.00", 2022, __LINE__);
    ok_int(" 7", 7, __LINE__);
    ok_int("7 ", 7, __LINE__);
    ok_int("12", 12, __LINE__);
    ok_int("0", 0, __LINE__);
    ok_int("-3", -3, __LINE__);
    ok_int("123456", 123456, __LINE__);
    bad_int("7x", __LINE__);
    bad_int("", __LINE__);
    bad_int("  ", __LINE__);
    bad_int("2022.5", __LINE__);
    bad_int("abc", __LINE__);
    bad_int("1e3", __LINE__);
    bad_int("x7", __LINE__);
}

/* Random decimals with up to 15 significant digits and up to 10 decimals
 * must parse to exactly strtod's double. */
static void test_random(void)
{
    unsigned long long seed = 0x9E3779B97F4A7C15ULL;
    long mismatches = 0, failures = 0;
    char first[64] = "";
    for (int i = 0; i < 100000; i++) {
        int ndig = 1 + (int)testlib_below(&seed, 15);
        int ndec = (int)testlib_below(&seed, 11);
        unsigned long long m = 0;
        for (int k = 0; k < ndig; k++)
            m = m * 10 + testlib_below(&seed, 10);
        char digits[32], s[64];
        int n = snprintf(digits, sizeof digits, "%llu", m);
        size_t k = 0;
        if (testlib_below(&seed, 4) == 0)
            s[k++] = '-';
        if (ndec >= n) {
            /* 0.000ddd */
            s[k++] = '0';
            s[k++] = '.';
            for (int z = 0; z < ndec - n; z++)
                s[k++] = '0';
            memcpy(s + k, digits, (size_t)n);
            k += (size_t)n;
        } else {
            memcpy(s + k, digits, (size_t)(n - ndec));
            k += (size_t)(n - ndec);
            if (ndec > 0) {
                s[k++] = '.';
                memcpy(s + k, digits + n - ndec, (size_t)ndec);
                k += (size_t)ndec;
            }
        }
        s[k] = '\0';
        double want = strtod(s, NULL), got = 0;
        aid_num_t r = aid_number_parse(s, false, &got);
        if (r != AID_NUM_OK)
            failures++;
        else if (got != want)
            mismatches++;
        if ((r != AID_NUM_OK || got != want) && !first[0])
            snprintf(first, sizeof first, "%s", s);
    }
    if (first[0])
        fprintf(stderr, "first random mismatch: \"%s\"\n", first);
    CHECK_EQ_INT(failures, 0);
    CHECK_EQ_INT(mismatches, 0);
}

/* The generator itself: formatting checks for the shapes it makes. */
static void test_random_shapes(void)
{
    OK_STRTOD("0.05");
    OK_STRTOD("0.5");
    OK_STRTOD("-0.0000000001");
    OK_STRTOD("12345.6789012345");
    OK_STRTOD("0.0123456789");
}

/* What a number's text says about its decimal mark (';' files). */
static void test_mark(void)
{
    CHECK_EQ_INT(aid_number_mark("1500"), AID_MARK_NONE);
    CHECK_EQ_INT(aid_number_mark(""), AID_MARK_NONE);
    CHECK_EQ_INT(aid_number_mark("1.5e3"), AID_MARK_NONE); /* the parser decides */
    CHECK_EQ_INT(aid_number_mark("2.5"), AID_MARK_POINT);
    CHECK_EQ_INT(aid_number_mark("2.25"), AID_MARK_POINT);
    CHECK_EQ_INT(aid_number_mark("2.2500"), AID_MARK_POINT);
    CHECK_EQ_INT(aid_number_mark("0.500"), AID_MARK_POINT);    /* no group starts with 0 */
    CHECK_EQ_INT(aid_number_mark("1234.567"), AID_MARK_POINT); /* a group has 1-3 digits before */
    CHECK_EQ_INT(aid_number_mark("1,250.5"), AID_MARK_POINT);
    CHECK_EQ_INT(aid_number_mark("12,345,678"), AID_MARK_POINT);
    CHECK_EQ_INT(aid_number_mark("2,5"), AID_MARK_COMMA);
    CHECK_EQ_INT(aid_number_mark("1.250,5"), AID_MARK_COMMA);
    CHECK_EQ_INT(aid_number_mark("12.345.678"), AID_MARK_COMMA);
    CHECK_EQ_INT(aid_number_mark(" -0,25 "), AID_MARK_COMMA);
    CHECK_EQ_INT(aid_number_mark("1.500"), AID_MARK_EITHER);
    CHECK_EQ_INT(aid_number_mark("-2,250"), AID_MARK_EITHER);
    CHECK_EQ_INT(aid_number_mark("999.999"), AID_MARK_EITHER);
}

/* aidstat_number_read: what people type as options and report values. */
static void strict(const char *s, bool whole, double min, double max, aidstat_number_check_t want,
                   double v_want, int line)
{
    double v = -12345.678;
    aidstat_number_check_t r = aidstat_number_read(s, whole, min, max, &v);
    testlib_eq_int(r, want, __FILE__, line, s, "check");
    testlib_near(v, want == AIDSTAT_NUMBER_OK ? v_want : -12345.678, 0.0, __FILE__, line, s, "value");
}
#define STRICT_OK(s, v) strict((s), false, -1e9, 1e9, AIDSTAT_NUMBER_OK, (v), __LINE__)
#define WHOLE_OK(s, v) strict((s), true, -1e9, 1e9, AIDSTAT_NUMBER_OK, (v), __LINE__)
#define STRICT_NO(s, why) strict((s), false, -1e9, 1e9, (why), 0, __LINE__)
#define WHOLE_NO(s, why) strict((s), true, -1e9, 1e9, (why), 0, __LINE__)

static void test_strict(void)
{
    STRICT_OK("50", 50);
    STRICT_OK("-2.5", -2.5);
    STRICT_OK("+7", 7);
    STRICT_OK(".5", 0.5);
    STRICT_OK("5.", 5);
    STRICT_OK("1e3", 1000);
    STRICT_OK("-0", 0);
    WHOLE_OK("120", 120);
    WHOLE_OK("-3", -3);
    WHOLE_OK("007", 7); /* decimal, not octal */
    const char *syntax[] = {"",     " ",     "nan", "NaN", "inf",   "-inf",  "infinity", "50abc",
                            "0x40", "0X1p3", " 5",  "5 ",  "1,000", "1_000", ".",        "-",
                            "+",    "e5",    "1e",  "1e+", "--1",   "5\n",   "٣",        NULL};
    for (const char **p = syntax; *p; p++) {
        STRICT_NO(*p, AIDSTAT_NUMBER_SYNTAX);
        WHOLE_NO(*p, AIDSTAT_NUMBER_SYNTAX);
    }
    STRICT_NO(NULL, AIDSTAT_NUMBER_SYNTAX);
    WHOLE_NO("2.5", AIDSTAT_NUMBER_WHOLE);
    WHOLE_NO("1e3", AIDSTAT_NUMBER_WHOLE);
    WHOLE_NO("2.", AIDSTAT_NUMBER_WHOLE);
    WHOLE_NO("2.5x", AIDSTAT_NUMBER_SYNTAX);
    STRICT_NO("1e999", AIDSTAT_NUMBER_RANGE);
    STRICT_NO("-1e999", AIDSTAT_NUMBER_RANGE);
    STRICT_NO("1000000001", AIDSTAT_NUMBER_RANGE);
    WHOLE_NO("9999999999999999999", AIDSTAT_NUMBER_RANGE);
    strict("14.99", false, 15, 240, AIDSTAT_NUMBER_RANGE, 0, __LINE__);
    strict("15", false, 15, 240, AIDSTAT_NUMBER_OK, 15, __LINE__);
    strict("240", false, 15, 240, AIDSTAT_NUMBER_OK, 240, __LINE__);
    strict("240.0001", false, 15, 240, AIDSTAT_NUMBER_RANGE, 0, __LINE__);
}

int main(void)
{
    test_mark();
    test_strict();
    test_plain();
    test_exact();
    test_grouping();
    test_missing();
    test_garbage();
    test_int();
    test_random();
    test_random_shapes();
    return testlib_done("test-number");
}
