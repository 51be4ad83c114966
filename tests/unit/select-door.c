/* The C API as a door onto a selection, for tests/consistency.sh: loads a
 * file (or the embedded data), compares it by one key under a selection
 * written as text, and prints what the library computed, one fact a line:
 *
 *   select-door [-d FILE] [-b KEY] [-t TOP] [-p gdp] [SELECTION]
 *
 * prints "row<TAB>label<TAB>value", "total<TAB>value", "period<TAB>from<TAB>to",
 * "source<TAB>...", "currency<TAB>...", "basis<TAB>...", and per note
 * "note<TAB>code<TAB>param0<TAB>param1<TAB>subject<TAB>text".
 * Values in full precision (%.17g). Only aidstat.h is used, as an embedding
 * program would. */
#include "aidstat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(const aidstat_error_t *err)
{
    char buf[1200];
    fprintf(stderr, "select-door: %s\n", aidstat_error_format(err, buf, sizeof buf));
    return err->code ? (int)err->code : 1;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *by = "donor", *per = NULL;
    size_t top = 0;
    int c;
    while ((c = getopt(argc, argv, "d:b:t:p:")) != -1) {
        switch (c) {
        case 'd':
            data = optarg;
            break;
        case 'b':
            by = optarg;
            break;
        case 't':
            top = (size_t)strtoul(optarg, NULL, 10);
            break;
        case 'p':
            per = optarg;
            break;
        default:
            return 1;
        }
    }
    const char *selection = optind < argc ? argv[optind] : "";

    aidstat_error_t err;
    aidstat_error_clear(&err);
    aidstat_regions_t *regions = aidstat_regions_load_default(&err);
    if (!regions)
        return fail(&err);
    aidstat_filter_t *f = aidstat_filter_new();
    if (*selection && aidstat_filter_parse(f, selection, regions, &err) != AIDSTAT_OK)
        return fail(&err);

    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    aidstat_key_t key;
    if (aidstat_key_parse(by, &key) != AIDSTAT_OK) {
        fprintf(stderr, "select-door: unknown key %s\n", by);
        return 1;
    }
    opt.by[0] = (aidstat_key_t)key;
    opt.filter = f;
    opt.regions = regions;
    opt.top = top;
    if (per && strcmp(per, "gdp") == 0)
        opt.per = AIDSTAT_PER_GDP;

    aidstat_compare_t *cmp = aidstat_compare_new(&opt, &err);
    if (!cmp)
        return fail(&err);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    aidstat_status_t st;
    if (data) {
        aidstat_load_options_t lo;
        aidstat_load_options_init(&lo);
        st = aidstat_load_file(data, &lo, aidstat_compare_add, cmp, rep, &err);
    } else {
        st = aidstat_load_default(aidstat_compare_add, cmp, rep, &err);
    }
    if (st != AIDSTAT_OK)
        return fail(&err);
    aidstat_compare_add_load_report(cmp, rep);
    aidstat_result_t *r = aidstat_compare_finish(cmp, &err);
    if (!r)
        return fail(&err);

    for (size_t i = 0; i < aidstat_result_rows(r); i++)
        printf("row\t%s\t%.17g\n", aidstat_result_row_label(r, i), aidstat_result_value(r, i));
    printf("total\t%.17g\n", aidstat_result_total(r));
    int y0, m0, y1, m1;
    aidstat_result_period(r, &y0, &m0, &y1, &m1);
    if (m0 && m1)
        printf("period\t%04d-%02d\t%04d-%02d\n", y0, m0, y1, m1);
    else
        printf("period\t%04d\t%04d\n", y0, y1);
    printf("source\t%s\n", aidstat_result_source(r));
    printf("currency\t%s\n", aidstat_result_currency(r));
    printf("basis\t%s\n", aidstat_result_basis(r));
    for (size_t i = 0; i < aidstat_result_note_count(r); i++)
        printf("note\t%d\t%zu\t%zu\t%s\t%s\n", (int)aidstat_result_note_code(r, i),
               aidstat_result_note_count_param(r, i, 0), aidstat_result_note_count_param(r, i, 1),
               aidstat_result_note_subject(r, i) ? aidstat_result_note_subject(r, i) : "",
               aidstat_result_note(r, i));

    aidstat_result_free(r);
    aidstat_compare_free(cmp);
    aidstat_load_report_free(rep);
    aidstat_filter_free(f);
    aidstat_regions_free(regions);
    return 0;
}
