/* Fuzzes the exchange-rate reader (ECB history, Federal Reserve tables,
 * long date,currency,per_eur) through an in-memory file, and the lookups. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"

#include <glib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = aid_fuzz_path(data, size);
    if (!path)
        return 0;
    aidstat_error_t err;
    aidstat_rates_t *r = aidstat_rates_load_file(path, &err);
    if (!r)
        return 0;
    (void)strlen(aidstat_rates_describe(r));
    static const char *const cur[] = {"EUR", "USD", "GBP", "JPY"};
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) {
            (void)aidstat_rates_get(r, cur[a], cur[b], 2022, 0);
            (void)aidstat_rates_get(r, cur[a], cur[b], 2022, 3);
            int *dates = NULL;
            double *values = NULL;
            size_t n = aidstat_rates_observations(r, cur[a], cur[b], &dates, &values);
            for (size_t i = 1; i < n; i++)
                if (dates[i] < dates[i - 1])
                    aid_fuzz_fail("observations not oldest first");
            aidstat_free(dates);
            aidstat_free(values);
        }
    aidstat_rates_free(r);
    return 0;
}
