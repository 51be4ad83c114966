/* Axes and legends: light grid lines only, tick labels in the muted ink,
 * no box. */
#include "config.h"
#include "chart/axis.h"

#include <math.h>

void aid_axis_x(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s, double x0,
                double x1, double y_top, double y_bottom)
{
    aid_font_t font = aid_font(f, 0.85, false);
    char buf[64];
    double last_right = -INFINITY;
    for (size_t i = 0; i < s->nticks; i++) {
        double v = aid_scale_tick(s, i);
        double x = aid_scale_map(s, v, x0, x1);
        aid_set_rgb(cr, v == 0 && !s->log ? c->theme->muted : c->theme->grid);
        cairo_set_line_width(cr, v == 0 && !s->log ? 0.8 : 0.5);
        cairo_move_to(cr, x, y_top);
        cairo_line_to(cr, x, y_bottom);
        cairo_stroke(cr);
        PangoLayout *l = aid_text(cr, aid_chart_tick(c, v, s->step, buf, sizeof buf), &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        /* skip a label that would touch the one before */
        if (x - tw / 2 > last_right + f->font * 0.5) {
            aid_set_rgb(cr, c->theme->muted);
            aid_text_draw_at(cr, l, x, y_bottom + f->font * 0.3, 0.5);
            last_right = x + tw / 2;
        }
        g_object_unref(l);
    }
}

void aid_axis_y(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s, double x0,
                double x1, double y_top, double y_bottom)
{
    aid_font_t font = aid_font(f, 0.85, false);
    char buf[64];
    for (size_t i = 0; i < s->nticks; i++) {
        double v = aid_scale_tick(s, i);
        double y = aid_scale_map(s, v, y_bottom, y_top);
        aid_set_rgb(cr, v == 0 && !s->log ? c->theme->muted : c->theme->grid);
        cairo_set_line_width(cr, v == 0 && !s->log ? 0.8 : 0.5);
        cairo_move_to(cr, x0, y);
        cairo_line_to(cr, x1, y);
        cairo_stroke(cr);
        PangoLayout *l = aid_text(cr, aid_chart_tick(c, v, s->step, buf, sizeof buf), &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        aid_set_rgb(cr, c->theme->muted);
        aid_text_draw_at(cr, l, x0 - f->font * 0.4, y - th / 2, 1);
        g_object_unref(l);
    }
}

/* Legend: a swatch and a name per series, in rows that wrap. */
static double legend_layout(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x, double y,
                            double w, bool draw)
{
    if (c->nser < 2)
        return 0;
    aid_font_t font = aid_font(f, 0.9, false);
    double sw = f->font * 0.9, gap = f->font * 1.2;
    double cx = x, cy = y, row = 0;
    for (size_t j = 0; j < c->nser; j++) {
        PangoLayout *l = aid_text(cr, c->series[j], &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        double item = sw + f->font * 0.35 + tw;
        if (cx > x && cx + item > x + w) {
            cx = x;
            cy += row + f->font * 0.3;
            row = 0;
        }
        if (draw) {
            aid_set_rgb(cr, aid_chart_color(c, j));
            cairo_rectangle(cr, cx, cy + (th - sw) / 2, sw, sw);
            cairo_fill(cr);
            aid_set_rgb(cr, c->theme->ink);
            aid_text_draw(cr, l, cx + sw + f->font * 0.35, cy);
        }
        g_object_unref(l);
        cx += item + gap;
        row = MAX(row, th);
    }
    return cy + row - y;
}

double aid_legend_height(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double w)
{
    return legend_layout(c, cr, f, 0, 0, w, false);
}

void aid_legend_draw(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x, double y, double w)
{
    legend_layout(c, cr, f, x, y, w, true);
}
