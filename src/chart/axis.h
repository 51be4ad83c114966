/* Internal: the pieces of drawing several chart kinds share (axis.c). */
#ifndef AID_CHART_AXIS_H
#define AID_CHART_AXIS_H

#include "chart/frame.h"
#include "chart/scale.h"

/* A horizontal value axis: light vertical grid lines and tick labels below. */
void aid_axis_x(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s, double x0,
                double x1, double y_top, double y_bottom);
/* A vertical value axis: light horizontal grid lines and tick labels at the left. */
void aid_axis_y(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s, double x0,
                double x1, double y_top, double y_bottom);
/* Height a legend of the series names takes at width w (0 when none). */
double aid_legend_height(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double w);
void aid_legend_draw(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x, double y, double w);

#endif
