/* Restating values: currency conversion and constant prices. (being written) */
#include "config.h"
#include "aidstat.h"
#include "data/error.h"

#include <glib.h>

aidstat_status_t aidstat_normalize_record(const aidstat_normalize_t *n, aidstat_record_t *rec,
                                          aidstat_error_t *err)
{
    (void)n, (void)rec;
    return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "not implemented");
}

char *aidstat_normalize_describe(const aidstat_normalize_t *n)
{
    (void)n;
    return g_strdup("");
}

void aidstat_free(void *p)
{
    g_free(p);
}
