/* Charts over time: lines with direct labels at their ends (no legend
 * box), stacked areas, columns; event markers; an OLS trend with its
 * 95 % confidence band; small multiples with shared scales. */
#include "config.h"
#include "chart/axis.h"
#include "chart/kinds.h"
#include "data/error.h"
#include "data/period.h"

#include <math.h>
#include <string.h>

/* x of period t (its centre for columns, its start for lines). */
static double tx(const aidstat_chart_t *c, double t, double x0, double x1)
{
    double n = (double)c->nt;
    if (c->opt.kind == AIDSTAT_CHART_COLUMN)
        return x0 + (t + 0.5) * (x1 - x0) / n;
    return n > 1 ? x0 + t * (x1 - x0) / (n - 1) : (x0 + x1) / 2;
}

/* Period index (fractional) of an event date. */
static double event_t(const aidstat_chart_t *c, int year, int month)
{
    double mk = year * 12.0 + (month ? month - 1 : 0);
    double first = c->years[0] * 12.0 + c->months[0] - 1;
    return (mk - first) / (double)c->interval;
}

/* Time axis: year labels, or months/quarters when the span is short. */
static void time_axis(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x0, double x1,
                      double ybot)
{
    aid_font_t font = aid_font(f, 0.85, false);
    double last_right = -INFINITY;
    /* months or quarters by name only where there is room for them */
    bool years_only =
        c->interval == AIDSTAT_INTERVAL_YEAR || c->nt > 30 || (x1 - x0) / (double)c->nt < f->font * 3.2;
    for (size_t t = 0; t < c->nt; t++) {
        char buf[32];
        bool start_of_year = c->months[t] == 1;
        if (years_only && !start_of_year && !(t == 0 && c->interval == AIDSTAT_INTERVAL_YEAR))
            continue;
        if (years_only)
            snprintf(buf, sizeof buf, "%d", c->years[t]);
        else if (c->interval == AIDSTAT_INTERVAL_QUARTER)
            snprintf(buf, sizeof buf, start_of_year || t == 0 ? "Q%d %d" : "Q%d", (c->months[t] - 1) / 3 + 1,
                     c->years[t]);
        else
            snprintf(buf, sizeof buf, start_of_year || t == 0 ? "%s %d" : "%s", aid_month_abbr(c->months[t]),
                     c->years[t]);
        double x = tx(c, (double)t, x0, x1);
        if (c->opt.kind != AIDSTAT_CHART_COLUMN && years_only && c->interval != AIDSTAT_INTERVAL_YEAR) {
            /* a year label sits under its January */
        }
        PangoLayout *l = aid_text(cr, buf, &font);
        double w, h;
        aid_text_extent(l, &w, &h);
        double lx = CLAMP(x - w / 2, x0 - f->font, x1 + f->font - w);
        if (lx > last_right + f->font * 0.6) {
            aid_set_rgb(cr, c->theme->muted);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, x, ybot);
            cairo_line_to(cr, x, ybot + f->font * 0.3);
            cairo_stroke(cr);
            aid_text_draw_at(cr, l, lx + w / 2, ybot + f->font * 0.35, 0.5);
            last_right = lx + w;
        }
        g_object_unref(l);
    }
}

static void events_draw(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, double x0, double x1,
                        double ytop, double ybot)
{
    aid_font_t font = aid_font(f, 0.75, false);
    double row_right[3] = {-INFINITY, -INFINITY, -INFINITY};
    for (size_t i = 0; i < c->opt.nevents; i++) {
        const aidstat_event_t *e = &c->opt.events[i];
        double t = event_t(c, e->year, e->month);
        if (t < 0 || t > (double)c->nt - (c->opt.kind == AIDSTAT_CHART_COLUMN ? 0 : 1)) {
            aid_chart_warn(c, "event \"%s\" is outside the period shown", e->label);
            continue;
        }
        double x = tx(c, t, x0, x1);
        static const double dash[] = {2, 2};
        cairo_set_dash(cr, dash, 2, 0);
        aid_set_rgb(cr, c->theme->muted);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x, ytop);
        cairo_line_to(cr, x, ybot);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        PangoLayout *l = aid_text(cr, e->label, &font);
        double w, h;
        aid_text_extent(l, &w, &h);
        /* the first row with room, so labels never overlap */
        int row = -1;
        for (int r = 0; r < 3 && row < 0; r++)
            if (x + 2 > row_right[r] + f->font * 0.3)
                row = r;
        if (row < 0 || x + 2 + w > x1 + f->font * 3) {
            aid_chart_warn(c, "event label \"%s\" has no room and is not shown", e->label);
        } else {
            aid_text_draw(cr, l, x + 2, ytop + row * h);
            row_right[row] = x + 2 + w;
        }
        g_object_unref(l);
    }
}

