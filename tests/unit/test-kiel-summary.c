/* The Kiel r7 workbook checks itself: its "Country Summary" sheet, read
 * here through the XLSX reader, must equal aidstat's per-donor sums of
 * commitments by type over the MAIN DATA sheet, loaded through
 * aidstat_load_file. Skips (77) without ../shared/datasets.
 *
 * Where the two disagree, the reason is known and asserted too (see
 * exceptions[] below). */
#include "config.h"
#include "aidstat.h"
#include "load/xlsx.h"
#include "testlib.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

enum { FIN, HUM, MIL, NT };

typedef struct {
    double v[NT];
    bool in_summary;
} sums_t;

typedef struct {
    GHashTable *by; /* donor -> sums_t */
    int col[NT], name_col;
    bool header;
    bool done;
    double total[NT]; /* the sheet's "Total" row */
} summary_t;

static sums_t *get(GHashTable *h, const char *donor)
{
    /* the sheet spells donors as the workbook does ("Czech Republic");
     * aidstat names them as the country table does ("Czechia") */
    const char *name;
    if (aidstat_country_find(donor, NULL, &name))
        donor = name;
    sums_t *s = g_hash_table_lookup(h, donor);
    if (!s) {
        s = g_new0(sums_t, 1);
        g_hash_table_insert(h, g_strdup(donor), s);
    }
    return s;
}

static int summary_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    summary_t *S = user;
    (void)lens;
    (void)row;
    if (S->done)
        return 0;
    if (!S->header) {
        static const char *const want[NT] = {"Financial commitments", "Humanitarian commitments",
                                             "Military commitments"};
        for (size_t i = 0; i < n; i++) {
            if (!strcmp(f[i], "Country"))
                S->name_col = (int)i;
            for (int t = 0; t < NT; t++)
                if (!strcmp(f[i], want[t]) && S->col[t] < 0)
                    S->col[t] = (int)i;
        }
        S->header = S->name_col >= 0 && S->col[MIL] >= 0;
        return 0;
    }
    if ((size_t)S->name_col >= n || !f[S->name_col][0])
        return 0; /* the unit row, blank rows */
    const char *name = f[S->name_col];
    if (!strcmp(name, "Total")) {
        for (int t = 0; t < NT; t++)
            S->total[t] = (size_t)S->col[t] < n ? g_ascii_strtod(f[S->col[t]], NULL) : NAN;
        S->done = true;
        return 0;
    }
    sums_t *s = get(S->by, name);
    s->in_summary = true;
    for (int t = 0; t < NT; t++)
        s->v[t] = (size_t)S->col[t] < n ? g_ascii_strtod(f[S->col[t]], NULL) : 0;
    return 0;
}

static int add(const aidstat_record_t *r, void *user)
{
    GHashTable *h = user;
    if (r->measure != AIDSTAT_MEASURE_COMMITMENT)
        return 0;
    int t = r->type == AIDSTAT_TYPE_FINANCIAL      ? FIN
            : r->type == AIDSTAT_TYPE_HUMANITARIAN ? HUM
            : r->type == AIDSTAT_TYPE_MILITARY     ? MIL
                                                   : -1;
    if (t >= 0)
        get(h, r->donor)->v[t] += r->value / 1e9;
    return 0;
}

/* Donors in MAIN DATA that the Country Summary does not list: Kiel shares
 * the EU's financing instruments out among the member states (the "EPF aid
 * shares" and "EIB aid shares" sheets) instead of showing them as donors,
 * so their own rows are absent and the sheet's Total leaves them out.
 * ("EU (Commission and Council)" is a row of the summary and agrees.) */
static const struct {
    const char *donor;
    double v[NT]; /* aidstat's commitments, € bn */
} not_listed[] = {
    {"European Peace Facility", {0, 0, 2.5}},
    {"European Investment Bank", {2.0025, 0, 0}},
};

