/* The Kiel r7 workbook's "Aggregates - Country Groups" sheet, read here
 * through the XLSX reader, must equal aidstat's sums by region over the
 * MAIN DATA sheet with the embedded groups (datasets/regions.csv): every
 * group row, every aid type and the total, commitments. The comparison
 * goes through the public path a user takes: aidstat_load_file into
 * aidstat_compare by region and type. Skips (77) without ../shared/datasets.
 *
 * What the sheet does deliberately otherwise, asserted below:
 * - "Non bilateral donors" (IMF, EBRD, IFRC, UN, World Bank) are summed from
 *   the sheet "Multilateral assistance", which aidstat does not load: no
 *   aidstat group has them, and the sheet's figures for them are not ours
 *   to check.
 * - Some group cells are typed-in numbers, not formulas (EU institutions'
 *   military 2.5; the Anglosaxon and Other groups' military and total
 *   columns): they agree with the sums all the same.
 * - "EU members" takes its figures from the Country Summary's "EU member"
 *   column; aidstat's group is eu27 ("EU member states (EU27)") by code. */
#include "config.h"
#include "aidstat.h"
#include "load/xlsx.h"
#include "testlib.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

enum { FIN, HUM, MIL, TOT, NV };

/* Kiel's group names and aidstat's group ids */
static const struct {
    const char *kiel, *id;
} groups[] = {
    {"EU members and institutions", "eu-members-institutions"},
    {"EU members", "eu27"},
    {"EU institutions", "eu-institutions"},
    {"Anglosaxon countries", "anglosaxon"},
    {"Other donor countries", "other-donor-countries"},
};

/* members of the group "Non bilateral donors" (from another sheet) */
static const char *const multilateral[] = {"Non bilateral donors",
                                           "IMF",
                                           "European Bank for Reconstruction and Development",
                                           "International Federation of Red Cross and Red Crescent Societies",
                                           "United Nations",
                                           "World Bank Group"};

typedef struct {
    GHashTable *rows; /* name -> double[NV] */
    GPtrArray *order; /* names in sheet order */
    int col[NV], name_col;
    bool header;
} sheet_t;

static int sheet_row(void *user, char **f, const size_t *lens, size_t n, long row)
{
    sheet_t *S = user;
    (void)lens;
    (void)row;
    if (!S->header) {
        static const char *const want[NV] = {"Financial commitments", "Humanitarian commitments",
                                             "Military commitments", "Total bilateral commitments"};
        for (size_t i = 0; i < n; i++) {
            if (!strcmp(f[i], "Country (group)"))
                S->name_col = (int)i;
            for (int t = 0; t < NV; t++)
                if (!strcmp(f[i], want[t]) && S->col[t] < 0)
                    S->col[t] = (int)i;
        }
        S->header = S->name_col >= 0 && S->col[TOT] >= 0;
        return 0;
    }
    if ((size_t)S->name_col >= n)
        return 0;
    char *name = g_strstrip(g_strdup(f[S->name_col]));
    if (!name[0] || (size_t)S->col[FIN] >= n || !f[S->col[FIN]][0]) {
        g_free(name); /* blank rows, the unit row */
        return 0;
    }
    double *v = g_new0(double, NV);
    for (int t = 0; t < NV; t++)
        v[t] = (size_t)S->col[t] < n ? g_ascii_strtod(f[S->col[t]], NULL) : NAN;
    g_ptr_array_add(S->order, g_strdup(name));
    g_hash_table_insert(S->rows, name, v);
    return 0;
}

static const char *group_id(const char *kiel)
{
    for (size_t i = 0; i < G_N_ELEMENTS(groups); i++)
        if (!strcmp(groups[i].kiel, kiel))
            return groups[i].id;
    return NULL;
}

static bool is_multilateral(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(multilateral); i++)
        if (!strcmp(multilateral[i], name))
            return true;
    return false;
}

