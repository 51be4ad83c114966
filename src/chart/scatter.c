/* Scatter: money on x against a share of GDP on y, linear or logarithmic,
 * every point labelled where its label fits without touching another
 * label or point (moved away with a leader line when it must, dropped with
 * a warning when there is no room at all). Light grid on both axes; the
 * axis titles in the muted ink, the y title above its axis where it reads
 * horizontally. */
#include "config.h"
#include "chart/axis.h"
#include "chart/kinds.h"
#include "data/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    double x0, y0, x1, y1;
} box_t;

typedef struct {
    double ax, ay, bx, by;
} seg_t;

static bool box_hit(const box_t *a, const box_t *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Whether a segment crosses a box (Liang–Barsky clipping). */
static bool seg_hit(const seg_t *s, const box_t *b)
{
    double t0 = 0, t1 = 1, dx = s->bx - s->ax, dy = s->by - s->ay;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {s->ax - b->x0, b->x1 - s->ax, s->ay - b->y0, b->y1 - s->ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
        } else {
            double t = q[i] / p[i];
            if (p[i] < 0)
                t0 = MAX(t0, t);
            else
                t1 = MIN(t1, t);
            if (t0 > t1)
                return false;
        }
    }
    return true;
}

/* ---- axes */

typedef struct {
    aid_scale_t s;
    double ticks[64];
    size_t nticks;
    bool percent; /* tick labels in % (no money scale) */
} axis_t;

/* A log axis over the data with a little air, ticks at the powers of ten
 * inside it, and at 2 and 5 times them when there are few decades. */
static void log_axis(axis_t *a, double lo, double hi)
{
    aid_scale_log(&a->s, lo, hi);
    double llo = log10(lo), lhi = log10(hi);
    if (lhi - llo < 1) { /* at least a decade, so there are ticks to read */
        double mid = (llo + lhi) / 2;
        llo = mid - 0.5;
        lhi = mid + 0.5;
    }
    double pad = MAX((lhi - llo) * 0.04, 0.05);
    a->s.lo = pow(10, llo - pad);
    a->s.hi = pow(10, lhi + pad);
    double span = lhi - llo + 2 * pad;
    static const double m1[] = {1}, m3[] = {1, 2, 5}, m5[] = {1, 1.5, 2, 3, 5, 7};
    const double *m = span > 3 ? m1 : span > 1.2 ? m3 : m5;
    size_t nm = span > 3 ? 1 : span > 1.2 ? 3 : 6;
    a->nticks = 0;
    for (double e = floor(log10(a->s.lo)); e <= ceil(log10(a->s.hi)); e++)
        for (size_t k = 0; k < nm && a->nticks < G_N_ELEMENTS(a->ticks); k++) {
            double v = m[k] * pow(10, e);
            if (v >= a->s.lo * (1 - 1e-9) && v <= a->s.hi * (1 + 1e-9))
                a->ticks[a->nticks++] = v;
        }
}

static void lin_axis(axis_t *a, double hi, size_t max_ticks)
{
    aid_scale_nice(&a->s, 0, hi * 1.03, max_ticks); /* a dot never sits on the edge */
    a->nticks = MIN(a->s.nticks, G_N_ELEMENTS(a->ticks));
    for (size_t i = 0; i < a->nticks; i++)
        a->ticks[i] = aid_scale_tick(&a->s, i);
}

/* Tick label of a log axis: as many decimals as the tick itself needs. */
static char *log_tick(const aidstat_chart_t *c, const axis_t *a, double v, char *buf, size_t len)
{
    double shown = a->percent ? v : v / c->scale;
    int d = 0;
    while (d < 8 && fabs(shown * pow(10, d) - round(shown * pow(10, d))) > 1e-6 * pow(10, d))
        d++;
    return aid_num(shown, d, c->locale, buf, len);
}

