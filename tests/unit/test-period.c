/* Unit tests for data/period.c: date cells and periods. */
#include "config.h"
#include "aidstat.h"
#include "data/period.h"
#include "testlib.h"

static void ok_date(const char *s, int y, int m, int d, int line)
{
    int year = -1, month = -1, day = -1;
    const char *why = NULL;
    char what[96];
    snprintf(what, sizeof what, "aid_date_parse(\"%s\") succeeds", s);
    if (!testlib_check(aid_date_parse(s, &year, &month, &day, &why), __FILE__, line, what)) {
        fprintf(stderr, "  why: %s\n", why ? why : "(null)");
        return;
    }
    testlib_eq_int(year, y, __FILE__, line, s, "year");
    testlib_eq_int(month, m, __FILE__, line, s, "month");
    testlib_eq_int(day, d, __FILE__, line, s, "day");
}

static void bad_date(const char *s, const char *reason, int line)
{
    int year = -1, month = -1, day = -1;
    const char *why = NULL;
    char what[96];
    snprintf(what, sizeof what, "aid_date_parse(\"%s\") fails", s);
    testlib_check(!aid_date_parse(s, &year, &month, &day, &why), __FILE__, line, what);
    snprintf(what, sizeof what, "reason for \"%s\"", s);
    testlib_eq_str(why, reason, __FILE__, line, what, "expected");
    /* nothing is written on failure */
    snprintf(what, sizeof what, "year after \"%s\"", s);
    testlib_eq_int(year, -1, __FILE__, line, what, "untouched (-1)");
}

#define OK(s, y, m, d) ok_date((s), (y), (m), (d), __LINE__)
#define BAD(s, why) bad_date((s), (why), __LINE__)

static void test_days_in_month(void)
{
    CHECK_EQ_INT(aid_days_in_month(2023, 1), 31);
    CHECK_EQ_INT(aid_days_in_month(2023, 2), 28);
    CHECK_EQ_INT(aid_days_in_month(2024, 2), 29);
    CHECK_EQ_INT(aid_days_in_month(1900, 2), 28);
    CHECK_EQ_INT(aid_days_in_month(2000, 2), 29);
    CHECK_EQ_INT(aid_days_in_month(2023, 4), 30);
    CHECK_EQ_INT(aid_days_in_month(2023, 12), 31);
    CHECK_EQ_INT(aid_days_in_month(2023, 0), 0);
    CHECK_EQ_INT(aid_days_in_month(2023, 13), 0);
}

static void test_shapes(void)
{
    OK("2022-03-15", 2022, 3, 15);
    OK("2022-03", 2022, 3, 0);
    OK("2022", 2022, 0, 0);
    OK("2022/03/15", 2022, 3, 15);
    OK("15/03/2022", 2022, 3, 15);
    OK("15.03.2022", 2022, 3, 15);
    OK("03/2022", 2022, 3, 0);
    OK("2022-03-15T10:00:00", 2022, 3, 15);
    OK("2022-03-15T10:00:00Z", 2022, 3, 15);
    OK("2022-03-15 10:00", 2022, 3, 15);
    OK(" 2022-03-15 ", 2022, 3, 15);
    OK("2022-3-5", 2022, 3, 5);
    OK("5/3/2022", 2022, 3, 5);
    OK("2022-12-31", 2022, 12, 31);
    OK("1900-01-01", 1900, 1, 1);
    OK("2999", 2999, 0, 0);
}

static void test_impossible(void)
{
    BAD("2022-13", "month out of range");
    BAD("2022-13-01", "month out of range");
    /* month 0 and day 0 are impossible, not "absent" */
    BAD("2022-00", "month out of range");
    BAD("00/2022", "month out of range");
    BAD("13/2022", "month out of range");
    BAD("01.13.2022", "month out of range");
    BAD("2022-04-31", "day out of range");
    BAD("31/04/2022", "day out of range");
    BAD("2022-04-00", "day out of range");
    BAD("2023-02-29", "day out of range");
    OK("2024-02-29", 2024, 2, 29);
    OK("29.02.2024", 2024, 2, 29);
    BAD("29.02.2023", "day out of range");
    BAD("1800", "year out of range");
    BAD("1800-01-01", "year out of range");
    BAD("3000", "year out of range");
    BAD("15/03/22", "year out of range");
}