/* One panel: lines, areas or columns of items [from, to) in a box. */
/* An item's trend: the 95 % confidence band of the fitted mean, then the
 * dashed line, in the item's colour col. */
static void trend_band(aidstat_chart_t *c, cairo_t *cr, const aid_scale_t *s, const aid_item_t *it,
                       aid_rgb_t col, double x0, double x1, double ytop, double ybot)
{
    size_t nt = c->nt;
    const aidstat_trend_t *tr = &it->trend;
    cairo_new_path(cr);
    for (size_t t = 0; t < nt; t++) {
        double xv = (double)t;
        double var = tr->se_intercept * tr->se_intercept + 2 * xv * tr->cov_intercept_slope +
                     xv * xv * tr->se_slope * tr->se_slope;
        double yh = tr->intercept + tr->slope * xv + tr->t_crit * sqrt(fmax(var, 0));
        cairo_line_to(cr, tx(c, xv, x0, x1), aid_scale_map(s, CLAMP(yh, s->lo, s->hi), ybot, ytop));
    }
    for (size_t t = nt; t-- > 0;) {
        double xv = (double)t;
        double var = tr->se_intercept * tr->se_intercept + 2 * xv * tr->cov_intercept_slope +
                     xv * xv * tr->se_slope * tr->se_slope;
        double yl = tr->intercept + tr->slope * xv - tr->t_crit * sqrt(fmax(var, 0));
        cairo_line_to(cr, tx(c, xv, x0, x1), aid_scale_map(s, CLAMP(yl, s->lo, s->hi), ybot, ytop));
    }
    cairo_close_path(cr);
    cairo_set_source_rgba(cr, col.r, col.g, col.b, 0.15);
    cairo_fill(cr);
    static const double dash[] = {4, 3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgba(cr, col.r, col.g, col.b, 0.9);
    cairo_set_line_width(cr, 1.0);
    double ya = tr->intercept, yb = tr->intercept + tr->slope * (double)(nt - 1);
    cairo_move_to(cr, tx(c, 0, x0, x1), aid_scale_map(s, CLAMP(ya, s->lo, s->hi), ybot, ytop));
    cairo_line_to(cr, tx(c, (double)(nt - 1), x0, x1), aid_scale_map(s, CLAMP(yb, s->lo, s->hi), ybot, ytop));
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* Room for the leader lines between the plot and the column of end labels. */
#define LEADER_ROOM 0.9

/* Direct labels at the ends of the lines of items from .. from + ng (their
 * last values at ends[]), in a column labw wide right of x1, pushed apart
 * so none overlap. A label pushed away from its line's end gets a leader
 * line from that end (x1) to the label. */
static void end_labels(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aid_font_t lf,
                       const double *ends, size_t ng, size_t from, double labw, double x1, double ytop,
                       double ybot)
{
    size_t *order = g_new(size_t, ng);
    for (size_t i = 0; i < ng; i++)
        order[i] = i;
    for (size_t i = 1; i < ng; i++)
        for (size_t j = i; j > 0 && ends[order[j]] < ends[order[j - 1]]; j--) {
            size_t tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    double lh = f->font * 0.9 * 1.25;
    /* as many labels as the height holds: the largest lines keep
     * theirs (groups come largest first) */
    size_t room = (size_t)MAX(0.0, floor((ybot - ytop) / lh));
    if (ng > room) {
        aid_chart_warn(c,
                       "%zu of %zu line labels left out: too many lines to label; show fewer groups or one "
                       "panel per group",
                       ng - room, ng);
        size_t k = 0;
        for (size_t i = 0; i < ng; i++)
            if (order[i] < room)
                order[k++] = order[i];
        ng = k;
    }
    double *pos = g_new(double, ng + 1);
    for (size_t i = 0; i < ng; i++)
        pos[i] = ends[order[i]] - lh / 2;
    for (size_t i = 1; i < ng; i++)
        pos[i] = MAX(pos[i], pos[i - 1] + lh);
    /* keep the stack inside the plot: push down from the top, then up from the bottom */
    if (ng && pos[0] < ytop)
        pos[0] = ytop;
    for (size_t i = 1; i < ng; i++)
        pos[i] = MAX(pos[i], pos[i - 1] + lh);
    if (ng && pos[ng - 1] + lh > ybot) {
        pos[ng - 1] = ybot - lh;
        for (size_t i = ng - 1; i-- > 0;)
            pos[i] = MIN(pos[i], pos[i + 1] - lh);
    }
    /* a label more than a quarter line from its line's end is displaced */
    bool leaders = false;
    for (size_t i = 0; i < ng; i++)
        leaders |= fabs(pos[i] + lh / 2 - ends[order[i]]) > lh * 0.25;
    double lead = leaders ? f->font * LEADER_ROOM : 0, lx = x1 + f->font * 0.4 + lead;
    lf.width = labw - f->font * 0.4 - lead;
    lf.max_lines = 1;
    for (size_t i = 0; i < ng; i++) {
        size_t g = order[i];
        PangoLayout *l = aid_text(cr, c->items[from + g].label, &lf);
        if (aid_text_ellipsized(l))
            aid_chart_warn(c, "line label \"%s\" shortened to fit", c->items[from + g].label);
        double th;
        aid_text_extent(l, NULL, &th);
        aid_rgb_t ink = aid_rgb_legible(aid_chart_color(c, g), c->theme->background);
        aid_set_rgb(cr, ink);
        if (fabs(pos[i] + lh / 2 - ends[order[i]]) > lh * 0.25) {
            cairo_save(cr);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x1 + 1.5, ends[order[i]]);
            cairo_line_to(cr, lx - f->font * 0.25, pos[i] + th / 2);
            cairo_stroke(cr);
            cairo_restore(cr);
        }
        aid_text_draw(cr, l, lx, pos[i]);
        g_object_unref(l);
    }
    g_free(pos);
    g_free(order);
}

static void panel(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, const aid_scale_t *s, size_t from,
                  size_t to, double x, double y, double w, double h, bool labels_right, bool events)
{
    aid_font_t lf = aid_font(f, 0.9, false);
    /* the end labels: width reserved at the right */
    double labw = 0;
    if (labels_right && c->opt.kind == AIDSTAT_CHART_LINE && to - from > 1) {
        for (size_t g = from; g < to; g++) {
            PangoLayout *l = aid_text(cr, c->items[g].label, &lf);
            double lw;
            aid_text_extent(l, &lw, NULL);
            labw = MAX(labw, lw);
            g_object_unref(l);
        }
        labw = MIN(labw + f->font * (0.5 + LEADER_ROOM), w * 0.3);
    }
    /* tick labels at the left */
    aid_font_t tf = aid_font(f, 0.85, false);
    char buf[64];
    double tickw = 0;
    for (size_t i = 0; i < s->nticks; i++) {
        PangoLayout *l = aid_text(cr, aid_chart_tick(c, aid_scale_tick(s, i), s->step, buf, sizeof buf), &tf);
        double tw;
        aid_text_extent(l, &tw, NULL);
        tickw = MAX(tickw, tw);
        g_object_unref(l);
    }
    double x0 = x + tickw + f->font * 0.5, x1 = x + w - labw - f->font * 0.3;
    double ytop = y, ybot = y + h - f->font * 1.6;
    aid_axis_y(c, cr, f, s, x0, x1, ytop, ybot);
    time_axis(c, cr, f, x0, x1, ybot);
    if (events)
        events_draw(c, cr, f, x0, x1, ytop, ybot);
    size_t nt = c->nt;
    if (c->opt.kind == AIDSTAT_CHART_LINE) {
        size_t ng = to - from;
        double *ends = g_new(double, ng);
        for (size_t g = from; g < to; g++) {
            aid_item_t *it = &c->items[g];
            aid_rgb_t col = aid_chart_color(c, g - from);
            if (it->has_trend) /* the 95 % confidence band of the fitted mean, then the line */
                trend_band(c, cr, s, it, col, x0, x1, ytop, ybot);
            aid_set_rgb(cr, col);
            cairo_set_line_width(cr, 1.6);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_new_path(cr);
            double cols = (x1 - x0) * 2; /* half-point columns: finer than any eye */
            if ((double)nt <= cols) {
                for (size_t t = 0; t < nt; t++)
                    cairo_line_to(cr, tx(c, (double)t, x0, x1), aid_scale_map(s, it->v[t], ybot, ytop));
            } else {
                /* more points than columns: each column's first, lowest,
                 * highest and last value draw the same ink as all of them */
                size_t t = 0;
                for (size_t k = 0; k < (size_t)cols && t < nt; k++) {
                    size_t end = (size_t)((double)(k + 1) * (double)nt / cols);
                    end = MIN(MAX(end, t + 1), nt);
                    double lo = it->v[t], hi = it->v[t];
                    for (size_t u = t; u < end; u++) {
                        lo = fmin(lo, it->v[u]);
                        hi = fmax(hi, it->v[u]);
                    }
                    double xk = tx(c, (double)t, x0, x1);
                    cairo_line_to(cr, xk, aid_scale_map(s, it->v[t], ybot, ytop));
                    cairo_line_to(cr, xk, aid_scale_map(s, lo, ybot, ytop));
                    cairo_line_to(cr, xk, aid_scale_map(s, hi, ybot, ytop));
                    cairo_line_to(cr, tx(c, (double)(end - 1), x0, x1),
                                  aid_scale_map(s, it->v[end - 1], ybot, ytop));
                    t = end;
                }
            }
            cairo_stroke(cr);
            ends[g - from] = aid_scale_map(s, it->v[nt - 1], ybot, ytop);
        }
        if (labw > 0) /* direct labels at the line ends, pushed apart so none overlap */
            end_labels(c, cr, f, lf, ends, ng, from, labw, x1, ytop, ybot);
        g_free(ends);
    } else if (c->opt.kind == AIDSTAT_CHART_AREA) {
        double *base = g_new0(double, nt);
        for (size_t g = from; g < to; g++) {
            aid_item_t *it = &c->items[g];
            cairo_new_path(cr);
            for (size_t t = 0; t < nt; t++)
                cairo_line_to(cr, tx(c, (double)t, x0, x1), aid_scale_map(s, base[t] + it->v[t], ybot, ytop));
            for (size_t t = nt; t-- > 0;)
                cairo_line_to(cr, tx(c, (double)t, x0, x1), aid_scale_map(s, base[t], ybot, ytop));
            cairo_close_path(cr);
            aid_set_rgb(cr, aid_chart_color(c, g - from));
            cairo_fill(cr);
            for (size_t t = 0; t < nt; t++)
                base[t] += it->v[t];
        }
        g_free(base);
    } else { /* columns, stacked */
        double band = (x1 - x0) / (double)nt, bw = band * (nt > 40 ? 0.9 : 0.72);
        for (size_t t = 0; t < nt; t++) {
            double pos = 0, neg = 0;
            for (size_t g = from; g < to; g++) {
                double v = c->items[g].v[t];
                if (isnan(v) || v == 0)
                    continue;
                double a = v >= 0 ? pos : neg, b = a + v;
                double ya = aid_scale_map(s, a, ybot, ytop), yb = aid_scale_map(s, b, ybot, ytop);
                aid_set_rgb(cr, aid_chart_color(c, g - from));
                cairo_rectangle(cr, tx(c, (double)t, x0, x1) - bw / 2, MIN(ya, yb), bw, fabs(yb - ya));
                cairo_fill(cr);
                if (v >= 0)
                    pos = b;
                else
                    neg = b;
            }
        }
    }
}

aidstat_status_t aid_draw_time(aidstat_chart_t *c, cairo_t *cr, const aid_frame_t *f, aidstat_error_t *err)
{
    bool stack = c->opt.kind != AIDSTAT_CHART_LINE && !c->opt.facet;
    double lo = 0, hi = 0;
    for (size_t t = 0; t < c->nt; t++) {
        double pos = 0, neg = 0;
        for (size_t g = 0; g < c->nitems; g++) {
            double v = c->items[g].v[t];
            if (isnan(v))
                continue;
            if (stack) {
                if (v >= 0)
                    pos += v;
                else
                    neg += v;
            } else {
                lo = MIN(lo, v);
                hi = MAX(hi, v);
            }
        }
        if (stack) {
            lo = MIN(lo, neg);
            hi = MAX(hi, pos);
        }
        for (size_t g = 0; g < c->nitems && c->opt.kind == AIDSTAT_CHART_LINE; g++)
            if (c->items[g].has_trend) {
                const aidstat_trend_t *tr = &c->items[g].trend;
                double yv = tr->intercept + tr->slope * (double)t;
                lo = MIN(lo, yv);
                hi = MAX(hi, yv);
            }
    }
    if (c->plain_values && lo == 0) {
        /* rates and other plain values need no zero on the axis */
        lo = INFINITY;
        for (size_t g = 0; g < c->nitems; g++)
            for (size_t t = 0; t < c->nt; t++)
                if (!isnan(c->items[g].v[t]))
                    lo = fmin(lo, c->items[g].v[t]);
        if (!isfinite(lo) || lo <= 0)
            lo = 0;
    }
    aid_scale_t s;
    bool legend = c->nitems > 1 && (c->opt.kind != AIDSTAT_CHART_LINE) && !c->opt.facet;
    double top = f->y, height = f->h;
    if (legend) {
        /* the legend names the groups, which are the series here */
        char **saved = c->series;
        size_t savedn = c->nser;
        c->series = g_new0(char *, c->nitems + 1);
        for (size_t g = 0; g < c->nitems; g++)
            c->series[g] = c->items[g].label;
        c->nser = c->nitems;
        double lh = aid_legend_height(c, cr, f, f->w);
        aid_legend_draw(c, cr, f, f->x, f->y, f->w);
        g_free(c->series);
        c->series = saved;
        c->nser = savedn;
        top += lh + f->font * 0.6;
        height -= lh + f->font * 0.6;
    }
    if (c->opt.kind == AIDSTAT_CHART_LINE && !c->opt.facet && c->nitems > c->npalette)
        aid_chart_warn(c, "%zu lines share %zu colours: show fewer groups or one panel per group", c->nitems,
                       c->npalette);
    if (!c->opt.facet || c->nitems == 1) {
        aid_scale_nice(&s, lo, hi, (size_t)CLAMP(height / (f->font * 3.2), 3, 8));
        panel(c, cr, f, &s, 0, c->nitems, f->x, top, f->w, height, true, true);
        return AIDSTAT_OK;
    }
    /* small multiples: a grid with one shared scale */
    size_t n = c->nitems;
    size_t cols = (size_t)lround(sqrt((double)n * f->w / MAX(f->h, 1.0) / 1.4));
    cols = CLAMP(cols, 1, n);
    size_t rows = (n + cols - 1) / cols;
    double gap = f->font * 1.2, vgap = f->font * 2.0;
    double pw = (f->w - gap * (double)(cols - 1)) / (double)cols;
    double ph = (height - vgap * (double)(rows - 1)) / (double)rows;
    aid_frame_t pf = *f;
    pf.font = MAX(5.0, f->font * MIN(1.0, MIN(pw / 160.0, ph / 110.0)));
    if (ph < pf.font * 7 || pw < pf.font * 12)
        return aid_error_set(err, AIDSTAT_ERR_USAGE, NULL, 0, 0,
                             "%zu panels do not fit: show fewer groups or make the chart larger", n);
    aid_scale_nice(&s, lo, hi, (size_t)CLAMP(ph / (pf.font * 3.5), 2, 5));
    aid_font_t hf = aid_font(&pf, 1.0, true);
    hf.width = pw;
    hf.max_lines = 1;
    for (size_t g = 0; g < n; g++) {
        double px = f->x + (double)(g % cols) * (pw + gap), py = top + (double)(g / cols) * (ph + vgap);
        PangoLayout *l = aid_text(cr, c->items[g].label, &hf);
        double th;
        aid_text_extent(l, NULL, &th);
        aid_set_rgb(cr, c->theme->ink);
        aid_text_draw(cr, l, px, py);
        g_object_unref(l);
        /* each panel draws one group in the first colour */
        aid_rgb_t keep0 = c->palette[0];
        c->palette[0] = aid_chart_color(c, g);
        panel(c, cr, &pf, &s, g, g + 1, px, py + th + pf.font * 0.2, pw, ph - th - pf.font * 0.2, false,
              false);
        c->palette[0] = keep0;
    }
    return AIDSTAT_OK;
}