static char *tick_text(aidstat_chart_t *c, const axis_t *a, double v, char *buf, size_t len)
{
    if (a->s.log)
        return log_tick(c, a, v, buf, len);
    bool saved = c->percent_values;
    c->percent_values = a->percent;
    aid_chart_tick(c, v, a->s.step, buf, len);
    c->percent_values = saved;
    return buf;
}

static double ticks_width(aidstat_chart_t *c, cairo_t *cr, const axis_t *a, const aid_font_t *font,
                          double *last)
{
    char buf[64];
    double w = 0, lw = 0;
    for (size_t i = 0; i < a->nticks; i++) {
        PangoLayout *l = aid_text(cr, tick_text(c, a, a->ticks[i], buf, sizeof buf), font);
        aid_text_extent(l, &lw, NULL);
        w = MAX(w, lw);
        g_object_unref(l);
    }
    if (last)
        *last = lw;
    return w;
}

/* Log axes: the shared axes format ticks with one step for all, which a
 * log scale does not have; the look is the same. */
static void log_grid_x(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const axis_t *a, double x0,
                       double x1, double ytop, double ybot)
{
    aid_font_t font = aid_font(f, 0.85, false);
    char buf[64];
    double last_right = -INFINITY;
    for (size_t i = 0; i < a->nticks; i++) {
        double x = aid_scale_map(&a->s, a->ticks[i], x0, x1);
        aid_set_rgb(cr, c->theme->grid);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, x, ytop);
        cairo_line_to(cr, x, ybot);
        cairo_stroke(cr);
        PangoLayout *l = aid_text(cr, log_tick(c, a, a->ticks[i], buf, sizeof buf), &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        /* inside the frame, even for a tick near its edge */
        double lx = CLAMP(x - tw / 2, f->x, f->x + f->w - tw);
        if (lx > last_right + f->font * 0.5) {
            aid_set_rgb(cr, c->theme->muted);
            aid_text_draw_at(cr, l, lx + tw / 2, ybot + f->font * 0.3, 0.5);
            last_right = lx + tw;
        }
        g_object_unref(l);
    }
}

static void log_grid_y(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const axis_t *a, double x0,
                       double x1, double ytop, double ybot)
{
    aid_font_t font = aid_font(f, 0.85, false);
    char buf[64];
    double last_top = INFINITY;
    for (size_t i = 0; i < a->nticks; i++) {
        double y = aid_scale_map(&a->s, a->ticks[i], ybot, ytop);
        aid_set_rgb(cr, c->theme->grid);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, x0, y);
        cairo_line_to(cr, x1, y);
        cairo_stroke(cr);
        PangoLayout *l = aid_text(cr, log_tick(c, a, a->ticks[i], buf, sizeof buf), &font);
        double tw, th;
        aid_text_extent(l, &tw, &th);
        if (y + th / 2 < last_top - f->font * 0.1) {
            aid_set_rgb(cr, c->theme->muted);
            aid_text_draw_at(cr, l, x0 - f->font * 0.4, y - th / 2, 1);
            last_top = y - th / 2;
        }
        g_object_unref(l);
    }
}

/* ---- labels */

/* Where the labels go. Points are in priority order; a label is a box,
 * with a leader line when it had to move away from its point. */
typedef struct {
    box_t area;    /* where labels may go */
    box_t keepout; /* the y axis title */
    size_t n;
    const double *px, *py; /* the points' centres */
    const double *w, *h;   /* the labels' sizes */
    bool *placed, *lead;
    box_t *box;
    seg_t *seg;
    double r, pad, clear;
} placer_t;

/* Distance from a point to a box (0 inside). */
static double box_dist(const box_t *b, double x, double y)
{
    double dx = MAX(MAX(b->x0 - x, 0), x - b->x1), dy = MAX(MAX(b->y0 - y, 0), y - b->y1);
    return hypot(dx, dy);
}

