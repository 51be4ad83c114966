/* The aid pipeline: commitments, then allocations, then deliveries, as far
 * as the data has them. Read from a comparison with measures as columns, so
 * the rows (donors, regions, periods, running totals) and every refusal of
 * the comparison come with it; what this adds is the stages in order and
 * what is still pending between each stage and the next one the data has
 * ("committed, not yet allocated"). */
#include "config.h"
#include "data/intl.h"
#include "aidstat.h"
#include "data/error.h"
#include "data/record.h"

#include <glib.h>
#include <math.h>

/* The stages in the order aid passes through them. */
static const aidstat_measure_t order[] = {AIDSTAT_MEASURE_COMMITMENT, AIDSTAT_MEASURE_ALLOCATION,
                                          AIDSTAT_MEASURE_DELIVERY};

struct aidstat_pipeline {
    const aidstat_result_t *r; /* borrowed */
    size_t nstages;
    aidstat_measure_t stage[G_N_ELEMENTS(order)];
    size_t col[G_N_ELEMENTS(order)]; /* the result's column of each stage */
    char *pending[G_N_ELEMENTS(order)];
};

/* "Committed, not yet allocated": the heading of what is pending between
 * stage a and the next, b (whole phrases: German participles differ). */
static const char *pending_label(aidstat_measure_t a, aidstat_measure_t b)
{
    if (a == AIDSTAT_MEASURE_COMMITMENT)
        return b == AIDSTAT_MEASURE_ALLOCATION ? L_("Committed, not yet allocated")
                                               : L_("Committed, not yet delivered");
    return L_("Allocated, not yet delivered");
}

aidstat_pipeline_t *aidstat_pipeline_new(const aidstat_result_t *r, aidstat_error_t *err)
{
    if (aidstat_result_key(r, 1) != AIDSTAT_KEY_MEASURE) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "the pipeline needs a comparison with measures as columns");
        return NULL;
    }
    if (aidstat_result_per(r) != AIDSTAT_PER_NONE || aidstat_result_stat(r) != AIDSTAT_STAT_SUM) {
        aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                      "the pipeline compares sums of money, not shares of GDP or other statistics");
        return NULL;
    }
    aidstat_pipeline_t *p = g_new0(aidstat_pipeline_t, 1);
    p->r = r;
    GString *have = g_string_new(NULL);
    for (size_t k = 0; k < G_N_ELEMENTS(order); k++)
        for (size_t j = 0; j < aidstat_result_cols(r); j++)
            if (aid_measure_parse(aidstat_result_col_label(r, j)) == (int)order[k]) {
                p->stage[p->nstages] = order[k];
                p->col[p->nstages++] = j;
                g_string_append_printf(have, "%s%s", have->len ? ", " : "", aidstat_measure_name(order[k]));
            }
    if (p->nstages < 2) {
        aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                      "the pipeline needs two of commitments, allocations and deliveries; the selection "
                      "has %s",
                      have->len ? have->str : "none of them");
        g_string_free(have, TRUE);
        aidstat_pipeline_free(p);
        return NULL;
    }
    g_string_free(have, TRUE);
    for (size_t k = 0; k + 1 < p->nstages; k++) {
        p->pending[k] = g_strdup(pending_label(p->stage[k], p->stage[k + 1]));
    }
    return p;
}

void aidstat_pipeline_free(aidstat_pipeline_t *p)
{
    if (!p)
        return;
    for (size_t k = 0; k < G_N_ELEMENTS(order); k++)
        g_free(p->pending[k]);
    g_free(p);
}

size_t aidstat_pipeline_stages(const aidstat_pipeline_t *p)
{
    return p->nstages;
}

aidstat_measure_t aidstat_pipeline_stage(const aidstat_pipeline_t *p, size_t k)
{
    return k < p->nstages ? p->stage[k] : AIDSTAT_MEASURE_COUNT;
}

double aidstat_pipeline_value(const aidstat_pipeline_t *p, size_t i, size_t k)
{
    if (k >= p->nstages)
        return NAN;
    return i == (size_t)-1 ? aidstat_result_col_total(p->r, p->col[k])
                           : aidstat_result_cell(p->r, i, p->col[k]);
}

double aidstat_pipeline_pending(const aidstat_pipeline_t *p, size_t i, size_t k)
{
    if (k + 1 >= p->nstages)
        return NAN;
    return aidstat_pipeline_value(p, i, k) - aidstat_pipeline_value(p, i, k + 1);
}

const char *aidstat_pipeline_pending_label(const aidstat_pipeline_t *p, size_t k)
{
    return k + 1 < p->nstages ? p->pending[k] : NULL;
}

double aidstat_pipeline_passed(const aidstat_pipeline_t *p, size_t i)
{
    double first = aidstat_pipeline_value(p, i, 0), last = aidstat_pipeline_value(p, i, p->nstages - 1);
    return first > 0 ? last / first : NAN;
}
