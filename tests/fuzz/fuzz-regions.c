/* Fuzzes the region-table reader (aidstat_regions_load_file, through an
 * in-memory file) and the lookups on what it read. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = aid_fuzz_path(data, size);
    if (!path)
        return 0;
    aidstat_error_t err;
    aidstat_regions_t *r = aidstat_regions_load_file(path, &err);
    if (!r)
        return 0;
    size_t n = aidstat_regions_count(r);
    for (size_t i = 0; i < n; i++) {
        const char *id = aidstat_regions_id(r, i);
        (void)strlen(aidstat_regions_name(r, i));
        (void)aidstat_regions_member_count(r, i);
        long j = aidstat_regions_find(r, id);
        if (j < 0 || (size_t)j >= n)
            aid_fuzz_fail("a region's own id is not found");
        (void)aidstat_regions_contains(r, i, "DEU", "Germany");
        (void)aidstat_regions_contains(r, i, "", "Germany");
    }
    aidstat_regions_free(r);
    return 0;
}
