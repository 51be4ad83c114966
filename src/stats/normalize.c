/* Restating values: another currency at the period's average rate, then
 * constant prices with a deflator.
 *
 * Conversion comes first, so the deflator is the target currency's (a US
 * deflator for values in US dollars). GDP is restated like the value but
 * at its own year (gdp_year): the yearly average rate and that year's
 * deflator, as GDP is a yearly flow. Value / GDP then compares the aid at
 * its date with the GDP of its year, both in the same money. */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/intl.h"

#include <glib.h>
#include <math.h>
#include <string.h>

/* The rates table's file name: its description ends "(FILE)" and nothing
 * before that has a parenthesis. */
static char *rates_name(const aidstat_rates_t *r)
{
    const char *d = aidstat_rates_describe(r);
    const char *open = strstr(d, " (");
    size_t len = strlen(d);
    if (!open || len < 2 || d[len - 1] != ')')
        return g_strdup(d);
    return g_strndup(open + 2, (size_t)(d + len - 1 - (open + 2)));
}

/* The reference table's file name: its description is "FILE (kind, ...)". */
static char *reftable_name(const aidstat_reftable_t *t)
{
    const char *d = aidstat_reftable_describe(t);
    const char *open = g_strrstr(d, " (");
    return open ? g_strndup(d, (size_t)(open - d)) : g_strdup(d);
}

/* Whether the table has any rate for code in the period: against the euro
 * or the dollar, one of which is every table's base. */
static bool has_rate(const aidstat_rates_t *r, const char *code, int year, int month)
{
    return !isnan(aidstat_rates_get(r, code, "EUR", year, month)) ||
           !isnan(aidstat_rates_get(r, code, "USD", year, month));
}

static aidstat_status_t no_rate(const aidstat_normalize_t *n, const aidstat_record_t *rec, int year,
                                int month, aidstat_error_t *err)
{
    /* name the currency that is missing: the record's when only it is */
    const char *missing = n->currency;
    if (has_rate(n->rates, n->currency, year, month) && !has_rate(n->rates, rec->currency, year, month))
        missing = rec->currency;
    char period[32], *file = rates_name(n->rates);
    aidstat_period_format(year, month, period, sizeof period);
    aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0, "no %s rate for %s in %s", missing, period,
                  file);
    g_free(file);
    return AIDSTAT_ERR_DATA;
}

/* A yearly average from part of a year (a table that ends in May) is not
 * the year's: refused, naming the months it would come from. */
static aidstat_status_t part_year(const aidstat_normalize_t *n, const aidstat_record_t *rec, int year,
                                  aidstat_error_t *err)
{
    int first, last;
    int k = aidstat_rates_year_months(n->rates, rec->currency, n->currency, year, &first, &last);
    if (k == 12 || k == 0) /* whole, or no rate at all (said by no_rate) */
        return AIDSTAT_OK;
    char a[32], b[32], *file = rates_name(n->rates);
    aidstat_period_format(year, first, a, sizeof a);
    aidstat_period_format(year, last, b, sizeof b);
    if (k == 1)
        aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                      "the %s to %s rate for %d would be an average of %s to %s only (%d month in %s), not "
                      "of the year",
                      rec->currency, n->currency, year, a, b, k, file);
    else
        aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                      "the %s to %s rate for %d would be an average of %s to %s only (%d months in %s), not "
                      "of the year",
                      rec->currency, n->currency, year, a, b, k, file);
    g_free(file);
    return AIDSTAT_ERR_DATA;
}

static aidstat_status_t no_deflator(const aidstat_normalize_t *n, const aidstat_record_t *rec, int year,
                                    aidstat_error_t *err)
{
    char *file = reftable_name(n->deflator);
    aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0, "no deflator for %d in %s", year, file);
    g_free(file);
    return AIDSTAT_ERR_DATA;
}

