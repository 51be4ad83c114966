/* (dumbbell charts: being written) */
#include "config.h"
#include "chart/chart.h"
#include "data/error.h"

aidstat_status_t aid_draw_dumbbell(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    (void)c, (void)cr, (void)f;
    return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "dumbbell charts are not drawn yet");
}
