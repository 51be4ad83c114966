/* Internal: a chart's data, copied out of a comparison or a series, the
 * frame every kind is drawn in, and the helpers every kind draws with
 * (frame.c). The lowest floor of src/chart: it calls nothing above it. */
#ifndef AID_CHART_FRAME_H
#define AID_CHART_FRAME_H

#include "aidstat.h"
#include "render/render.h"

#include <glib.h>

typedef struct {
    char *label;
    double *v; /* nser values (categorical) or nt values (time); NaN = none */
    double x;  /* scatter: the horizontal value */
    bool highlight;
    bool others; /* the folded "Others" row */
    bool has_trend;
    aidstat_trend_t trend;
} aid_item_t;

struct aidstat_chart {
    aidstat_chart_options_t opt;
    GStringChunk *strings; /* copies of the option strings */
    const aid_theme_t *theme;
    aid_rgb_t palette[16];
    size_t npalette;
    aid_locale_t locale;
    char *title, *subtitle, *footer, *alt;
    char *csv; /* the numbers attached to a PDF (aidstat_result_csv), or NULL */
    /* values: money in base units of currency, shown with scale; or a
     * percentage (per GDP), or a count */
    char *currency;
    double scale;        /* 1e9: € bn */
    bool percent_values; /* values are % (of GDP); no currency */
    bool plain_values;   /* values are plain numbers (rates): 4 significant digits */
    char *unit_label;    /* "€ billion" */
    /* categorical data: items x series */
    aid_item_t *items;
    size_t nitems;
    char **series; /* series names (stack/group parts, dumbbell ends) */
    size_t nser;
    char *x_label, *y_label; /* scatter axes */
    /* time data: items are groups, v[t] per period */
    size_t nt;
    int *years, *months;
    char **tlabels;
    bool *complete;
    aidstat_interval_t interval;
    GPtrArray *warnings;
    GPtrArray *misses; /* highlight names that match no item, a missing font: warned at each draw */
};

/* The drawing box of a chart: the plot area left after title, subtitle,
 * legend and footer, and the base font. */
typedef struct {
    double x, y, w, h; /* plot area */
    double font;       /* base font size, points */
    const char *family;
} aid_frame_t;

/* Colour of series i (or item i for per-group lines). */
aid_rgb_t aid_chart_color(const aidstat_chart_t *c, size_t i);
void aid_chart_warn(aidstat_chart_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Money or percent for labels: "€1.2 bn", "3.3 %". decimals < 0: automatic. */
char *aid_chart_value(const aidstat_chart_t *c, double v, int decimals, char *buf, size_t len);
/* Axis tick label (no unit). */
char *aid_chart_tick(const aidstat_chart_t *c, double v, double step, char *buf, size_t len);
aid_font_t aid_font(const aid_frame_t *f, double rel, bool bold);

#endif