aidstat_status_t aidstat_normalize_record(const aidstat_normalize_t *n, aidstat_record_t *rec,
                                          aidstat_error_t *err)
{
    if (!n || !rec)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "nothing to normalise");
    double value = rec->value, gdp = rec->gdp;
    bool has_gdp = rec->gdp != 0 && !isnan(rec->gdp);
    const char *from = rec->currency ? rec->currency : "";
    bool convert = n->currency && n->currency[0] && g_ascii_strcasecmp(from, n->currency) != 0;

    if ((convert || n->base_year) && strcmp(from, "TIV") == 0)
        return aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                             "SIPRI trend-indicator values (TIV) are not money: they cannot be "
                             "converted to another currency or restated at other prices");
    if (convert) {
        if (!from[0])
            return aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                                 "converting to %s: the record has no currency", n->currency);
        if (!n->rates)
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "converting %s to %s needs a rates table (\001rates FILE\002)", from,
                                 n->currency);
        if (rec->year <= 0)
            return aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                                 "%s to %s: the record has no date to pick a rate", from, n->currency);
        int month = n->yearly_rates || rec->month == 0 ? 0 : rec->month;
        if (month == 0 && part_year(n, rec, rec->year, err) != AIDSTAT_OK)
            return AIDSTAT_ERR_DATA;
        double rate = aidstat_rates_get(n->rates, from, n->currency, rec->year, month);
        if (isnan(rate))
            return no_rate(n, rec, rec->year, month, err);
        value *= rate;
        if (has_gdp) {
            double grate = rate;
            if (rec->gdp_year > 0) {
                if (part_year(n, rec, rec->gdp_year, err) != AIDSTAT_OK)
                    return AIDSTAT_ERR_DATA;
                grate = aidstat_rates_get(n->rates, from, n->currency, rec->gdp_year, 0);
                if (isnan(grate))
                    return no_rate(n, rec, rec->gdp_year, 0, err);
            }
            gdp *= grate;
        }
    }

    if (n->base_year) {
        if (!n->deflator)
            return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                                 "constant prices need a deflator table (\001deflator FILE\002 with "
                                 "columns year,index)");
        if (rec->year <= 0)
            return aid_error_set(err, AIDSTAT_ERR_DATA, rec->file, rec->line, 0,
                                 "constant %d prices: the record has no date to pick a deflator",
                                 n->base_year);
        double base = aidstat_reftable_get(n->deflator, NULL, NULL, n->base_year);
        if (isnan(base))
            return no_deflator(n, rec, n->base_year, err);
        double d = aidstat_reftable_get(n->deflator, NULL, NULL, rec->year);
        if (isnan(d))
            return no_deflator(n, rec, rec->year, err);
        value *= base / d;
        if (has_gdp) {
            int gy = rec->gdp_year > 0 ? rec->gdp_year : rec->year;
            double gd = aidstat_reftable_get(n->deflator, NULL, NULL, gy);
            if (isnan(gd))
                return no_deflator(n, rec, gy, err);
            gdp *= base / gd;
        }
    }

    /* all or nothing: the record changes only when every step succeeded */
    rec->value = value;
    if (has_gdp)
        rec->gdp = gdp;
    if (convert)
        rec->currency = n->currency;
    return AIDSTAT_OK;
}

char *aidstat_normalize_describe(const aidstat_normalize_t *n)
{
    GString *s = g_string_new(NULL);
    if (n && n->currency && n->currency[0]) {
        /* a label: German only when names are, so machine outputs keep English */
        g_string_append_printf(s,
                               n->yearly_rates ? L_("converted to %s at yearly average rates")
                                               : L_("converted to %s at monthly average rates"),
                               n->currency);
        if (n->rates)
            g_string_append_printf(s, " (%s)", aidstat_rates_describe(n->rates));
    }
    if (n && n->base_year) {
        if (s->len)
            g_string_append(s, "; ");
        g_string_append_printf(s, L_("constant %d prices"), n->base_year);
        if (n->deflator) {
            char *file = reftable_name(n->deflator);
            g_string_append_printf(s, L_(" (deflator: %s)"), file);
            g_free(file);
        }
    }
    return g_string_free(s, FALSE);
}

void aidstat_free(void *p)
{
    g_free(p);
}
