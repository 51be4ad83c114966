/* Internal: dates in the many shapes aid files write them. */
#ifndef AID_PERIOD_H
#define AID_PERIOD_H

#include "aidstat.h"

#include <stdbool.h>

/* A month's (1..12) abbreviation for people, in the language of names
 * ("Mar", German "März"); "" for a bad month. */
const char *aid_month_abbr(int month);

/* Days in month (1..12) of year; 0 for a bad month. */
int aid_days_in_month(int year, int month);

/* Parse a date cell: YYYY-MM-DD, YYYY-MM, YYYY, YYYY/MM/DD, DD/MM/YYYY,
 * DD.MM.YYYY, MM/YYYY. Fills year, month (0 if absent), day (0 if absent).
 * Returns false with a reason in *why when the text is not such a date or
 * names an impossible month or day. */
bool aid_date_parse(const char *s, int *year, int *month, int *day, const char **why);

/* The first and last month (1..12) a record with a year covers: its month,
 * the three of its quarter (AIDSTAT_RECORD_QUARTER), or the whole year. */
static inline int aid_record_month_first(const aidstat_record_t *rec)
{
    return rec->month ? rec->month : 1;
}
static inline int aid_record_month_last(const aidstat_record_t *rec)
{
    return !rec->month ? 12 : rec->flags & AIDSTAT_RECORD_QUARTER ? rec->month + 2 : rec->month;
}

/* A sortable key: year * 100 + month. */
static inline int aid_period_key(int year, int month)
{
    return year * 100 + month;
}

#endif
