/* Internal: the chart kinds, one file each. chart.c reaches them only
 * through its dispatch table; they draw with frame.h and axis.h and call
 * nothing in chart.c or adapt.c. */
#ifndef AID_CHART_KINDS_H
#define AID_CHART_KINDS_H

#include "chart/frame.h"

/* The tallest row of a bar chart, in text heights (the frame's font size):
 * two or three bars in a tall plot stay bars, not slabs. */
#define AID_BAND_MAX 2.8

/* Draws the chart's data into the plot area f. */
typedef aidstat_status_t (*aid_kind_draw_fn)(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f,
                                             aidstat_error_t *err);

aidstat_status_t aid_draw_bar(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);
aidstat_status_t aid_draw_stacked(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f,
                                  aidstat_error_t *err);
aidstat_status_t aid_draw_dumbbell(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f,
                                   aidstat_error_t *err);
aidstat_status_t aid_draw_scatter(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f,
                                  aidstat_error_t *err);
aidstat_status_t aid_draw_time(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);

#endif
