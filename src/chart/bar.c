/* Horizontal ranked bars: names at the left (wrapped or shortened, never
 * clipped), value labels at the bar ends, "Others" in grey. */
#include "config.h"
#include "chart/axis.h"
#include "chart/kinds.h"
#include "data/error.h"

#include <math.h>

aidstat_status_t aid_draw_bar(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    size_t n = c->nitems;
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        double v = c->items[i].v[0];
        if (!isnan(v)) {
            lo = MIN(lo, v);
            hi = MAX(hi, v);
        }
    }
    aid_scale_t s;
    aid_scale_nice(&s, lo, hi, 6);

    /* rows: the font shrinks with the row height, down to a limit */
    double axis_h = f->font * 1.6;
    /* a few bars stay bars, not slabs: at most AID_BAND_MAX text heights a
     * row, the group centred in the plot */
    double band = MIN((f->h - axis_h) / (double)n, f->font * AID_BAND_MAX);
    double slack = f->h - axis_h - band * (double)n;
    aid_frame_t rf = *f;
    rf.font = MIN(f->font, band / 1.35);
    if (rf.font < 4.5)
        return aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "%zu bars do not fit in a plot %.0f pt high: show fewer rows or make the chart taller", n, f->h);
    aid_font_t lf = aid_font(&rf, 1.0, false);
    lf.max_lines = band >= rf.font * 2.6 ? 2 : 1;
    /* the name column: as wide as the longest name, at most 32 % */
    double namew = 0;
    for (size_t i = 0; i < n; i++) {
        PangoLayout *l = aid_text(cr, c->items[i].label, &lf);
        double w;
        aid_text_extent(l, &w, NULL);
        namew = MAX(namew, w);
        g_object_unref(l);
    }
    namew = MIN(namew, f->w * 0.32);
    lf.width = namew;
    /* room for the value label after the longest bar */
    aid_font_t vf = aid_font(&rf, 0.9, false);
    char buf[64];
    double valw = 0;
    for (size_t i = 0; i < n; i++) {
        PangoLayout *l = aid_text(cr, aid_chart_value(c, c->items[i].v[0], -1, buf, sizeof buf), &vf);
        double w;
        aid_text_extent(l, &w, NULL);
        valw = MAX(valw, w);
        g_object_unref(l);
    }
    double x0 = f->x + namew + rf.font * 0.8;
    double x1 = f->x + f->w - valw - rf.font * 0.6;
    if (x1 - x0 < f->w * 0.25)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "the chart is too narrow for its names and values: make it wider");
    double ytop = f->y + slack / 2, ybot = ytop + band * (double)n;
    aid_axis_x(c, cr, f, &s, x0, x1, ytop, ybot);
    size_t shortened = 0;
    bool any_highlight = false;
    for (size_t i = 0; i < n; i++)
        any_highlight |= c->items[i].highlight;
    for (size_t i = 0; i < n; i++) {
        aid_item_t *it = &c->items[i];
        double yc = ytop + band * ((double)i + 0.5);
        PangoLayout *l = aid_text(cr, it->label, &lf);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        shortened += aid_text_ellipsized(l);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw_at(cr, l, f->x + namew, yc - th / 2, 1);
        g_object_unref(l);
        double v = it->v[0];
        if (isnan(v))
            continue;
        double xa = aid_scale_map(&s, 0, x0, x1), xb = aid_scale_map(&s, v, x0, x1);
        double bh = band * 0.68;
        aid_rgb_t col = it->others      ? c->theme->other
                        : any_highlight ? (it->highlight ? c->theme->highlight : c->theme->other)
                                        : aid_chart_color(c, 0);
        aid_set_rgb(cr, col);
        cairo_rectangle(cr, MIN(xa, xb), yc - bh / 2, fabs(xb - xa), bh);
        cairo_fill(cr);
        PangoLayout *vl = aid_text(cr, aid_chart_value(c, v, -1, buf, sizeof buf), &vf);
        double vw, vh;
        aid_text_extent(vl, &vw, &vh);
        aid_set_rgb(cr, c->theme->ink);
        double vx = v >= 0 ? xb + rf.font * 0.3 : xb - vw - rf.font * 0.3;
        if (v < 0 && vx < x0) /* a negative bar's label goes inside when it must */
            vx = xb + rf.font * 0.3;
        aid_text_draw(cr, vl, vx, yc - vh / 2);
        g_object_unref(vl);
    }
    if (shortened)
        aid_chart_warn(c, "%zu names shortened to fit; widen the chart to see them whole", shortened);
    return AIDSTAT_OK;
}