int main(void)
{
    const char *shared = getenv("SHARED");
    char *path = g_build_filename(shared && *shared ? shared : "../shared/datasets", "kiel-ust-r7-xlsx",
                                  "Ukraine_Support_Tracker.xlsx", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        printf("skipped: %s not found\n", path);
        g_free(path);
        return 77;
    }
    aidstat_error_t err;
    aid_xlsx_t *x = aid_xlsx_open(path, "book.xlsx", NULL, &err);
    if (!CHECK(x != NULL))
        return testlib_done("test-kiel-summary");
    long sheet = aid_xlsx_sheet_find(x, "Country Summary");
    CHECK(sheet >= 0);
    GHashTable *summary = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    summary_t S = {summary, {-1, -1, -1}, -1, false, false, {0, 0, 0}};
    CHECK_EQ_INT(aid_xlsx_read_sheet(x, (size_t)sheet, summary_row, &S, &err), AIDSTAT_OK);
    CHECK(S.header && S.done);
    aid_xlsx_close(x);

    GHashTable *ours = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    aidstat_load_report_t *rep = aidstat_load_report_new();
    CHECK_EQ_INT(aidstat_load_file(path, NULL, add, ours, rep, &err), AIDSTAT_OK);

    /* every donor of the summary, every type: equal up to the order of
     * the additions (Excel's and ours), at most 1e-12 of the value */
    GHashTableIter it;
    gpointer k, v;
    int cells = 0, agree = 0;
    double worst = 0;
    g_hash_table_iter_init(&it, summary);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const sums_t *want = v;
        const sums_t *got = g_hash_table_lookup(ours, k);
        if (!CHECK(got != NULL)) {
            printf("  %s: in the summary, not in MAIN DATA\n", (char *)k);
            continue;
        }
        for (int t = 0; t < NT; t++) {
            double g = got->v[t], w = want->v[t];
            double rel = w == 0 ? fabs(g) : fabs(g - w) / fabs(w);
            worst = fmax(worst, rel);
            cells++;
            if (CHECK(rel <= 1e-12))
                agree++;
            else
                printf("  %s, type %d: aidstat %.17g, summary %.17g\n", (char *)k, t, g, w);
        }
    }
    printf("%d of %d summary cells agree; largest relative difference %.3g\n", agree, cells, worst);
    CHECK_EQ_INT(g_hash_table_size(summary), 41);
    CHECK_EQ_INT(cells, 123);
    CHECK(g_hash_table_lookup(summary, "EU (Commission and Council)") != NULL);

    /* PROVENANCE.md's headline: United States military commitments €27.645 bn */
    const sums_t *us = g_hash_table_lookup(ours, "United States");
    if (CHECK(us != NULL))
        CHECK_EQ_INT(lround(us->v[MIL] * 1000), 27645);

    /* the donors the summary does not list, and nothing else */
    double all[NT] = {0}, unlisted[NT] = {0};
    g_hash_table_iter_init(&it, ours);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const sums_t *s = v;
        for (int t = 0; t < NT; t++)
            all[t] += s->v[t];
        if (g_hash_table_lookup(summary, k))
            continue;
        bool known = false;
        for (size_t i = 0; i < G_N_ELEMENTS(not_listed); i++)
            if (!strcmp(k, not_listed[i].donor)) {
                known = true;
                for (int t = 0; t < NT; t++) {
                    CHECK_NEAR(s->v[t], not_listed[i].v[t], 1e-12);
                    unlisted[t] += s->v[t];
                }
            }
        if (!CHECK(known))
            printf("  %s: in MAIN DATA, not in the summary\n", (char *)k);
    }
    CHECK_EQ_INT(g_hash_table_size(ours), 43);
    /* the sheet's Total row: all of MAIN DATA but those two */
    for (int t = 0; t < NT; t++)
        CHECK_NEAR(all[t] - unlisted[t], S.total[t], 1e-12);
    /* and the rounded figures PROVENANCE.md quotes: 36.074, 14.364, 38.791 */
    CHECK_EQ_INT(lround(S.total[FIN] * 1000), 36074);
    CHECK_EQ_INT(lround(S.total[HUM] * 1000), 14364);
    CHECK_EQ_INT(lround(S.total[MIL] * 1000), 38791);

    /* every row accounted for */
    CHECK_EQ_INT(aidstat_load_report_rows_read(rep), 1032);
    CHECK_EQ_INT(aidstat_load_report_rows_used(rep) + aidstat_load_report_rows_rejected(rep) +
                     aidstat_load_report_rows_skipped(rep),
                 1032);
    aidstat_load_report_free(rep);
    g_hash_table_destroy(ours);
    g_hash_table_destroy(summary);
    g_free(path);
    return testlib_done("test-kiel-summary");
}
