/* Fuzzes the workbook path: the XLSX reader itself (every sheet of the
 * bytes, as a zip in memory), the aid loader on the same bytes (the Kiel
 * MAIN DATA sheet or the first), and SIPRI's military-expenditure table.
 * Inputs that are not zips still exercise the sniffing and the messages.
 * The seeds are the fixtures of tests/data/xlsx, so the fuzzer starts from
 * valid workbooks and mutates their compressed parts. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"
#include "load/xlsx.h"

#include <string.h>

static int count_rows(void *user, char **f, const size_t *lens, size_t n, long row)
{
    size_t *cells = user;
    for (size_t i = 0; i < n; i++) {
        if (strlen(f[i]) != lens[i])
            aid_fuzz_fail("xlsx: a cell's length is not its string's");
    }
    (void)row;
    *cells += n;
    return 0;
}

static int take(const aidstat_record_t *rec, void *user)
{
    (void)user;
    if (!rec->donor || !rec->currency)
        aid_fuzz_fail("xlsx: a record without donor or currency");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aidstat_error_t err;
    aid_xlsx_limits_t lim;
    aid_xlsx_limits_init(&lim);
    /* small caps, so a mutated size field cannot make a run slow */
    lim.max_entry = 8u << 20;
    aid_xlsx_t *x = aid_xlsx_open_memory("fuzz.xlsx", data, size, &lim, &err);
    if (x) {
        size_t cells = 0;
        for (size_t i = 0; i < aid_xlsx_sheet_count(x) && i < 8; i++) {
            long rows;
            (void)strlen(aid_xlsx_sheet_name(x, i));
            (void)aid_xlsx_sheet_extent(x, i, &rows, &err);
            (void)aid_xlsx_read_sheet(x, i, count_rows, &cells, &err);
        }
        aid_xlsx_close(x);
    }

    aidstat_load_report_t *r = aidstat_load_report_new();
    (void)aidstat_load_memory("fuzz.xlsx", (const char *)data, size, NULL, take, NULL, r, &err);
    aidstat_load_report_free(r);

    const char *path = aid_fuzz_path(data, size);
    if (path) {
        aidstat_reftable_t *t = aidstat_reftable_load_sheet(path, AIDSTAT_REF_MILEX, NULL, NULL, &err);
        if (t) {
            (void)aidstat_reftable_get(t, "USA", NULL, 2024);
            (void)strlen(aidstat_reftable_describe(t));
            aidstat_reftable_free(t);
        }
    }
    return 0;
}
