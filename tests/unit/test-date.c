/* Unit tests for load/date.c: date cells as analysts write them. */
#include "config.h"
#include "aidstat.h"
#include "load/date.h"
#include "testlib.h"

#define AUTO AIDSTAT_DATE_ORDER_AUTO
#define DMY AIDSTAT_DATE_ORDER_DMY
#define MDY AIDSTAT_DATE_ORDER_MDY
#define YMD AIDSTAT_DATE_ORDER_YMD

/* The public parsers as "value or -1", checking that a failure leaves *out alone. */
static int date_order_of(const char *s)
{
    aidstat_date_order_t v = (aidstat_date_order_t)77;
    if (aidstat_date_order_parse(s, &v) != AIDSTAT_OK)
        return (int)v == 77 ? -1 : -2;
    return (int)v;
}

static void ok(const char *s, aidstat_date_order_t order, int y, int m, int d, int q,
               aidstat_date_order_t proves, int line)
{
    aid_date_t x = {-1, -1, -1, -1};
    aidstat_date_order_t p = -1;
    const char *why = NULL;
    char what[96];
    snprintf(what, sizeof what, "aid_date_read(\"%s\") succeeds", s);
    if (!testlib_check(aid_date_read(s, order, &x, &p, &why) == AID_DATE_OK, __FILE__, line, what)) {
        fprintf(stderr, "  why: %s\n", why ? why : "(null)");
        return;
    }
    testlib_eq_int(x.year, y, __FILE__, line, s, "year");
    testlib_eq_int(x.month, m, __FILE__, line, s, "month");
    testlib_eq_int(x.day, d, __FILE__, line, s, "day");
    testlib_eq_int(x.quarter, q, __FILE__, line, s, "quarter");
    testlib_eq_int(p, proves, __FILE__, line, s, "proves");
}

static void bad(const char *s, aidstat_date_order_t order, const char *reason, int line)
{
    aid_date_t x;
    aidstat_date_order_t p;
    const char *why = NULL;
    char what[96];
    snprintf(what, sizeof what, "aid_date_read(\"%s\") fails", s);
    testlib_check(aid_date_read(s, order, &x, &p, &why) == AID_DATE_BAD, __FILE__, line, what);
    snprintf(what, sizeof what, "reason for \"%s\"", s);
    testlib_eq_str(why, reason, __FILE__, line, what, "expected");
}

static void either(const char *s, int line)
{
    aid_date_t x;
    aidstat_date_order_t p;
    const char *why = NULL;
    char what[96];
    snprintf(what, sizeof what, "aid_date_read(\"%s\") could be either", s);
    testlib_check(aid_date_read(s, AUTO, &x, &p, &why) == AID_DATE_EITHER, __FILE__, line, what);
}

#define OK(s, y, m, d) ok((s), AUTO, (y), (m), (d), 0, AUTO, __LINE__)
#define OKQ(s, y, m, q) ok((s), AUTO, (y), (m), 0, (q), AUTO, __LINE__)
#define OKO(s, o, y, m, d, p) ok((s), (o), (y), (m), (d), 0, (p), __LINE__)
#define BAD(s, why) bad((s), AUTO, (why), __LINE__)

static void test_iso(void)
{
    OK("2024", 2024, 0, 0);
    OK(" 2024 ", 2024, 0, 0);
    OK("2024-03", 2024, 3, 0);
    OK("2024-03-15", 2024, 3, 15);
    OK("2024/03/15", 2024, 3, 15);
    OK("2024-03-15T10:30:00", 2024, 3, 15);
    OK("2024-03-15 10:30", 2024, 3, 15);
    BAD("2024-13", "month out of range");
    BAD("2024-02-30", "day out of range");
    BAD("2024-00", "month out of range");
    BAD("1899", "year out of range");
    BAD("24", "not a date");
}

static void test_numeric(void)
{
    /* dots: German, always day-first, and they prove nothing about slashes */
    OK("15.03.2024", 2024, 3, 15);
    OK("3.4.2024", 2024, 4, 3);
    OK("03/2024", 2024, 3, 0);
    OK("3.2024", 2024, 3, 0);
    /* slashes: the values prove the order or leave it open */
    OKO("13/1/2024", AUTO, 2024, 1, 13, DMY);
    OKO("1/13/2024", AUTO, 2024, 1, 13, MDY);
    OKO("3/3/2024", AUTO, 2024, 3, 3, AUTO);
    either("3/4/2024", __LINE__);
    either("03-04-2024", __LINE__);
    OKO("3/4/2024", DMY, 2024, 4, 3, AUTO);
    OKO("3/4/2024", MDY, 2024, 3, 4, AUTO);
    /* a stated order is obeyed, even against the values */
    bad("1/13/2024", DMY, "month out of range", __LINE__);
    bad("13/1/2024", MDY, "month out of range", __LINE__);
    bad("3/4/2024", YMD, "not a year-first date", __LINE__);
    BAD("13/13/2024", "month out of range");
    BAD("31/02/2024", "day out of range");
    BAD("15/03/24", "year out of range");
    BAD("15/03.2024", "not a date: mixed separators");
    BAD("0/3/2024", "day out of range");
}

static void test_words(void)
{
    OK("März 2024", 2024, 3, 0);
    OK("MÄRZ 2024", 2024, 3, 0);
    OK("Mrz. 2024", 2024, 3, 0);
    OK("Mär 2024", 2024, 3, 0);
    OK("Apr. 2024", 2024, 4, 0);
    OK("March 2024", 2024, 3, 0);
    OK("Mar 2024", 2024, 3, 0);
    OK("mar-2024", 2024, 3, 0);
    OK("Okt 2024", 2024, 10, 0);
    OK("Dezember 2023", 2023, 12, 0);
    OK("2024 März", 2024, 3, 0);
    OK("15. März 2024", 2024, 3, 15);
    OK("15 March 2024", 2024, 3, 15);
    OK("15-Mar-2024", 2024, 3, 15);
    OK("March 15, 2024", 2024, 3, 15);
    BAD("Foo 2024", "not a date");
    BAD("30. Februar 2024", "day out of range");
    BAD("März", "not a date");
}

static void test_quarters(void)
{
    OKQ("2024Q1", 2024, 1, 1);
    OKQ("2024-Q2", 2024, 4, 2);
    OKQ("2024 Q3", 2024, 7, 3);
    OKQ("Q4 2024", 2024, 10, 4);
    OKQ("q1/2024", 2024, 1, 1);
    BAD("2024Q5", "quarter out of range");
    BAD("2024Q0", "quarter out of range");
    BAD("Q12 2024", "not a date");
}

static void test_hostile(void)
{
    BAD("", "not a date");
    BAD("   ", "not a date");
    BAD("1/2/3/2024", "not a date");
    BAD("99999999999/1/2024", "not a date");
    BAD("2024-03-15x", "not a date");
    BAD("\xff\xfe 2024", "not a date");
    BAD("/3/2024", "not a date");
    CHECK_EQ_INT(date_order_of("dmy"), DMY);
    CHECK_EQ_INT(date_order_of("MDY"), MDY);
    CHECK_EQ_INT(date_order_of("ymd"), YMD);
    CHECK_EQ_INT(date_order_of("auto"), AUTO);
    CHECK_EQ_INT(date_order_of("dym"), -1);
    CHECK_EQ_INT(date_order_of(NULL), -1);
}

int main(void)
{
    test_iso();
    test_numeric();
    test_words();
    test_quarters();
    test_hostile();
    return testlib_done("test-date");
}
