/* Dumbbells: per item two values (e.g. commitments and allocations) as two
 * dots joined by a thin grey line, rows ordered by the gap between them,
 * names at the left, a legend above, the larger value labelled. */
#include "config.h"
#include "chart/axis.h"
#include "chart/kinds.h"
#include "data/error.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    size_t i;
    double gap; /* |v0 - v1|; -1 when a value is missing */
    bool others;
} row_t;

/* Largest gap first; rows without a gap after those with one; "Others"
 * last, as in every ranking; ties in the items' own order. */
static int row_cmp(const void *pa, const void *pb)
{
    const row_t *a = pa, *b = pb;
    if (a->others != b->others)
        return a->others ? 1 : -1;
    if (a->gap != b->gap)
        return a->gap > b->gap ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static double text_width(cairo_t *cr, const char *s, const aid_font_t *font)
{
    PangoLayout *l = aid_text(cr, s, font);
    double w;
    aid_text_extent(l, &w, NULL);
    g_object_unref(l);
    return w;
}

/* "Others" in greys: the first end dark, the second lighter, both darker
 * than the line between them. */
static aid_rgb_t end_color(const aidstat_chart_t *c, const aid_item_t *it, size_t j)
{
    if (!it->others)
        return aid_chart_color(c, j);
    aid_rgb_t g = c->theme->other;
    double k = j == 0 ? 0.5 : 0.8;
    aid_rgb_t o = {g.r * k, g.g * k, g.b * k};
    return o;
}

/* The key: a dot like the marks (the shared legend draws squares) and the
 * name of each end, in rows that wrap; returns the height it took. */
static double key(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f)
{
    aid_font_t font = aid_font(f, 0.9, false);
    double d = f->font * 0.8, gap = f->font * 1.2;
    double x = f->x, y = f->y, row = 0;
    for (size_t j = 0; j < 2; j++) {
        PangoLayout *l = aid_text(cr, c->series[j], &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        double item = d + f->font * 0.35 + tw;
        if (x > f->x && x + item > f->x + f->w) {
            x = f->x;
            y += row + f->font * 0.3;
            row = 0;
        }
        cairo_new_path(cr);
        cairo_arc(cr, x + d / 2, y + th / 2, d / 2, 0, 2 * G_PI);
        aid_set_rgb(cr, aid_chart_color(c, j));
        cairo_fill(cr);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw(cr, l, x + d + f->font * 0.35, y);
        g_object_unref(l);
        x += item + gap;
        row = MAX(row, th);
    }
    return y + row - f->y;
}

aidstat_status_t aid_draw_dumbbell(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f,
                                   aidstat_error_t *err)
{
    size_t n = c->nitems;
    if (c->nser < 2)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0, "a dumbbell chart needs two values per row");
    char buf[64];

    row_t *rows = g_new(row_t, n);
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        const aid_item_t *it = &c->items[i];
        double a = it->v[0], b = it->v[1];
        rows[i].i = i;
        rows[i].others = it->others;
        rows[i].gap = isnan(a) || isnan(b) ? -1 : fabs(a - b);
        for (size_t j = 0; j < 2; j++)
            if (!isnan(it->v[j])) {
                lo = MIN(lo, it->v[j]);
                hi = MAX(hi, it->v[j]);
            }
    }
    qsort(rows, n, sizeof *rows, row_cmp);
    aid_scale_t s;
    aid_scale_nice(&s, lo, hi, 6);

    /* the legend names the two ends */
    double top = f->y, height = f->h;
    double lh = key(c, cr, f);
    top += lh + f->font * 0.8;
    height -= lh + f->font * 0.8;

    double axis_h = f->font * 1.6;
    double band = (height - axis_h) / (double)n;
    aid_frame_t rf = *f;
    rf.font = MIN(f->font, band / 1.35);
    if (rf.font < 4.5) {
        g_free(rows);
        return aid_error_set(
            err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
            "%zu rows do not fit in a plot %.0f pt high: show fewer rows or make the chart taller", n,
            height);
    }
    aid_font_t lf = aid_font(&rf, 1.0, false);
    lf.max_lines = band >= rf.font * 2.6 ? 2 : 1;
    double namew = 0;
    for (size_t i = 0; i < n; i++)
        namew = MAX(namew, text_width(cr, c->items[i].label, &lf));
    namew = MIN(namew, f->w * 0.32);
    lf.width = namew;

    /* the dots: as large as the row allows, never larger than the text */
    double r = MIN(band * 0.3, rf.font * 0.42);
    r = MAX(r, 1.5);
    aid_font_t vf = aid_font(&rf, 0.9, false);
    double valw = 0;
    for (size_t i = 0; i < n; i++) {
        const aid_item_t *it = &c->items[i];
        double big = isnan(it->v[0]) ? it->v[1] : isnan(it->v[1]) ? it->v[0] : MAX(it->v[0], it->v[1]);
        if (!isnan(big))
            valw = MAX(valw, text_width(cr, aid_chart_value(c, big, -1, buf, sizeof buf), &vf));
    }
    aid_font_t tf = aid_font(f, 0.85, false);
    aid_chart_tick(c, aid_scale_tick(&s, s.nticks - 1), s.step, buf, sizeof buf);
    double tickw = text_width(cr, buf, &tf);
    double x0 = f->x + namew + rf.font * 0.8 + r;
    double x1 = f->x + f->w - MAX(valw + r + rf.font * 0.5, tickw / 2 + 1);
    if (x1 - x0 < f->w * 0.25) {
        g_free(rows);
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "the chart is too narrow for its names and values: make it wider");
    }
    double ytop = top, ybot = top + band * (double)n;
    aid_axis_x(c, cr, f, &s, x0, x1, ytop, ybot);

    size_t shortened = 0;
    for (size_t k = 0; k < n; k++) {
        const aid_item_t *it = &c->items[rows[k].i];
        double yc = ytop + band * ((double)k + 0.5);
        PangoLayout *l = aid_text(cr, it->label, &lf);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        shortened += aid_text_ellipsized(l);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw_at(cr, l, f->x + namew, yc - th / 2, 1);
        g_object_unref(l);

        double a = it->v[0], b = it->v[1];
        double xa = isnan(a) ? (double)NAN : aid_scale_map(&s, a, x0, x1);
        double xb = isnan(b) ? (double)NAN : aid_scale_map(&s, b, x0, x1);
        if (!isnan(xa) && !isnan(xb) && fabs(xb - xa) > 2 * r) {
            aid_set_rgb(cr, c->theme->other);
            cairo_set_line_width(cr, MAX(1.0, r * 0.55));
            cairo_move_to(cr, MIN(xa, xb) + r, yc);
            cairo_line_to(cr, MAX(xa, xb) - r, yc);
            cairo_stroke(cr);
        }
        /* the larger value last, so a close pair still shows both colours
         * at its ends; a ring in the background colour parts touching dots */
        size_t order[2] = {0, 1};
        if (!isnan(a) && !isnan(b) && a > b)
            order[0] = 1, order[1] = 0;
        for (size_t o = 0; o < 2; o++) {
            size_t j = order[o];
            double x = j == 0 ? xa : xb;
            if (isnan(x))
                continue;
            cairo_new_path(cr);
            cairo_arc(cr, x, yc, r, 0, 2 * G_PI);
            aid_set_rgb(cr, end_color(c, it, j));
            cairo_fill_preserve(cr);
            aid_set_rgb(cr, c->theme->background);
            cairo_set_line_width(cr, 0.6);
            cairo_stroke(cr);
        }
        double big = isnan(a) ? b : isnan(b) ? a : MAX(a, b);
        if (isnan(big))
            continue;
        double xr = isnan(xa) ? xb : isnan(xb) ? xa : MAX(xa, xb);
        PangoLayout *vl = aid_text(cr, aid_chart_value(c, big, -1, buf, sizeof buf), &vf);
        double vw, vh;
        aid_text_extent(vl, &vw, &vh);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw(cr, vl, xr + r + rf.font * 0.3, yc - vh / 2);
        g_object_unref(vl);
    }
    g_free(rows);
    if (shortened)
        aid_chart_warn(c, "%zu names shortened to fit; widen the chart to see them whole", shortened);
    return AIDSTAT_OK;
}
