/* Internal: building an exchange-rate table (the container; its reader is
 * load/rates.c). */
#ifndef AID_DATA_RATES_H
#define AID_DATA_RATES_H

#include "aidstat.h"

/* One currency's observations. */
typedef struct aid_rate_series aid_rate_series_t;

/* An empty table with no base yet. */
aidstat_rates_t *aid_rates_new(void);
/* The base currency (stored in upper case) and the table's base. */
void aid_rates_set_base(aidstat_rates_t *r, const char *code);
const char *aid_rates_base(const aidstat_rates_t *r);
/* Whether the observations are yearly (no month has a rate). */
void aid_rates_set_yearly(aidstat_rates_t *r, bool yearly);
bool aid_rates_yearly(const aidstat_rates_t *r);
/* The description for footers (takes a copy). */
void aid_rates_set_describe(aidstat_rates_t *r, const char *describe);

/* The series of a currency code (case-insensitive), made when new. */
aid_rate_series_t *aid_rates_series(aidstat_rates_t *r, const char *code);
/* One observation: units of the currency per unit of the base on a day
 * (month and day 0 when not given). */
void aid_rate_series_add(aid_rate_series_t *s, int year, int month, int day, double per_base);

#endif