/* aidstat's commitments by region and type, € bn: region name -> double[NV] */
static GHashTable *our_sums(const char *path, const aidstat_regions_t *regions, GHashTable *donors)
{
    aidstat_filter_t *filter = aidstat_filter_new();
    aidstat_filter_add_measure(filter, AIDSTAT_MEASURE_COMMITMENT);
    aidstat_compare_options_t opt;
    aidstat_compare_options_init(&opt);
    opt.by[0] = AIDSTAT_KEY_REGION;
    opt.by[1] = AIDSTAT_KEY_TYPE;
    opt.regions = regions;
    opt.filter = filter;
    aidstat_error_t err;
    aidstat_compare_t *c = aidstat_compare_new(&opt, &err);
    GHashTable *out = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (!CHECK(c != NULL))
        return out;
    CHECK_EQ_INT(aidstat_load_file(path, NULL, aidstat_compare_add, c, NULL, &err), AIDSTAT_OK);
    aidstat_result_t *r = aidstat_compare_finish(c, &err);
    if (CHECK(r != NULL)) {
        static const char *const tname[3] = {"Financial", "Humanitarian", "Military"};
        for (size_t i = 0; i < aidstat_result_rows(r); i++) {
            double *v = g_new0(double, NV);
            for (size_t j = 0; j < aidstat_result_cols(r); j++)
                for (int t = 0; t < 3; t++)
                    if (!g_ascii_strcasecmp(aidstat_result_col_label(r, j), tname[t]))
                        v[t] = aidstat_result_cell(r, i, j) / 1e9;
            v[TOT] = aidstat_result_value(r, i) / 1e9;
            g_hash_table_insert(out, g_strdup(aidstat_result_row_label(r, i)), v);
        }
        aidstat_result_free(r);
    }
    aidstat_compare_free(c);

    /* and the donors, to tell member rows from group rows */
    aidstat_compare_options_init(&opt);
    opt.filter = filter;
    c = aidstat_compare_new(&opt, &err);
    if (CHECK(c != NULL) &&
        CHECK_EQ_INT(aidstat_load_file(path, NULL, aidstat_compare_add, c, NULL, &err), AIDSTAT_OK)) {
        r = aidstat_compare_finish(c, &err);
        for (size_t i = 0; r && i < aidstat_result_rows(r); i++)
            g_hash_table_add(donors, g_strdup(aidstat_result_row_label(r, i)));
        aidstat_result_free(r);
    }
    aidstat_compare_free(c);
    aidstat_filter_free(filter);
    return out;
}

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
        return testlib_done("test-kiel-groups");
    long sheet = aid_xlsx_sheet_find(x, "Aggregates - Country Groups");
    CHECK(sheet >= 0);
    sheet_t S = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
                 g_ptr_array_new_with_free_func(g_free),
                 {-1, -1, -1, -1},
                 -1,
                 false};
    CHECK_EQ_INT(aid_xlsx_read_sheet(x, (size_t)sheet, sheet_row, &S, &err), AIDSTAT_OK);
    CHECK(S.header);
    aid_xlsx_close(x);

    aidstat_regions_t *regions = aidstat_regions_load_default(&err);
    if (!CHECK(regions != NULL))
        return testlib_done("test-kiel-groups");
    GHashTable *donors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *ours = our_sums(path, regions, donors);

    /* every row of the sheet is a donor of MAIN DATA, a multilateral
     * institution, or a group aidstat has */
    int group_rows = 0, cells = 0, agree = 0;
    double worst = 0;
    for (guint k = 0; k < S.order->len; k++) {
        const char *name = g_ptr_array_index(S.order, k), *display;
        /* the sheet spells donors as the workbook does ("Turkey"); aidstat
         * names them as the country table does ("Turkiye") */
        if (aidstat_country_find(name, NULL, &display) && g_hash_table_contains(donors, display))
            continue;
        if (g_hash_table_contains(donors, name) || is_multilateral(name))
            continue;
        const char *id = group_id(name);
        if (!CHECK(id != NULL)) {
            printf("  row \"%s\": neither a donor nor a group aidstat knows\n", name);
            continue;
        }
        group_rows++;
        long gi = aidstat_regions_find(regions, id);
        if (!CHECK(gi >= 0))
            continue;
        /* found by Kiel's own name too, where aidstat's name is Kiel's */
        if (strcmp(name, "EU members"))
            CHECK_EQ_INT(aidstat_regions_find(regions, name), gi);
        const double *want = g_hash_table_lookup(S.rows, name);
        const double *got = g_hash_table_lookup(ours, aidstat_regions_name(regions, (size_t)gi));
        if (!CHECK(got != NULL)) {
            printf("  %s: no commitments in aidstat's group %s\n", name, id);
            continue;
        }
        for (int t = 0; t < NV; t++) {
            double rel = want[t] == 0 ? fabs(got[t]) : fabs(got[t] - want[t]) / fabs(want[t]);
            worst = fmax(worst, rel);
            cells++;
            if (CHECK(rel <= 1e-12))
                agree++;
            else
                printf("  %s, column %d: aidstat %.17g, sheet %.17g\n", name, t, got[t], want[t]);
        }
    }
    printf("%d of %d group cells agree; largest relative difference %.3g\n", agree, cells, worst);
    CHECK_EQ_INT(group_rows, (int)G_N_ELEMENTS(groups));
    CHECK_EQ_INT(cells, 4 * (int)G_N_ELEMENTS(groups));

    /* the figures issue 11 quotes, rounded as the sheet shows them */
    const double *eu = g_hash_table_lookup(ours, "EU members and institutions");
    if (CHECK(eu != NULL))
        CHECK_EQ_INT(lround(eu[TOT] * 1000), 29157);
    const double *inst = g_hash_table_lookup(ours, "EU institutions");
    if (CHECK(inst != NULL))
        CHECK_EQ_INT(lround(inst[MIL] * 1000), 2500);

    /* the multilateral group is the sheet's own, not a group of aidstat's */
    CHECK(g_hash_table_contains(S.rows, "Non bilateral donors"));
    CHECK(aidstat_regions_find(regions, "Non bilateral donors") < 0);

    g_hash_table_destroy(ours);
    g_hash_table_destroy(donors);
    aidstat_regions_free(regions);
    g_hash_table_destroy(S.rows);
    g_ptr_array_free(S.order, TRUE);
    g_free(path);
    return testlib_done("test-kiel-groups");
}
