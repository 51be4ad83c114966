/* Periods and dates. */
#include "config.h"
#include "data/intl.h"
#include "data/period.h"
#include "data/error.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static const char *const month_abbr[12] = {NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
                                           NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
                                           NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
                                           NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec")};

int aid_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* Read exactly n digits (n = 0: one or more) into *v; advance *s. */
static bool digits(const char **s, int n, int *v)
{
    const char *p = *s;
    int k = 0, x = 0;
    while (g_ascii_isdigit(*p) && (n == 0 || k < n) && k < 9) {
        x = x * 10 + (*p - '0');
        p++;
        k++;
    }
    if (k == 0 || (n && k != n))
        return false;
    *v = x;
    *s = p;
    return true;
}

/* m and d are -1 when not written; a written 0 is out of range. */
static bool check(int y, int m, int d, const char **why)
{
    if (y < 1900 || y > 2999) {
        *why = "year out of range";
        return false;
    }
    if (m != -1 && (m < 1 || m > 12)) {
        *why = "month out of range";
        return false;
    }
    if (d != -1 && (m == -1 || d < 1 || d > aid_days_in_month(y, m))) {
        *why = "day out of range";
        return false;
    }
    return true;
}

bool aid_date_parse(const char *s, int *year, int *month, int *day, const char **why)
{
    const char *p = s;
    int a = 0, b = 0, c = 0;
    while (g_ascii_isspace(*p))
        p++;
    *why = "not a date";
    if (!digits(&p, 0, &a))
        return false;
    int y = 0, m = -1, d = -1;
    if (p - s >= 4 && a >= 1000) {
        /* YYYY, YYYY-MM, YYYY-MM-DD, YYYY/MM/DD; a time part after 'T' or ' ' is ignored */
        y = a;
        if (*p == '-' || *p == '/') {
            char sep = *p++;
            if (!digits(&p, 0, &b))
                return false;
            m = b;
            if (*p == sep) {
                p++;
                if (!digits(&p, 0, &c))
                    return false;
                d = c;
            }
        }
    } else {
        /* DD/MM/YYYY, DD.MM.YYYY or MM/YYYY */
        char sep = *p;
        if (sep != '/' && sep != '.')
            return false;
        p++;
        if (!digits(&p, 0, &b))
            return false;
        if (*p == sep) {
            p++;
            if (!digits(&p, 0, &c))
                return false;
            d = a, m = b, y = c;
        } else {
            m = a, y = b;
        }
    }
    if (*p == 'T' || (*p == ' ' && g_ascii_isdigit(p[1])))
        p += strlen(p); /* a time of day adds nothing to the period */
    while (g_ascii_isspace(*p))
        p++;
    if (*p)
        return false;
    if (!check(y, m, d, why))
        return false;
    *year = y;
    *month = m < 0 ? 0 : m;
    *day = d < 0 ? 0 : d;
    return true;
}

aidstat_status_t aidstat_period_parse(const char *s, int *year, int *month, aidstat_error_t *err)
{
    int y, m, d;
    const char *why = NULL;
    bool ok = s && aid_date_parse(s, &y, &m, &d, &why) && d == 0;
    if (!ok && why && strcmp(why, "not a date") != 0 && strcmp(why, "day out of range") != 0)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "period \"%s\": %s", s, _(why));
    if (!ok)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "period \"%s\" is not YYYY or YYYY-MM",
                             s ? s : "");
    *year = y;
    *month = m;
    return AIDSTAT_OK;
}

const char *aid_month_abbr(int month)
{
    return month >= 1 && month <= 12 ? aid_gettext_ctx("month", month_abbr[month - 1]) : "";
}

char *aidstat_period_format(int year, int month, char *buf, size_t len)
{
    if (year <= 0)
        snprintf(buf, len, "%s", L_("(no period)"));
    else if (month >= 1 && month <= 12)
        snprintf(buf, len, "%s %d", aid_gettext_ctx("month", month_abbr[month - 1]), year);
    else
        snprintf(buf, len, "%d", year);
    return buf;
}
