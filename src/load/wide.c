/* Wide layouts: one column per year, month or quarter beside the id
 * columns (donor, code, type, measure), as Kiel's country sheets and the
 * World Bank's DataBank write them. Each filled cell is one record. */
#include "config.h"
#include "load/wide.h"
#include "load/date.h"
#include "data/tally.h"

#include <glib.h>
#include <string.h>

/* The period a header names, or false. DataBank writes "2022 [YR2022]". */
static bool header_period(const char *raw, int *year, int *month, bool *quarter)
{
    char *s = g_strdup(raw);
    char *br = strchr(s, '[');
    if (br && g_str_has_prefix(br, "[YR") && br > s)
        *br = '\0';
    aid_date_t d;
    aidstat_date_order_t proves;
    const char *why;
    /* a header is one cell: no day-month order arises, and a day is not a period */
    bool ok =
        aid_date_read(g_strstrip(s), AIDSTAT_DATE_ORDER_YMD, &d, &proves, &why) == AID_DATE_OK && d.day == 0;
    g_free(s);
    if (!ok)
        return false;
    *year = d.year;
    *month = d.month;
    *quarter = d.quarter != 0;
    return true;
}

static bool is_total(const char *norm)
{
    static const char *const words[] = {"total",     "totals",      "sum",       "summe", "gesamt",
                                        "insgesamt", "grand_total", "all_years", NULL};
    for (const char *const *w = words; *w; w++)
        if (!strcmp(norm, *w))
            return true;
    return false;
}

size_t aid_wide_periods(char **raw, aid_column_t *cols, size_t n, aidstat_load_report_t *report)
{
    for (size_t i = 0; i < n; i++)
        if (cols[i].role == ROLE_VALUE || (cols[i].role == ROLE_WIDE && cols[i].type != AIDSTAT_TYPE_TOTAL))
            return 0; /* values have a column of their own, or type columns */
    size_t periods = 0, quarters = 0, months = 0;
    int lo = 0, hi = 0; /* the first and last period, year * 100 + month */
    for (size_t i = 0; i < n; i++) {
        int y, m;
        bool q;
        if (cols[i].role != ROLE_IGNORE || !header_period(raw[i], &y, &m, &q))
            continue;
        cols[i].role = ROLE_WIDE;
        cols[i].type = cols[i].measure = -1;
        cols[i].year = y;
        cols[i].month = m;
        cols[i].quarter = q;
        quarters += q;
        months += m != 0;
        /* the months the column covers: a year all twelve, a quarter three */
        int key = y * 100 + (m ? m : 1), end = y * 100 + (!m ? 12 : q ? m + 2 : m);
        if (!periods || key < lo)
            lo = key;
        if (!periods || end > hi)
            hi = end;
        periods++;
    }
    if (!periods)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char *norm = aid_header_normalize(raw[i]);
        if (is_total(norm) || (cols[i].role == ROLE_WIDE && cols[i].year == 0)) {
            cols[i].role = ROLE_IGNORE;
            if (report)
                aid_tally_note(report,
                               "column \"%s\" ignored: a total over the period columns, "
                               "which are loaded instead",
                               raw[i]);
        }
        g_free(norm);
    }
    if (report) {
        char a[32], b[32]; /* years only: "2022 – 2024" */
        aidstat_period_format(lo / 100, months ? lo % 100 : 0, a, sizeof a);
        aidstat_period_format(hi / 100, months ? hi % 100 : 0, b, sizeof b);
        aid_tally_note_n(report,
                         "wide layout: %zu period column (%s%s%s), each filled cell one record; empty "
                         "cells are no record",
                         "wide layout: %zu period columns (%s%s%s), each filled cell one record; empty "
                         "cells are no record",
                         periods, periods, a, strcmp(a, b) ? " – " : "", strcmp(a, b) ? b : "");
        if (quarters)
            aid_tally_note(report, "quarter columns dated to the quarter's first month (Q1 as "
                                   "January): yearly and quarterly figures are exact, monthly ones show "
                                   "each quarter in its first month");
    }
    return periods;
}
