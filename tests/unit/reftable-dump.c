/* reftable-dump: print what aidstat's reference table returns, for the
 * script tests to compare with their own reading of the source file.
 *
 *     reftable-dump KIND FILE [SHEET] < queries
 *
 * KIND is gdp, population, deflator or milex. Each query line is
 * "code<TAB>name<TAB>year" (either of code and name may be empty); each
 * answer line is the value with 17 significant digits, or "nan". Before
 * the answers: "describe: ...", "currency: ..." and one "note: ..." line
 * per note. Only the public API is used. */
#include "aidstat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: reftable-dump KIND FILE [SHEET] < queries\n");
        return 2;
    }
    static const char *const kinds[] = {"gdp", "population", "deflator", "milex"};
    static const aidstat_ref_kind_t kind_of[] = {AIDSTAT_REF_GDP, AIDSTAT_REF_POPULATION,
                                                 AIDSTAT_REF_DEFLATOR, AIDSTAT_REF_MILEX};
    int k = -1;
    for (int i = 0; i < 4; i++)
        if (!strcmp(argv[1], kinds[i]))
            k = i;
    if (k < 0) {
        fprintf(stderr, "reftable-dump: unknown kind %s\n", argv[1]);
        return 2;
    }
    aidstat_error_t err;
    aidstat_reftable_t *t =
        aidstat_reftable_load_sheet(argv[2], kind_of[k], argc == 4 ? argv[3] : NULL, NULL, &err);
    if (!t) {
        char buf[1200];
        fprintf(stderr, "reftable-dump: %s\n", aidstat_error_format(&err, buf, sizeof buf));
        return 1;
    }
    printf("describe: %s\ncurrency: %s\n", aidstat_reftable_describe(t), aidstat_reftable_currency(t));
    for (size_t i = 0; i < aidstat_reftable_note_count(t); i++)
        printf("note: %s\n", aidstat_reftable_note(t, i));
    char line[1024];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2) {
            fprintf(stderr, "reftable-dump: bad query line: %s\n", line);
            aidstat_reftable_free(t);
            return 2;
        }
        *tab1 = *tab2 = '\0';
        double v = aidstat_reftable_get(t, line, tab1 + 1, atoi(tab2 + 1));
        if (v != v)
            puts("nan");
        else
            printf("%.17g\n", v);
    }
    aidstat_reftable_free(t);
    return 0;
}
