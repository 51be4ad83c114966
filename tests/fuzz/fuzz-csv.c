/* Fuzzes the aid-record loaders: aidstat_load_memory with the generic CSV
 * loader or a forced profile. The first byte picks the loader (low four
 * bits), the decimal comma (bit 4), the delimiter (bits 5-6) and, with
 * bit 7, standard input: the file is read through aidstat_load_file("-")
 * (the format sniffed on a stream, its first bytes handed on to the CSV
 * reader, a workbook spooled to a temporary file); the rest is the file. Checks the load report's promise read = used + rejected +
 * skipped and that every record's strings are readable. */
#include "config.h"
#include "fuzz.h"
#include "aidstat.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const formats[] = {NULL,
                                      "csv",
                                      "kiel-data-explorer",
                                      "kiel-total-allocations",
                                      "kiel-procurement-trends",
                                      "kiel-weapons",
                                      "kiel-eu-aid-shares",
                                      "kiel-release-info",
                                      "aidstat-long"};
#define NFORMATS (sizeof formats / sizeof formats[0])

static int record(const aidstat_record_t *rec, void *user)
{
    size_t *n = user;
    /* touching every string makes ASan see a dangling or unterminated one */
    size_t total = strlen(rec->donor) + strlen(rec->iso3) + strlen(rec->recipient) + strlen(rec->currency) +
                   strlen(rec->source) + strlen(rec->release) + strlen(rec->file);
    if (rec->month < 0 || rec->month > 12 || rec->day < 0 || rec->day > 31)
        aid_fuzz_fail("record with a month or day out of range");
    (void)total;
    (*n)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char delims[] = {0, ',', ';', '\t'};
    aidstat_load_options_t opt;
    aidstat_load_options_init(&opt);
    opt.format = formats[(data[0] & 0x0f) % NFORMATS];
    opt.decimal_comma = (data[0] & 0x10) != 0;
    opt.delimiter = delims[(data[0] >> 5) & 3];

    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_error_t err;
    size_t n = 0;
    aidstat_status_t st;
    if (data[0] & 0x80) {
        const char *path = aid_fuzz_path(data + 1, size - 1);
        if (!path || !freopen(path, "rb", stdin)) {
            aidstat_load_report_free(rep);
            return 0;
        }
        st = aidstat_load_file("-", &opt, record, &n, rep, &err);
    } else {
        st = aidstat_load_memory("fuzz.csv", (const char *)data + 1, size - 1, &opt, record, &n, rep, &err);
    }
    if (st == AIDSTAT_OK) {
        uint64_t read = aidstat_load_report_rows_read(rep);
        if (read != aidstat_load_report_rows_used(rep) + aidstat_load_report_rows_rejected(rep) +
                        aidstat_load_report_rows_skipped(rep))
            aid_fuzz_fail("rows read != used + rejected + skipped");
        if (aidstat_load_report_records(rep) != n)
            aid_fuzz_fail("records counted != records delivered");
        for (size_t i = 0; i < aidstat_load_report_reason_count(rep); i++) {
            uint64_t count;
            long lines[3];
            size_t nl;
            const char *why = aidstat_load_report_reason(rep, i, &count, lines, 3, &nl);
            const char *ex = aidstat_load_report_reason_example(rep, i);
            (void)strlen(why);
            if (ex)
                (void)strlen(ex);
        }
    } else {
        char buf[512];
        aidstat_error_format(&err, buf, sizeof buf);
    }
    aidstat_load_report_free(rep);
    return 0;
}