static void test_not_dates(void)
{
    BAD("abc", "not a date");
    BAD("", "not a date");
    BAD("March 2022", "not a date");
    BAD("2022-", "not a date");
    BAD("2022-03-", "not a date");
    BAD("2022-03-15x", "not a date");
    BAD("2022-03/15", "not a date");
    BAD("15-03", "not a date");
    BAD("15/03/", "not a date");
    BAD("2022 Q1", "not a date");
}

static void test_period_parse(void)
{
    int y = -1, m = -1;
    aidstat_error_t err;

    aidstat_error_clear(&err);
    CHECK_EQ_INT(aidstat_period_parse("2025-04", &y, &m, &err), AIDSTAT_OK);
    CHECK_EQ_INT(y, 2025);
    CHECK_EQ_INT(m, 4);
    CHECK_EQ_INT(err.code, AIDSTAT_OK);

    y = m = -1;
    CHECK_EQ_INT(aidstat_period_parse("2025", &y, &m, &err), AIDSTAT_OK);
    CHECK_EQ_INT(y, 2025);
    CHECK_EQ_INT(m, 0);

    /* a one-digit month is accepted: it can only mean April */
    y = m = -1;
    CHECK_EQ_INT(aidstat_period_parse("2025-4", &y, &m, &err), AIDSTAT_OK);
    CHECK_EQ_INT(y, 2025);
    CHECK_EQ_INT(m, 4);

    y = m = -1;
    CHECK_EQ_INT(aidstat_period_parse("April", &y, &m, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_INT(err.code, AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "period \"April\" is not YYYY or YYYY-MM");
    CHECK_EQ_STR(err.file, "");
    CHECK_EQ_INT(err.line, 0);
    CHECK_EQ_INT(y, -1);

    /* a day is more than a period */
    aidstat_error_clear(&err);
    CHECK_EQ_INT(aidstat_period_parse("2025-04-15", &y, &m, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "period \"2025-04-15\" is not YYYY or YYYY-MM");

    aidstat_error_clear(&err);
    CHECK_EQ_INT(aidstat_period_parse("2025-13", &y, &m, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "period \"2025-13\": month out of range");

    aidstat_error_clear(&err);
    CHECK_EQ_INT(aidstat_period_parse("2025-00", &y, &m, &err), AIDSTAT_ERR_USAGE);
    CHECK_EQ_STR(err.message, "period \"2025-00\": month out of range");

    /* NULL error record is allowed */
    CHECK_EQ_INT(aidstat_period_parse("nope", &y, &m, NULL), AIDSTAT_ERR_USAGE);
}

static void test_period_format(void)
{
    char buf[32];
    CHECK_EQ_STR(aidstat_period_format(2025, 4, buf, sizeof buf), "Apr 2025");
    CHECK_EQ_STR(aidstat_period_format(2025, 0, buf, sizeof buf), "2025");
    CHECK_EQ_STR(aidstat_period_format(2022, 1, buf, sizeof buf), "Jan 2022");
    CHECK_EQ_STR(aidstat_period_format(2022, 12, buf, sizeof buf), "Dec 2022");
    CHECK_EQ_STR(aidstat_period_format(0, 0, buf, sizeof buf), "(no period)");
    CHECK(aidstat_period_format(2025, 4, buf, sizeof buf) == buf);
    /* a short buffer is truncated, never overrun */
    char tiny[4] = {'x', 'x', 'x', 'x'};
    aidstat_period_format(2025, 4, tiny, sizeof tiny);
    CHECK_EQ_STR(tiny, "Apr");
    CHECK_EQ_INT(aid_period_key(2025, 4), 202504);
}

int main(void)
{
    test_days_in_month();
    test_shapes();
    test_impossible();
    test_not_dates();
    test_period_parse();
    test_period_format();
    return testlib_done("test-period");
}
