/* Internal: the chart object (chart.c) as the code that fills it (adapt.c)
 * and the report layout see it. The data and the drawing helpers are in
 * frame.h. */
#ifndef AID_CHART_H
#define AID_CHART_H

#include "chart/frame.h"

/* The smallest chart that can be read, in points: drawing refuses less,
 * and report specs check their chart heights against it before drawing. */
#define AID_CHART_MIN_W 120.0
#define AID_CHART_MIN_H 90.0

/* A chart with its options copied and checked (theme, locale, colours),
 * and no data yet; NULL and err set on a bad option. */
/* The chart's SVG as an element to put inside an HTML page (chart/html.c):
 * no XML declaration, every id prefixed with prefix, no width or height
 * (it scales in its box by its viewBox), attrs added to the root element. */
aidstat_status_t aid_chart_svg_inline(aidstat_chart_t *c, double width, double height, const char *prefix,
                                      const char *attrs, GString *out, aidstat_error_t *err);
/* aidstat_chart_kind_parse inside the library: the kind, or -1. */
int aid_chart_kind_parse(const char *s);

aidstat_chart_t *aid_chart_new(const aidstat_chart_options_t *opt, aidstat_error_t *err);
/* The numbers attached to the chart's PDF as CSV text, or NULL. */
const char *aid_chart_csv(const aidstat_chart_t *c);

#endif
