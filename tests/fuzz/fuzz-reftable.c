/* Fuzzes the reference-table reader (GDP, population, deflator) through an
 * in-memory file; the first byte picks the kind. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    aidstat_ref_kind_t kind = (aidstat_ref_kind_t)(data[0] % 4); /* GDP, population, deflator, milex */
    const char *path = aid_fuzz_path(data + 1, size - 1);
    if (!path)
        return 0;
    aidstat_error_t err;
    aidstat_reftable_t *t = aidstat_reftable_load_file(path, kind, (data[0] & 4) ? "EUR" : NULL, &err);
    if (!t)
        return 0;
    (void)strlen(aidstat_reftable_describe(t));
    (void)strlen(aidstat_reftable_currency(t));
    (void)aidstat_reftable_get(t, "DEU", "Germany", 2022);
    (void)aidstat_reftable_get(t, NULL, NULL, 2022);
    (void)aidstat_reftable_latest_year(t, "USA", NULL);
    (void)aidstat_reftable_latest_year(t, NULL, "France");
    aidstat_reftable_free(t);
    return 0;
}
