/* Internal: a date column's cells as analysts write them, and the order
 * (day-first, month-first) a column's values prove. */
#ifndef AID_DATE_H
#define AID_DATE_H

#include "aidstat.h"

#include <stdbool.h>

/* What one cell gives. quarter is 1..4 when the cell names a quarter
 * (month is then the quarter's first month). */
typedef struct {
    int year, month, day, quarter;
} aid_date_t;

typedef enum {
    AID_DATE_BAD = 0, /* not a date, or an impossible one: *why says which */
    AID_DATE_OK,
    AID_DATE_EITHER /* "3/4/2024" with no order given: day-first and month-first both fit */
} aid_date_status_t;

/* Read s: ISO (2024, 2024-03, 2024-03-15, 2024/03/15, a time part ignored),
 * D.M.YYYY (always day-first), D/M/YYYY or M/D/YYYY (by order), M/YYYY,
 * month names and abbreviations in English and German ("März 2024",
 * "Mrz. 2024", "15. März 2024", "March 15, 2024", "Mar-2024"), quarters
 * ("2024Q1", "Q1 2024", "2024-Q1", "Q1/2024"), a year alone. *proves is
 * set to the order the text itself shows (AIDSTAT_DATE_ORDER_DMY for
 * "13/1/2024", _MDY for "1/13/2024") or _AUTO when it shows none. */
aid_date_status_t aid_date_read(const char *s, aidstat_date_order_t order, aid_date_t *out,
                                aidstat_date_order_t *proves, const char **why);

/* "day-first (D/M/YYYY)", ...; NULL for _AUTO. */
const char *aid_date_order_name(aidstat_date_order_t o);

/* The end of a message about an unclear date order (the CLI adds its
 * option when it sees it). */
#define AID_DATE_ADVICE "state the date order"

/* A date column's state while a file streams: its order, decided by the
 * first value that proves one; the first value that could be either. */
typedef struct aid_dates aid_dates_t;

aid_dates_t *aid_dates_new(const char *file, const char *column, long col, aidstat_date_order_t given);
void aid_dates_free(aid_dates_t *D);
/* Look at a row's cell before it is read. -1 (error set) when the value
 * contradicts the column's decided order. */
/* aidstat_date_order_parse inside the library: the value, or -1. */
int aid_date_order_parse(const char *s);

int aid_dates_see(aid_dates_t *D, const char *s, long line, aidstat_error_t *err);
/* A value could be either and nothing has decided yet: rows must wait. */
bool aid_dates_waiting(const aid_dates_t *D);
/* The error for a column still undecided; where: "in the rest of the file". */
void aid_dates_ambiguous(const aid_dates_t *D, const char *where, aidstat_error_t *err);
/* Read a cell under the column's order (decided or given). */
aid_date_status_t aid_dates_read(aid_dates_t *D, const char *s, aid_date_t *out, const char **why);
/* Notes for the load report: the order used and why, quarters met. */
void aid_dates_notes(const aid_dates_t *D, aidstat_load_report_t *report);

#endif
