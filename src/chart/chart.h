/* Internal: a chart's data, copied out of a comparison or a series, and
 * the frame every kind is drawn in. */
#ifndef AID_CHART_H
#define AID_CHART_H

#include "aidstat.h"
#include "render/render.h"

#include <glib.h>

/* The smallest chart that can be read, in points: drawing refuses less,
 * and report specs check their chart heights against it before drawing. */
#define AID_CHART_MIN_W 120.0
#define AID_CHART_MIN_H 90.0

typedef struct {
    char *label;
    double *v;      /* nser values (categorical) or nt values (time); NaN = none */
    double x;       /* scatter: the horizontal value */
    bool highlight;
    bool others;    /* the folded "Others" row */
    bool has_trend;
    aidstat_trend_t trend;
} aid_item_t;

struct aidstat_chart {
    aidstat_chart_options_t opt;
    GStringChunk *strings;    /* copies of the option strings */
    const aid_theme_t *theme;
    aid_rgb_t palette[16];
    size_t npalette;
    aid_locale_t locale;
    char *title, *subtitle, *footer, *alt;
    /* values: money in base units of currency, shown with scale; or a
     * percentage (per GDP), or a count */
    char *currency;
    double scale;             /* 1e9: € bn */
    bool percent_values;      /* values are % (of GDP); no currency */
    bool plain_values;        /* values are plain numbers (rates): 4 significant digits */
    char *unit_label;         /* "€ billion" */
    /* categorical data: items x series */
    aid_item_t *items;
    size_t nitems;
    char **series;            /* series names (stack/group parts, dumbbell ends) */
    size_t nser;
    char *x_label, *y_label;  /* scatter axes */
    /* time data: items are groups, v[t] per period */
    size_t nt;
    int *years, *months;
    char **tlabels;
    bool *complete;
    aidstat_interval_t interval;
    GPtrArray *warnings;
    GPtrArray *misses; /* highlight names that match no item: warned at each draw */
};

/* The drawing box of a chart: the plot area left after title, subtitle,
 * legend and footer, and the base font. */
typedef struct {
    double x, y, w, h;        /* plot area */
    double font;              /* base font size, points */
    const char *family;
} aid_frame_t;

/* Colour of series i (or item i for per-group lines). */
aid_rgb_t aid_chart_color(const aidstat_chart_t *c, size_t i);
void aid_chart_warn(aidstat_chart_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Money or percent for labels: "€1.2 bn", "3.3 %". decimals < 0: automatic. */
char *aid_chart_value(const aidstat_chart_t *c, double v, int decimals, char *buf, size_t len);
/* Axis tick label (no unit). */
char *aid_chart_tick(const aidstat_chart_t *c, double v, double step, char *buf, size_t len);

/* ---- scales */

typedef struct {
    double lo, hi;   /* domain, including zero for bars */
    double step;     /* tick step */
    double first;    /* first tick */
    size_t nticks;
    bool log;
} aid_scale_t;

/* Nice ticks (1, 2, 2.5, 5 x 10^k) covering lo..hi with at most max_ticks. */
void aid_scale_nice(aid_scale_t *s, double lo, double hi, size_t max_ticks);
/* Decades for a log scale over lo..hi (both > 0). */
void aid_scale_log(aid_scale_t *s, double lo, double hi);
double aid_scale_tick(const aid_scale_t *s, size_t i);
/* Position of v in [a, b]. */
double aid_scale_map(const aid_scale_t *s, double v, double a, double b);

/* ---- kinds (one file each) */

aidstat_status_t aid_draw_bar(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);
aidstat_status_t aid_draw_stacked(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);
aidstat_status_t aid_draw_dumbbell(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);
aidstat_status_t aid_draw_scatter(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);
aidstat_status_t aid_draw_time(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err);

/* Shared pieces of drawing. */
/* A horizontal value axis: light vertical grid lines and tick labels below. */
void aid_axis_x(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s,
                double x0, double x1, double y_top, double y_bottom);
/* A vertical value axis: light horizontal grid lines and tick labels at the left. */
void aid_axis_y(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s,
                double x0, double x1, double y_top, double y_bottom);
/* Height a legend of the series names takes at width w (0 when none). */
double aid_legend_height(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double w);
void aid_legend_draw(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x, double y, double w);
aid_font_t aid_font(const aid_frame_t *f, double rel, bool bold);

#endif
