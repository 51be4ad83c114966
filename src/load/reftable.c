/* Reference tables: GDP, population, deflators. (being written) */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <math.h>

aidstat_reftable_t *aidstat_reftable_load_file(const char *path, aidstat_ref_kind_t kind,
                                               const char *currency, aidstat_error_t *err)
{
    (void)kind, (void)currency;
    aid_error_set(err, AIDSTAT_ERR_INPUT, path, 0, 0, "not implemented");
    return NULL;
}

void aidstat_reftable_free(aidstat_reftable_t *t)
{
    (void)t;
}

double aidstat_reftable_get(const aidstat_reftable_t *t, const char *code, const char *name,
                            int year)
{
    (void)t, (void)code, (void)name, (void)year;
    return NAN;
}

int aidstat_reftable_latest_year(const aidstat_reftable_t *t, const char *code, const char *name)
{
    (void)t, (void)code, (void)name;
    return 0;
}

const char *aidstat_reftable_currency(const aidstat_reftable_t *t)
{
    (void)t;
    return "";
}

const char *aidstat_reftable_describe(const aidstat_reftable_t *t)
{
    (void)t;
    return "";
}