static bool seg_cross(const seg_t *a, const seg_t *b)
{
    double d1 = (b->bx - b->ax) * (a->ay - b->ay) - (b->by - b->ay) * (a->ax - b->ax);
    double d2 = (b->bx - b->ax) * (a->by - b->ay) - (b->by - b->ay) * (a->bx - b->ax);
    double d3 = (a->bx - a->ax) * (b->ay - a->ay) - (a->by - a->ay) * (b->ax - a->ax);
    double d4 = (a->bx - a->ax) * (b->by - a->ay) - (a->by - a->ay) * (b->bx - a->ax);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

/* Whether label k fits at b (with leader s when lead). */
static bool fits(const placer_t *P, size_t k, const box_t *b, const seg_t *s, bool lead)
{
    if (b->x0 < P->area.x0 || b->x1 > P->area.x1 || b->y0 < P->area.y0 || b->y1 > P->area.y1 ||
        box_hit(b, &P->keepout))
        return false;
    /* a label reads as belonging to the nearest dot: no other dot may be as
     * near as its own (with a leader: none may be close) */
    double own = box_dist(b, P->px[k], P->py[k]);
    for (size_t o = 0; o < P->n; o++) {
        if (o == k)
            continue;
        double other = box_dist(b, P->px[o], P->py[o]);
        if (other <= P->clear || (!lead && other <= own * 1.15))
            return false;
        if (lead) {
            box_t dot = {P->px[o] - P->r - P->pad, P->py[o] - P->r - P->pad, P->px[o] + P->r + P->pad,
                         P->py[o] + P->r + P->pad};
            if (seg_hit(s, &dot))
                return false;
        }
    }
    for (size_t o = 0; o < P->n; o++) {
        if (o == k || !P->placed[o])
            continue;
        box_t other = {P->box[o].x0 - P->pad, P->box[o].y0, P->box[o].x1 + P->pad, P->box[o].y1};
        if (box_hit(b, &other))
            return false;
        if (P->lead[o] && seg_hit(&P->seg[o], b))
            return false;
        if (lead && (seg_hit(s, &other) || (P->lead[o] && seg_cross(s, &P->seg[o]))))
            return false;
    }
    return true;
}

/* The first free place for label k at distances dmin..dmax from its
 * point: right, left, above, below, the corners, then (with a leader) the
 * directions between them. */
static bool place(placer_t *P, size_t k, double dmin, double dmax, bool lead)
{
    static const double dirs[16][2] = {{1, 0},
                                       {-1, 0},
                                       {0, -1},
                                       {0, 1},
                                       {0.7071, -0.7071},
                                       {0.7071, 0.7071},
                                       {-0.7071, -0.7071},
                                       {-0.7071, 0.7071},
                                       {0.9239, -0.3827},
                                       {0.9239, 0.3827},
                                       {-0.9239, -0.3827},
                                       {-0.9239, 0.3827},
                                       {0.3827, -0.9239},
                                       {0.3827, 0.9239},
                                       {-0.3827, -0.9239},
                                       {-0.3827, 0.9239}};
    double px = P->px[k], py = P->py[k], w = P->w[k], h = P->h[k];
    double step = MAX(h * 0.4, 1.0);
    for (double d = dmin; d <= dmax + 1e-9; d += step) {
        for (size_t q = 0; q < (lead ? 16u : 8u); q++) {
            double ux = dirs[q][0], uy = dirs[q][1];
            /* the label's near side or corner faces the point */
            double lx = ux > 0.1 ? px + ux * d : ux < -0.1 ? px + ux * d - w : px - w / 2;
            double ly = uy > 0.1 ? py + uy * d : uy < -0.1 ? py + uy * d - h : py - h / 2;
            box_t b = {lx, ly, lx + w, ly + h};
            seg_t s = {0, 0, 0, 0};
            if (lead) {
                /* from the dot's edge to the nearest point of the text */
                double nx = CLAMP(px, b.x0, b.x1), ny = CLAMP(py, b.y0 + h * 0.25, b.y1 - h * 0.25);
                double len = hypot(nx - px, ny - py);
                if (len <= P->r + P->pad * 2)
                    continue;
                s.ax = px + (nx - px) * (P->r + 0.5) / len;
                s.ay = py + (ny - py) * (P->r + 0.5) / len;
                s.bx = nx - (nx - px) * P->pad / len;
                s.by = ny - (ny - py) * P->pad / len;
            }
            if (fits(P, k, &b, &s, lead)) {
                P->placed[k] = true;
                P->lead[k] = lead;
                P->box[k] = b;
                P->seg[k] = s;
                return true;
            }
        }
    }
    return false;
}

/* Next to the point, or else further out with a leader. */
static bool place_any(placer_t *P, size_t k, double d0, double dmax)
{
    return place(P, k, d0, d0, false) || place(P, k, d0 + MAX(P->h[k] * 0.4, 1.0), dmax, true);
}

/* Every label next to its point where it can be, in priority order; then
 * the others with leaders; then, for each label still without a place, one
 * lower-priority label is moved (or, failing that, given up) to make room. */
static void place_all(placer_t *P, double d0, double dmax)
{
    for (size_t k = 0; k < P->n; k++)
        place(P, k, d0, d0, false);
    for (size_t k = 0; k < P->n; k++)
        if (!P->placed[k])
            place(P, k, d0 + MAX(P->h[k] * 0.4, 1.0), dmax, true);
    for (size_t k = 0; k < P->n; k++) {
        if (P->placed[k])
            continue;
        for (size_t j = P->n; j-- > k + 1 && !P->placed[k];) {
            if (!P->placed[j])
                continue;
            box_t jb = P->box[j];
            seg_t js = P->seg[j];
            bool jl = P->lead[j];
            P->placed[j] = false;
            if (!place_any(P, k, d0, dmax)) {
                P->placed[j] = true; /* no help: put it back */
                continue;
            }
            if (!place_any(P, j, d0, dmax)) {
                /* k outranks j; j stays out */
                P->box[j] = jb, P->seg[j] = js, P->lead[j] = jl;
            }
        }
    }
}

typedef struct {
    size_t i;
    double px, py, prio;
} point_t;

static int prio_cmp(const void *pa, const void *pb)
{
    const point_t *a = pa, *b = pb;
    if (a->prio != b->prio)
        return a->prio > b->prio ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The extent of the points, *xlo..*xhi and *ylo..*yhi; an error when a
 * point cannot go on a logarithmic axis or there is none. */
static aidstat_status_t scatter_domain(aidstat_chart_t *c, double *xlo_out, double *xhi_out, double *ylo_out,
                                       double *yhi_out, aidstat_error_t *err)
{
    size_t n = c->nitems;
    bool logx = c->opt.log_x, logy = c->opt.log_y;
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        const aid_item_t *it = &c->items[i];
        double x = it->x, y = it->v[0];
        if (isnan(x) || isnan(y))
            continue;
        if (logx && x <= 0)
            return aid_error_set(
                err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                "%s: aid of %s cannot be placed on a logarithmic axis (only values above "
                "zero can); use linear axes",
                it->label, aid_money(x, c->currency, c->scale, x == 0 ? 0 : 2, c->locale, buf, sizeof buf));
        if (logy && y <= 0) {
            char num[48];
            snprintf(buf, sizeof buf, "%s %%", aid_num(y, y == 0 ? 0 : 4, c->locale, num, sizeof num));
            return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0,
                                 "%s: %s of GDP cannot be placed on a logarithmic axis (only values above "
                                 "zero can); use linear axes",
                                 it->label, buf);
        }
        xlo = MIN(xlo, x);
        xhi = MAX(xhi, x);
        ylo = MIN(ylo, y);
        yhi = MAX(yhi, y);
    }
    if (!isfinite(xlo))
        return aid_error_set(err, AIDSTAT_ERR_EMPTY, NULL, 0, 0, "no point to draw");
    *xlo_out = xlo, *xhi_out = xhi, *ylo_out = ylo, *yhi_out = yhi;
    return AIDSTAT_OK;
}

