/* Fuzzes the event-marker reader (aidstat_events_load_memory). */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aidstat_event_t *ev = NULL;
    size_t n = 0;
    aidstat_error_t err;
    aidstat_status_t st = aidstat_events_load_memory("events.csv", (const char *)data, size, &ev, &n, &err);
    if (st == AIDSTAT_OK) {
        for (size_t i = 0; i < n; i++) {
            if (ev[i].month < 0 || ev[i].month > 12)
                aid_fuzz_fail("event month out of range");
            (void)strlen(ev[i].label);
        }
    } else if (ev || n) {
        aid_fuzz_fail("failed load left events behind");
    }
    aidstat_events_free(ev, n);
    return 0;
}
