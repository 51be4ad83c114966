/* Exchange-rate tables. (being written) */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <math.h>

aidstat_rates_t *aidstat_rates_load_file(const char *path, aidstat_error_t *err)
{
    aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "not implemented");
    return NULL;
}

void aidstat_rates_free(aidstat_rates_t *r)
{
    (void)r;
}

double aidstat_rates_get(const aidstat_rates_t *r, const char *from, const char *to, int year,
                         int month)
{
    (void)r, (void)from, (void)to, (void)year, (void)month;
    return NAN;
}

const char *aidstat_rates_describe(const aidstat_rates_t *r)
{
    (void)r;
    return "";
}