/* The points in the plot x0..x1, ytop..ybot, the most prominent on top,
 * and their labels where there is room (the y axis title, ytw x yth at the
 * top left, kept clear). */
static void scatter_points(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const axis_t *ax,
                           const axis_t *ay, double x0, double x1, double ytop, double ybot, double r,
                           double ytw, double yth)
{
    size_t n = c->nitems;
    /* the points */
    point_t *pts = g_new(point_t, n);
    size_t np = 0;
    bool any_highlight = false;
    for (size_t i = 0; i < n; i++) {
        const aid_item_t *it = &c->items[i];
        if (isnan(it->x) || isnan(it->v[0]))
            continue;
        any_highlight |= it->highlight;
        point_t *p = &pts[np++];
        p->i = i;
        p->px = aid_scale_map(&ax->s, it->x, x0, x1);
        p->py = aid_scale_map(&ay->s, it->v[0], ybot, ytop);
        /* the far points first: they stand out and have room around them */
        double u = (p->px - x0) / (x1 - x0), v = (ybot - p->py) / (ybot - ytop);
        p->prio = MAX(u, v) + (it->highlight ? 2 : 0);
    }
    qsort(pts, np, sizeof *pts, prio_cmp);

    /* labels */
    aid_font_t lf = aid_font(f, 0.8, false);
    placer_t P = {0};
    P.n = np;
    P.pad = f->font * 0.12;
    P.r = r;
    P.clear = r + f->font * 0.3;
    P.area = (box_t){x0 + 1, f->y, f->x + f->w, ybot - 1};
    P.keepout = (box_t){f->x, f->y, f->x + ytw + f->font * 0.3, f->y + yth};
    double *cx = g_new(double, np), *cy = g_new(double, np), *lw = g_new(double, np), *lh = g_new(double, np);
    PangoLayout **lays = g_new0(PangoLayout *, np);
    for (size_t k = 0; k < np; k++) {
        cx[k] = pts[k].px;
        cy[k] = pts[k].py;
        lays[k] = aid_text(cr, c->items[pts[k].i].label, &lf);
        aid_text_extent(lays[k], &lw[k], &lh[k]);
    }
    P.px = cx, P.py = cy, P.w = lw, P.h = lh;
    P.placed = g_new0(bool, np);
    P.lead = g_new0(bool, np);
    P.box = g_new0(box_t, np);
    P.seg = g_new0(seg_t, np);
    place_all(&P, r + f->font * 0.2, f->font * 4.5);
    for (size_t k = 0; k < np; k++)
        if (!P.placed[k])
            aid_chart_warn(c, "label \"%s\" dropped: no room", c->items[pts[k].i].label);

    /* ink: leaders under the dots, dots under the labels */
    aid_set_rgb(cr, c->theme->muted);
    cairo_set_line_width(cr, 0.4);
    for (size_t k = 0; k < np; k++)
        if (P.placed[k] && P.lead[k]) {
            cairo_move_to(cr, P.seg[k].ax, P.seg[k].ay);
            cairo_line_to(cr, P.seg[k].bx, P.seg[k].by);
            cairo_stroke(cr);
        }
    for (size_t k = np; k-- > 0;) { /* the most prominent on top */
        const aid_item_t *it = &c->items[pts[k].i];
        aid_rgb_t col =
            any_highlight ? (it->highlight ? c->theme->highlight : c->theme->other) : aid_chart_color(c, 0);
        cairo_new_path(cr);
        cairo_arc(cr, pts[k].px, pts[k].py, r, 0, 2 * G_PI);
        aid_set_rgb(cr, col);
        cairo_fill_preserve(cr);
        aid_set_rgb(cr, c->theme->background);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    aid_set_rgb(cr, c->theme->ink);
    for (size_t k = 0; k < np; k++) {
        if (P.placed[k])
            aid_text_draw(cr, lays[k], P.box[k].x0, P.box[k].y0);
        g_object_unref(lays[k]);
    }
    g_free(lays);
    g_free(cx);
    g_free(cy);
    g_free(lw);
    g_free(lh);
    g_free(P.placed);
    g_free(P.lead);
    g_free(P.box);
    g_free(P.seg);
    g_free(pts);
}

aidstat_status_t aid_draw_scatter(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    bool logx = c->opt.log_x, logy = c->opt.log_y;
    double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
    aidstat_status_t st = scatter_domain(c, &xlo, &xhi, &ylo, &yhi, err);
    if (st != AIDSTAT_OK)
        return st;

    aid_font_t tf = aid_font(f, 0.85, false);
    PangoLayout *probe = aid_text(cr, "0", &tf);
    double tick_h;
    aid_text_extent(probe, NULL, &tick_h);
    g_object_unref(probe);

    /* axis titles: y above its axis, x under the tick labels at the right */
    aid_font_t af = aid_font(f, 0.85, false);
    af.width = f->w;
    af.max_lines = 1;
    PangoLayout *ytl = aid_text(cr, c->y_label ? c->y_label : "", &af);
    PangoLayout *xtl = aid_text(cr, c->x_label ? c->x_label : "", &af);
    double ytw, yth, xtw, xth;
    aid_text_extent(ytl, &ytw, &yth);
    aid_text_extent(xtl, &xtw, &xth);

    double ytop = f->y + yth + tick_h / 2 + f->font * 0.2;
    double ybot = f->y + f->h - (f->font * 0.3 + tick_h + f->font * 0.25 + xth);
    axis_t ax = {.percent = false}, ay = {.percent = true};
    if (logy)
        log_axis(&ay, ylo, yhi);
    else
        lin_axis(&ay, yhi, (size_t)CLAMP((ybot - ytop) / (f->font * 3.0), 3, 8));
    double ytickw = ticks_width(c, cr, &ay, &tf, NULL);
    double x0 = f->x + ytickw + f->font * 0.4;
    double x1 = f->x + f->w;
    if (logx)
        log_axis(&ax, xlo, xhi);
    else
        lin_axis(&ax, xhi, (size_t)CLAMP((x1 - x0) / (f->font * 6.0), 3, 9));
    if (!ax.nticks || !ay.nticks) {
        g_object_unref(ytl);
        g_object_unref(xtl);
        return aid_error_set(err, AIDSTAT_ERR_DATA, NULL, 0, 0, "no axis ticks for these values");
    }
    double lastw = 0;
    ticks_width(c, cr, &ax, &tf, &lastw);
    double r = CLAMP(f->font * 0.28, 1.6, 4.0);
    /* the last tick label is centred under the right end */
    if (aid_scale_map(&ax.s, ax.ticks[ax.nticks - 1], 0, 1) > 0.999)
        x1 -= lastw / 2 + 1;
    x1 -= r;
    if (x1 - x0 < f->font * 8 || ybot - ytop < f->font * 5) {
        g_object_unref(ytl);
        g_object_unref(xtl);
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "no room for a scatter plot at this size: make the chart larger");
    }

    /* grid and ticks */
    if (logy) {
        log_grid_y(c, cr, f, &ay, x0, x1, ytop, ybot);
    } else {
        bool saved = c->percent_values;
        c->percent_values = true;
        aid_axis_y(c, cr, f, &ay.s, x0, x1, ytop, ybot);
        c->percent_values = saved;
    }
    if (logx) {
        log_grid_x(c, cr, f, &ax, x0, x1, ytop, ybot);
    } else {
        bool saved = c->percent_values;
        c->percent_values = false;
        aid_axis_x(c, cr, f, &ax.s, x0, x1, ytop, ybot);
        c->percent_values = saved;
    }
    aid_set_rgb(cr, c->theme->muted);
    aid_text_draw(cr, ytl, f->x, f->y);
    aid_text_draw(cr, xtl, MAX(f->x, x1 + r - xtw), f->y + f->h - xth);
    g_object_unref(ytl);
    g_object_unref(xtl);

    scatter_points(c, cr, f, &ax, &ay, x0, x1, ytop, ybot, r, ytw, yth);
    return AIDSTAT_OK;
}
